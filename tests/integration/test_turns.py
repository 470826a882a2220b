"""A background round's turn (app.adapters.db.turns) when the round is cancelled inside a
statement, as a stopping server cancels its keepers: the cancel reaches the caller (not an
error about the connection, which the keepers logged as a failed round with its traceback),
and the turn is free for the next process."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from app.adapters.db.engine import create_engine
from app.adapters.db.turns import turn

_KEY = 0x74657374_7475726E  # "test" "turn"


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
async def test_a_round_cancelled_inside_a_statement_ends_cancelled_and_frees_the_turn(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    started = asyncio.Event()

    async def round_() -> None:
        async with engine.connect() as connection:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            async with turn(connection, _KEY) as mine:
                assert mine
                started.set()
                await connection.execute(sa.text("SELECT pg_sleep(30)"))

    try:
        task = asyncio.create_task(round_())
        await asyncio.wait_for(started.wait(), timeout=10)
        await asyncio.sleep(0.3)  # inside the statement
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=20)
        async with engine.connect() as other, turn(other, _KEY) as mine:
            assert mine  # the cancelled round's lock went with its session
    finally:
        await engine.dispose()
