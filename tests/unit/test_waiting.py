"""What a stop that hangs logs (app.adapters.waiting): each other task's await chain, in code
locations only, once the stop has taken longer than it should."""

from __future__ import annotations

import asyncio
import logging

import pytest

from app.adapters.waiting import watched


async def _holds_the_stop(release: asyncio.Event) -> None:
    await release.wait()


async def test_a_stop_past_its_time_logs_where_each_task_waits(
    caplog: pytest.LogCaptureFixture,
) -> None:
    release = asyncio.Event()
    holder = asyncio.create_task(_holds_the_stop(release), name="a job that will not end")
    try:
        with caplog.at_level(logging.WARNING, logger="mastery.shutdown"):
            async with watched("the shutdown", 0.01):
                await asyncio.sleep(0.1)
    finally:
        release.set()
        await holder
    [record] = caplog.records
    assert record.getMessage() == (
        "the shutdown has taken more than 0.01 s; the tasks still running and where they wait"
    )
    chain = record.tasks["a job that will not end"]  # type: ignore[attr-defined]
    assert [step.split(" ")[-1] for step in chain] == ["_holds_the_stop", "wait", "FutureIter"]
    assert chain[0].startswith("test_waiting.py:")


async def test_a_stop_in_time_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mastery.shutdown"):
        async with watched("the shutdown", 5):
            await asyncio.sleep(0)
        await asyncio.sleep(0.01)
    assert caplog.records == []
