"""Runs jobs as asyncio tasks in the serving process, from their rows, so that they survive it.

A job is its row: a kind and JSON arguments (app.ports.jobs). The runner looks the kind up in
the registry the composition root attaches, and records progress and the outcome on the row,
so any process can answer GET /v1/jobs/{id}. When the process is killed, its jobs' rows stay
`queued` or `running`; the next runner to start takes them over (`resume`), begins each again
(its kind is idempotent or resumes from what it committed), and gives one up once it has been
interrupted `MAX_ATTEMPTS` times. Whatever the end, the kind's `ended` hook then releases what
the job held (an upload). One runner per database is assumed: see
docs/decisions/0018-durable-jobs.md."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from app.adapters.jobs.progress import JobProgress
from app.domain.access import Scope, TenantId
from app.domain.errors import DomainError
from app.domain.jobs import Job, JobStatus
from app.ports.clock import Clock, IdGenerator
from app.ports.jobs import JobArguments, JobKind, JobKinds, JobReport
from app.ports.unit_of_work import UnitOfWork

log = logging.getLogger("mastery.jobs")


class InProcessJobRunner:
    def __init__(
        self,
        uow: Callable[[TenantId], UnitOfWork],
        clock: Clock,
        ids: IdGenerator,
        unfinished: Callable[[], Awaitable[list[Job]]],
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._unfinished = unfinished
        self._kinds: JobKinds = {}
        self._tasks: set[asyncio.Task[None]] = set()

    def attach(self, kinds: JobKinds) -> None:
        """The registry of job kinds (built from the use cases, which need this runner)."""
        self._kinds = kinds

    async def save(self, job: Job) -> None:
        async with self._uow(job.tenant_id) as uow:
            await uow.jobs.save(job)
            await uow.commit()

    async def enqueue(
        self, tenant: TenantId, kind: str, scope: Scope, arguments: JobArguments
    ) -> Job:
        if kind not in self._kinds:
            raise LookupError(f"no job kind {kind!r} is registered")
        job = Job(
            id=self._ids.new_id(),
            tenant_id=tenant,
            kind=kind,
            scope=scope,
            status=JobStatus.QUEUED,
            created_at=self._clock.now(),
            arguments=arguments,
        )
        async with self._uow(tenant) as uow:
            await uow.jobs.add(job)
            await uow.commit()
        self._launch(job)
        return job

    async def resume(self) -> int:
        """Take over the jobs a stopped process left unfinished: each is begun again, or given
        up once interrupted too often. How many were found."""
        found = await self._unfinished()
        for job in found:
            if job.may_begin_again:
                self._launch(job)
            else:
                await self._end(job, job.given_up(self._clock.now()))
        if found:
            log.info("unfinished jobs taken over", extra={"jobs": len(found)})
        return len(found)

    def _launch(self, job: Job) -> None:
        task = asyncio.create_task(self._run(job), name=f"job {job.kind} {job.id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, job: Job) -> None:
        kind = self._kinds.get(job.kind)
        job = job.begun(self._clock.now())
        async with self._uow(job.tenant_id) as uow:
            claimed = await uow.jobs.claim(job)
            await uow.commit()
        if not claimed:  # another process took it over first
            return
        progress = JobProgress(self.save, job)
        if kind is None:  # a row written by a newer version of the service
            report = _failed(f"no job kind {job.kind!r} is known to this version")
        else:
            report = await _work(kind, job, progress)
        await progress.settled()
        done = progress.job
        await self._end(
            job,
            replace(
                done,
                status=JobStatus.FAILED if report.failed else JobStatus.SUCCEEDED,
                finished_at=self._clock.now(),
                result={**done.result, **report.result},
                errors=report.errors,
            ),
        )

    async def _end(self, job: Job, outcome: Job) -> None:
        await self.save(outcome)
        kind = self._kinds.get(job.kind)
        if kind is not None and kind.ended is not None:
            try:
                await kind.ended(job.arguments)
            except Exception:  # the outcome is saved; a leftover is logged, not fatal
                log.exception("job clean-up failed", extra={"job_id": job.id})

    async def wait(self) -> None:
        """Wait for every running job to end (tests, and a graceful shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)


async def _work(kind: JobKind, job: Job, progress: JobProgress) -> JobReport:
    try:
        return await kind.run(job.tenant_id, job.arguments, progress)
    except DomainError as exc:
        report = _failed(exc.detail, [{"loc": list(p.loc), "msg": p.msg} for p in exc.problems])
        report.result = {"detail": exc.detail}
        return report
    except Exception:  # a bug: record it on the job rather than lose it in a task
        log.exception("job failed", extra={"job_id": job.id, "kind": job.kind})
        return _failed("an unexpected error stopped the job")


def _failed(msg: str, errors: list[dict[str, Any]] | None = None) -> JobReport:
    return JobReport(errors=errors or [{"loc": [], "msg": msg}], failed=True)
