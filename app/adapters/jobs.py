"""Runs jobs as asyncio tasks in the serving process, recording their progress in the jobs table.

A job's row is its public face: any worker process can answer GET /v1/jobs/{id}. Progress is
written at most twice a second, so reporting never dominates the work, and in the background,
so it never blocks it: on SQLite a long import holds the write lock until it commits, and its
progress is written once the lock is free (a save that times out is dropped, not fatal)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from app.domain.access import Scope, TenantId
from app.domain.errors import DomainError
from app.domain.jobs import Job, JobStatus
from app.ports.clock import Clock, IdGenerator
from app.ports.jobs import JobReport, JobWork
from app.ports.unit_of_work import UnitOfWork

log = logging.getLogger("mastery.jobs")
_SAVE_EVERY_SECONDS = 0.5


class _JobProgress:
    def __init__(self, runner: AsyncioJobRunner, job: Job) -> None:
        self._runner = runner
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
            await self._runner.save(job)
        except Exception:  # progress is a courtesy: the outcome is saved after the work
            log.warning("job progress not saved", extra={"job_id": job.id}, exc_info=True)

    async def settled(self) -> None:
        """Wait for a progress save under way, so that it cannot overwrite the outcome."""
        if self._saving is not None:
            await self._saving


class AsyncioJobRunner:
    def __init__(
        self, uow: Callable[[TenantId], UnitOfWork], clock: Clock, ids: IdGenerator
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._tasks: set[asyncio.Task[None]] = set()

    async def save(self, job: Job) -> None:
        async with self._uow(job.tenant_id) as uow:
            await uow.jobs.save(job)
            await uow.commit()

    async def start(self, tenant: TenantId, kind: str, scope: Scope, work: JobWork) -> Job:
        job = Job(
            id=self._ids.new_id(),
            tenant_id=tenant,
            kind=kind,
            scope=scope,
            status=JobStatus.QUEUED,
            created_at=self._clock.now(),
        )
        async with self._uow(tenant) as uow:
            await uow.jobs.add(job)
            await uow.commit()
        task = asyncio.create_task(self._run(job, work), name=f"job {kind} {job.id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return job

    async def _run(self, job: Job, work: JobWork) -> None:
        job = replace(job, status=JobStatus.RUNNING, started_at=self._clock.now())
        await self.save(job)
        progress = _JobProgress(self, job)
        try:
            report = await work(progress)
        except DomainError as exc:
            report = JobReport(
                errors=[{"loc": list(p.loc), "msg": p.msg} for p in exc.problems]
                or [{"loc": [], "msg": exc.detail}],
                result={"detail": exc.detail},
                failed=True,
            )
        except Exception:  # a bug: record it on the job rather than lose it in a task
            log.exception("job failed", extra={"job_id": job.id, "kind": job.kind})
            report = JobReport(
                errors=[{"loc": [], "msg": "an unexpected error stopped the job"}], failed=True
            )
        await progress.settled()
        done = progress.job
        await self.save(
            replace(
                done,
                status=JobStatus.FAILED if report.failed else JobStatus.SUCCEEDED,
                finished_at=self._clock.now(),
                result={**done.result, **report.result},
                errors=report.errors,
            )
        )

    async def wait(self) -> None:
        """Wait for every running job to end (tests, and a graceful shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
