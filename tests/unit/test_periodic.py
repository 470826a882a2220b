"""A server's background rounds (app.adapters.periodic): they repeat, a failed round does not
stop the next, an interval of 0 switches them off, and stopping ends them."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import pytest

from app.adapters import periodic as periodic_module
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


async def test_a_round_that_swallows_the_cancel_still_ends_the_rounds() -> None:
    # Some libraries catch a cancellation inside their own cleanup and return: the loop must
    # still end, or the task runs on and holds the process's exit (asyncio.run waits for it).
    rounds: list[int] = []
    began = asyncio.Event()

    async def round_() -> None:
        rounds.append(1)
        began.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            return  # swallowed

    periodic = Periodic("swallows", 0.001, round_)
    periodic.start()
    await asyncio.wait_for(began.wait(), timeout=10)
    await periodic.stop()
    await asyncio.sleep(0.05)  # fifty intervals: a loop still running would begin rounds
    assert rounds == [1]


async def test_a_round_that_will_not_end_does_not_hold_the_stop(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(periodic_module, "_STOP_WAIT_SECONDS", 0.05)
    began = asyncio.Event()
    release = asyncio.Event()

    async def stuck_in_a_library() -> None:
        while not release.is_set():
            with contextlib.suppress(asyncio.CancelledError):
                await release.wait()

    async def round_() -> None:
        began.set()
        await stuck_in_a_library()

    periodic = Periodic("will-not-end", 0.001, round_)
    periodic.start()
    try:
        await asyncio.wait_for(began.wait(), timeout=10)
        with caplog.at_level(logging.WARNING, logger="mastery.periodic"):
            await asyncio.wait_for(periodic.stop(), timeout=10)
    finally:
        release.set()  # the task can end now (its loop sees the stop): the test leaves none
    await asyncio.sleep(0.01)
    [record] = [r for r in caplog.records if "has not ended" in r.getMessage()]
    assert record.getMessage().startswith("will-not-end:")
    where = record.waiting_in  # type: ignore[attr-defined]
    assert [w.split(" ")[-1] for w in where] == [
        "_run",
        "round_",
        "stuck_in_a_library",
        "wait",  # asyncio's Event.wait
        "FutureIter",  # what it awaits: "awaiting FutureIter"
    ]
    assert where[0].startswith("periodic.py:")
    assert where[3].startswith("locks.py:")


async def test_a_database_out_of_reach_is_one_line_and_a_bug_keeps_its_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A PostgreSQL restart fails every keeper's round until it is back: one line each, naming
    # the error's class. Any other failure is a bug, and its traceback is what finds it.
    failures: list[Exception] = [
        ConnectionRefusedError(111, "Connect call failed"),
        ValueError("a bug in the round"),
    ]
    done = asyncio.Event()

    async def round_() -> None:
        if failures:
            raise failures.pop(0)
        done.set()

    caplog.set_level(logging.WARNING, logger="mastery.periodic")
    periodic = Periodic("outage", 0.001, round_)
    periodic.start()
    await asyncio.wait_for(done.wait(), timeout=10)
    await periodic.stop()
    outage, bug = [r for r in caplog.records if r.name == "mastery.periodic"][:2]
    assert (
        outage.getMessage() == "outage: the database cannot be reached; the next round tries again"
    )
    assert outage.exc_info is None
    assert outage.exc_text is None
    assert outage.__dict__["error"] == "ConnectionRefusedError"
    assert bug.getMessage() == "outage: a round failed; the next one tries again"
    # Where the service's logging is set up (another test may have), the record factory has
    # already rendered the traceback to text, without its messages (app.api.logs.redact).
    traceback = bug.exc_text or logging.Formatter().formatException(bug.exc_info or (None,) * 3)
    assert traceback.startswith("Traceback")
    assert "ValueError" in traceback
