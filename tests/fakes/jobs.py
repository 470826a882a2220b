"""Jobs (app.ports.jobs): an in-memory job repository, and a runner that records each job's row
as the real runner does and runs it from that row inline (at once) or on demand
(`run_pending`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from app.domain.access import Scope, TenantId
from app.domain.errors import DomainError
from app.domain.jobs import Job, JobQuery, JobStatus, page_key
from app.ports.clock import Clock, IdGenerator
from app.ports.jobs import JobArguments, JobKinds, JobReport
from app.ports.paging import Page
from app.ports.unit_of_work import UnitOfWork
from tests.fakes.state import TenantTables


class FakeJobRepository:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    async def add(self, job: Job) -> None:
        assert job.id not in self._tables.jobs, f"job {job.id} exists"  # a primary key
        self._tables.jobs[job.id] = job

    async def get(self, job_id: str) -> Job | None:
        return self._tables.jobs.get(job_id)

    async def save(self, job: Job) -> None:
        self._tables.jobs[job.id] = job

    async def page(self, query: JobQuery) -> Page[Job]:
        found = sorted(
            (j for j in self._tables.jobs.values() if query.matches(j)),
            key=lambda j: (j.created_at, j.id),
            reverse=True,
        )
        jobs = found[: query.limit]
        return Page(jobs, page_key(jobs[-1]) if len(found) > query.limit else None)

    async def claim(self, job: Job) -> bool:
        stored = self._tables.jobs.get(job.id)
        if stored is None or stored.finished or stored.attempts != job.attempts - 1:
            return False
        self._tables.jobs[job.id] = job
        return True


@dataclass
class FakeProgress:
    """The progress a job's work reports, every step of it kept (the real runner saves at most
    twice a second; here each step is saved, so a test sees them all)."""

    runner: FakeJobRunner
    job: Job
    steps: list[tuple[int, int | None, dict[str, Any]]] = field(default_factory=list)

    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        self.steps.append((done, total, result))
        self.job = replace(
            self.job,
            done=done,
            total=total if total is not None else self.job.total,
            result={**self.job.result, **result},
        )
        await self.runner.save(self.job)


@dataclass
class FakeJobRunner:
    """Records a queued job in its tenant's store, then runs it from its row (kind looked up in
    the attached registry, JSON arguments) at once (`inline`) or when the test calls
    `run_pending`. The outcome is recorded as the real runner records it: a domain error fails
    the job with its problems; the report's `failed` fails it too; the kind's `ended` hook runs
    whatever the end."""

    uow: Callable[[TenantId], UnitOfWork]
    clock: Clock
    ids: IdGenerator
    inline: bool = True
    kinds: JobKinds = field(default_factory=dict)
    started: list[Job] = field(default_factory=list)
    progress: dict[str, FakeProgress] = field(default_factory=dict)
    _pending: list[Job] = field(default_factory=list)

    def attach(self, kinds: JobKinds) -> None:
        self.kinds = kinds

    async def save(self, job: Job) -> None:
        async with self.uow(job.tenant_id) as uow:
            await uow.jobs.save(job)
            await uow.commit()

    async def enqueue(
        self, tenant: TenantId, kind: str, scope: Scope, arguments: JobArguments
    ) -> Job:
        assert kind in self.kinds, f"no job kind {kind!r} is registered"
        # What a real runner stores is JSON: a closure or a date would not survive a restart.
        assert json.loads(json.dumps(arguments)) == arguments, "job arguments must be JSON"
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
        self.started.append(job)
        self._pending.append(job)
        if self.inline:
            await self.run_pending()
        return job

    async def run_pending(self) -> None:
        """Run every job queued and not yet run, in the order they were queued."""
        while self._pending:
            await self._run(self._pending.pop(0))

    async def _run(self, job: Job) -> None:
        job = job.begun(self.clock.now())
        async with self.uow(job.tenant_id) as uow:
            claimed = await uow.jobs.claim(job)
            await uow.commit()
        assert claimed, f"job {job.id} was begun twice"
        progress = self.progress[job.id] = FakeProgress(self, job)
        kind = self.kinds[job.kind]
        try:
            report = await kind.run(job.tenant_id, job.arguments, progress)
        except DomainError as exc:
            errors = [{"loc": list(p.loc), "msg": p.msg} for p in exc.problems]
            report = JobReport(
                errors=errors or [{"loc": [], "msg": exc.detail}],
                result={"detail": exc.detail},
                failed=True,
            )
        done = progress.job
        await self.save(
            replace(
                done,
                status=JobStatus.FAILED if report.failed else JobStatus.SUCCEEDED,
                finished_at=self.clock.now(),
                result={**done.result, **report.result},
                errors=report.errors,
            )
        )
        if kind.ended is not None:
            await kind.ended(job.arguments)
