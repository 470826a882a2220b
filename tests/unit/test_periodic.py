"""A server's background rounds (app.adapters.periodic): they repeat, a failed round does not
stop the next, an interval of 0 switches them off, and stopping ends them."""

from __future__ import annotations

import asyncio

from app.adapters.periodic import Periodic


async def test_rounds_repeat_past_a_failure_and_stop_when_asked() -> None:
    rounds: list[int] = []
    third = asyncio.Event()

    async def round_() -> None:
        rounds.append(len(rounds) + 1)
        if len(rounds) == 1:
            raise ConnectionError("the database is restarting")
        if len(rounds) == 3:
            third.set()

    periodic = Periodic("test-rounds", 0.001, round_)
    periodic.start()
    await asyncio.wait_for(third.wait(), timeout=10)
    await periodic.stop()
    stopped_at = len(rounds)
    await asyncio.sleep(0.01)
    assert rounds[:3] == [1, 2, 3]  # the failed first round did not end them
    assert len(rounds) == stopped_at  # none after stop()


async def test_an_interval_of_zero_runs_no_round() -> None:
    rounds: list[int] = []

    async def round_() -> None:
        rounds.append(1)

    periodic = Periodic("switched-off", 0, round_)
    periodic.start()
    await asyncio.sleep(0.01)
    await periodic.stop()
    assert rounds == []
