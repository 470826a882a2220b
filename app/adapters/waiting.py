"""Where an asyncio task is waiting, in code locations only (file, line, function): what a
process that will not stop logs, so that the next hang explains itself. No local values are
read, so no personal data can reach the log."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import FrameType
from typing import Any

log = logging.getLogger("mastery.shutdown")


def waiting_in(task: asyncio.Task[Any], depth: int = 12) -> list[str]:
    """The task's await chain, outermost first: "module:line function" per frame. A task's own
    `get_stack()` gives only its top frame for a coroutine; the chain through `cr_await` shows
    the library call it is stuck in."""
    found: list[str] = []
    awaited: Any = task.get_coro()
    while awaited is not None and len(found) < depth:
        frame: FrameType | None = getattr(awaited, "cr_frame", None) or getattr(
            awaited, "gi_frame", None
        )
        if frame is None:
            break
        code = frame.f_code
        found.append(f"{code.co_filename.rsplit('/', 1)[-1]}:{frame.f_lineno} {code.co_name}")
        awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
    if awaited is not None:  # a future (through its iterator) or a library's own awaitable
        found.append(f"awaiting {type(awaited).__name__}")
    return found


def pending_tasks() -> dict[str, list[str]]:
    """Every other task of the running loop that has not ended, by name, with where it waits."""
    current = asyncio.current_task()
    return {
        task.get_name(): waiting_in(task)
        for task in asyncio.all_tasks()
        if task is not current and not task.done()
    }


@asynccontextmanager
async def watched(what: str, seconds: float) -> AsyncIterator[None]:
    """Run the block; if it has not ended after `seconds`, log once what every other task is
    waiting in (the block goes on: this says why a stop hangs, it does not cut it short)."""

    async def watch() -> None:
        await asyncio.sleep(seconds)
        log.warning(
            "%s has taken more than %g s; the tasks still running and where they wait",
            what,
            seconds,
            extra={"tasks": pending_tasks()},
        )

    watcher = asyncio.create_task(watch(), name=f"watching {what}")
    try:
        yield
    finally:
        watcher.cancel()
