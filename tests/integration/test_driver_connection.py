"""The driver connection the hot statements run on (app.adapters.db.native.asyncpg_connection)
is asked of SQLAlchemy once a transaction and kept for that transaction only: a statement after
a commit runs in the session's next transaction, never outside one (decision 0079)."""

from __future__ import annotations

import pytest

from app.adapters.db.engine import create_engine, session_factory
from app.adapters.db.native import asyncpg_connection


async def test_the_driver_connection_is_kept_for_its_transaction_only(
    empty_database: str,
) -> None:
    if not empty_database.startswith("postgresql"):
        pytest.skip(
            "the driver connection is asyncpg's; SQLite runs every statement through SQLAlchemy"
        )
    engine = create_engine(empty_database)
    try:
        async with session_factory(engine)() as session:
            first = await asyncpg_connection(session)
            assert first.is_in_transaction()
            assert await asyncpg_connection(session) is first
            await session.commit()
            assert not first.is_in_transaction()
            # The session's next transaction: begun before its first driver statement.
            again = await asyncpg_connection(session)
            assert again.is_in_transaction()
            await again.execute("SELECT 1")
            await session.rollback()
    finally:
        await engine.dispose()
