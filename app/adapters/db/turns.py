"""One process at a time for the background rounds every server runs (the statistics keeper,
the retention sweep): a PostgreSQL session-level advisory lock taken without waiting, so the
processes that do not get it skip the round instead of queueing behind it. SQLite serves one
process and has one writer: the turn is always this process's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection


@asynccontextmanager
async def turn(connection: AsyncConnection, key: int) -> AsyncIterator[bool]:
    """Whether this connection holds the turn named by `key` for the block (released after).
    Session-level: it outlives the block's commits."""
    if connection.dialect.name != "postgresql":
        yield True
        return
    taken = bool(await connection.scalar(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": key}))
    await connection.commit()  # the block's own transactions begin after the lock's
    try:
        yield taken
    finally:
        # A block cancelled inside a statement (a stopping server cancels its rounds) loses its
        # connection: the driver closes it, and the session's lock goes with it. Unlocking then
        # would raise about the connection in place of the cancel.
        if taken and not connection.invalidated:
            await connection.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            await connection.commit()
