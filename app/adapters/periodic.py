"""A round of background work every N seconds for the life of a server process (the planner
statistics keeper, the webhook dispatcher). A round that fails is logged, and the next one
tries again: the database may be restarting. A database out of reach is logged as one line
naming the error's class, without a traceback: an outage is an operator's fact, not a bug,
and every round of every keeper would print one."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from app.adapters.db.unavailable import database_unavailable
from app.adapters.waiting import waiting_in

log = logging.getLogger("mastery.periodic")

# How long a stopping process waits for a cancelled round to end.
_STOP_WAIT_SECONDS = 5.0


class Periodic:
    def __init__(
        self, name: str, interval_seconds: float, round_: Callable[[], Awaitable[None]]
    ) -> None:
        self._name = name
        self._interval = interval_seconds
        self._round = round_
        self._task: asyncio.Task[None] | None = None
        # Asked to stop: the loop ends at its next turn even where a library caught the
        # cancellation inside a round and returned (the cancel alone would then be lost and the
        # task would run on, holding the process's exit).
        self._stopping = False

    def start(self) -> None:
        """Begin the rounds (none when the interval is 0: switched off)."""
        if self._interval > 0:
            self._task = asyncio.create_task(self._run(), name=self._name)

    async def stop(self) -> None:
        """Cancel the round under way and wait for it a moment: a round cut off inside a
        database call may wait on the server to acknowledge the cancel, and a stopping
        process must not wait on that (the next start does the round again)."""
        self._stopping = True
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._task), _STOP_WAIT_SECONDS)
            if not self._task.done():
                log.warning(
                    "%s: a cancelled round has not ended; the process stops without it",
                    self._name,
                    extra={"waiting_in": waiting_in(self._task)},
                )
            self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            if self._stopping:
                return
            try:
                await self._round()
            except asyncio.CancelledError:
                raise
            except Exception as error:
                if database_unavailable(error):  # away for a moment: the next round tries
                    log.warning(
                        "%s: the database cannot be reached; the next round tries again",
                        self._name,
                        extra={"error": type(error).__name__},
                    )
                    continue
                log.warning(
                    "%s: a round failed; the next one tries again", self._name, exc_info=True
                )
