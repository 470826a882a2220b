"""The dispatcher a server process runs: every MASTERY_WEBHOOK_POLL_SECONDS it queues a
delivery job for each subscription with events to deliver (`WebhookDelivery.dispatch`, which
leases each subscription to one job in the database, so several servers do not deliver one
subscription twice at once). A failed round is logged and the next one tries again."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from app.domain.errors import Busy

log = logging.getLogger("mastery.webhooks")


class WebhookDispatcher:
    def __init__(self, dispatch: Callable[[], Awaitable[int]], interval_seconds: float) -> None:
        self._dispatch = dispatch
        self._interval = interval_seconds
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._interval > 0:
            self._task = asyncio.create_task(self._run(), name="webhook-dispatcher")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                await self._dispatch()
            except asyncio.CancelledError:
                raise
            except Busy:  # SQLite's one writer was busy for longer than the busy timeout
                log.info("webhook dispatch waited on the database; trying again")
            except Exception:  # the database away for a moment: the next round tries again
                log.warning("webhook dispatch failed; trying again", exc_info=True)
