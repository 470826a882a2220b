"""Waiting for the change feed's horizon in tests (PostgreSQL)."""

from __future__ import annotations

import asyncio

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine


async def settled(engine: AsyncEngine) -> None:
    """Wait until every transaction begun so far on the PostgreSQL cluster has ended (the
    server's own background work, such as its statistics keeper, included): only then does the
    feed's horizon pass the writes a test made (decision 0043). SQLite: nothing to wait for."""
    if engine.dialect.name != "postgresql":
        return
    async with engine.connect() as conn:
        now = sa.text("SELECT pg_current_xact_id()::text::bigint")
        mark = (await conn.execute(now)).scalar_one()
        await conn.commit()
        horizon = sa.text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
        for _ in range(500):
            if (await conn.execute(horizon)).scalar_one() > mark:
                return
            await conn.rollback()
            await asyncio.sleep(0.02)
    raise AssertionError("a transaction of the cluster stayed open for 10 s")
