"""A job's life, written once for every runner (in-process, the queue's worker, and the tests'
fake), so that they cannot drift: its row recorded with its kind and JSON arguments; taken over
(begun again with one more attempt, or given up after MAX_ATTEMPTS); claimed, so that of two
runners taking it over at once one runs it; its kind's work; the outcome on its row; and the
kind's `ended` hook, whatever the end."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from app.domain.access import Scope, TenantId
from app.domain.errors import DomainError
from app.domain.jobs import Job, JobStatus
from app.ports.clock import Clock, IdGenerator
from app.ports.jobs import JobArguments, JobKind, JobKinds, JobReport, Progress
from app.ports.unit_of_work import UnitOfWork

log = logging.getLogger("mastery.jobs")


class TrackedProgress(Progress, Protocol):
    """A running job's progress, holding the row as the work last reported it."""

    job: Job

    async def settled(self) -> None:
        """Wait for a progress save under way, so that it cannot overwrite the outcome."""
        ...


@dataclass
class JobLifecycle:
    uow: Callable[[TenantId], UnitOfWork]
    clock: Clock
    ids: IdGenerator
    # The tests' fake lets a bug in a job's work reach the test; a real runner records it on
    # the job (a task's exception would otherwise be lost) and logs it.
    raise_bugs: bool = False
    kinds: JobKinds = field(default_factory=dict)

    def attach(self, kinds: JobKinds) -> None:
        """The registry of job kinds (built from the use cases, which need the runner)."""
        self.kinds = kinds

    async def save(self, job: Job) -> None:
        async with self.uow(job.tenant_id) as uow:
            await uow.jobs.save(job)
            await uow.commit()

    async def load(self, tenant: TenantId, job_id: str) -> Job | None:
        async with self.uow(tenant) as uow:
            return await uow.jobs.get(job_id)

    async def record(
        self, tenant: TenantId, kind: str, scope: Scope, arguments: JobArguments
    ) -> Job:
        """Store a queued job's row: what any runner, in any process, runs it from."""
        if kind not in self.kinds:
            raise LookupError(f"no job kind {kind!r} is registered")
        # What is stored is JSON: a closure or a date would not survive a restart.
        if json.loads(json.dumps(arguments)) != arguments:
            raise ValueError("job arguments must be JSON values")
        job = Job(
            id=self.ids.new_id(),
            tenant_id=tenant,
            kind=kind,
            scope=scope,
            status=JobStatus.QUEUED,
            created_at=self.clock.now(),
            arguments=arguments,
        )
        async with self.uow(tenant) as uow:
            await uow.jobs.add(job)
            await uow.commit()
        return job

    async def take_over(self, job: Job, progress: Callable[[Job], TrackedProgress]) -> bool:
        """Run a job read from its row, queued or left running by a runner that stopped: begun
        again, or given up once begun MAX_ATTEMPTS times (work that kills its process every
        time must not take the service down forever). Whether this runner ran it."""
        if job.finished:
            return False
        if not job.may_begin_again:
            await self.end(job, job.given_up(self.clock.now()))
            return False
        return await self.run(job, progress)

    async def run(self, job: Job, progress: Callable[[Job], TrackedProgress]) -> bool:
        """Claim `job` (one more attempt), do its kind's work, record the outcome and release
        what it held. False when another runner claimed it first."""
        job = job.begun(self.clock.now())
        async with self.uow(job.tenant_id) as uow:
            claimed = await uow.jobs.claim(job)
            await uow.commit()
        if not claimed:
            return False
        tracked = progress(job)
        kind = self.kinds.get(job.kind)
        if kind is None:  # a row written by a newer version of the service
            report = _failed(f"no job kind {job.kind!r} is known to this version")
        else:
            try:
                report = await self._work(kind, job, tracked)
            except asyncio.CancelledError:  # its process is stopping: the next one runs it
                await tracked.settled()
                await self.save(tracked.job.put_back())
                raise
        await tracked.settled()
        done = tracked.job
        await self.end(
            job,
            replace(
                done,
                status=JobStatus.FAILED if report.failed else JobStatus.SUCCEEDED,
                finished_at=self.clock.now(),
                result={**done.result, **report.result},
                errors=report.errors,
            ),
        )
        return True

    async def end(self, job: Job, outcome: Job) -> None:
        """Save the job's outcome, then run its kind's `ended` hook (an upload deleted)."""
        await self.save(outcome)
        kind = self.kinds.get(job.kind)
        if kind is None or kind.ended is None:
            return
        try:
            await kind.ended(job.arguments)
        except Exception:  # the outcome is saved; a leftover is logged, not fatal
            if self.raise_bugs:
                raise
            log.exception("job clean-up failed", extra={"job_id": job.id})

    async def _work(self, kind: JobKind, job: Job, progress: Progress) -> JobReport:
        try:
            return await kind.run(job.tenant_id, job.arguments, progress)
        except DomainError as exc:
            errors = [{"loc": list(p.loc), "msg": p.msg} for p in exc.problems]
            report = _failed(exc.detail, errors)
            report.result = {"detail": exc.detail}
            return report
        except Exception:  # a bug: record it on the job rather than lose it in a task
            if self.raise_bugs:
                raise
            log.exception("job failed", extra={"job_id": job.id, "kind": job.kind})
            return _failed("an unexpected error stopped the job")


def _failed(msg: str, errors: list[dict[str, Any]] | None = None) -> JobReport:
    return JobReport(errors=errors or [{"loc": [], "msg": msg}], failed=True)
