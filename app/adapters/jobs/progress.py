"""A running job's progress, written to its row at most twice a second and in the background.

Reporting must never dominate the work nor block it: on SQLite a long import holds the write
lock until it commits, and its progress is written once the lock is free (a save that times
out is dropped, not fatal)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from app.domain.jobs import Job

log = logging.getLogger("mastery.jobs")
_SAVE_EVERY_SECONDS = 0.5


class JobProgress:
    def __init__(self, save: Callable[[Job], Awaitable[None]], job: Job) -> None:
        self._save_job = save
        self.job = job
        self._saved_at = 0.0
        self._saving: asyncio.Task[None] | None = None

    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        self.job = replace(
            self.job,
            done=done,
            total=total if total is not None else self.job.total,
            result={**self.job.result, **result},
        )
        now = time.monotonic()
        if now - self._saved_at >= _SAVE_EVERY_SECONDS and (
            self._saving is None or self._saving.done()
        ):
            self._saved_at = now
            self._saving = asyncio.create_task(self._save(self.job))

    async def _save(self, job: Job) -> None:
        try:
            await self._save_job(job)
        except Exception:  # progress is a courtesy: the outcome is saved after the work
            log.warning("job progress not saved", extra={"job_id": job.id}, exc_info=True)

    async def settled(self) -> None:
        """Wait for a progress save under way, so that it cannot overwrite the outcome."""
        if self._saving is not None:
            await self._saving
