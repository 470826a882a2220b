"""Jobs (app.ports.jobs): an in-memory job repository, and a runner that records each job's row
and runs it from that row with the real runners' lifecycle, inline (at once) or on demand
(`run_pending`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from app.adapters.jobs.lifecycle import JobLifecycle
from app.domain.access import Scope, TenantId
from app.domain.jobs import Job, JobQuery, page_key
from app.ports.clock import Clock, IdGenerator
from app.ports.jobs import JobArguments, JobKinds
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

    save: Callable[[Job], Awaitable[None]]
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
        await self.save(self.job)

    async def settled(self) -> None:
        """Every step was saved as it came."""


@dataclass
class FakeJobRunner:
    """Records a queued job in its tenant's store, then runs it from its row at once (`inline`)
    or when the test calls `run_pending`, through the real runners' lifecycle
    (app.adapters.jobs.lifecycle): the same claim, outcome and `ended` hook. A bug in a job's
    work reaches the test instead of failing the job."""

    uow: Callable[[TenantId], UnitOfWork]
    clock: Clock
    ids: IdGenerator
    inline: bool = True
    started: list[Job] = field(default_factory=list)
    progress: dict[str, FakeProgress] = field(default_factory=dict)
    _pending: list[Job] = field(default_factory=list)
    lifecycle: JobLifecycle = field(init=False)

    def __post_init__(self) -> None:
        self.lifecycle = JobLifecycle(self.uow, self.clock, self.ids, raise_bugs=True)

    @property
    def kinds(self) -> JobKinds:
        return self.lifecycle.kinds

    def attach(self, kinds: JobKinds) -> None:
        self.lifecycle.attach(kinds)

    async def save(self, job: Job) -> None:
        await self.lifecycle.save(job)

    async def enqueue(
        self, tenant: TenantId, kind: str, scope: Scope, arguments: JobArguments
    ) -> Job:
        job = await self.lifecycle.record(tenant, kind, scope, arguments)
        self.started.append(job)
        self._pending.append(job)
        if self.inline:
            await self.run_pending()
        return job

    async def run_pending(self) -> None:
        """Run every job queued and not yet run, in the order they were queued."""
        while self._pending:
            job = self._pending.pop(0)
            ran = await self.lifecycle.run(job, self._progress)
            assert ran, f"job {job.id} was begun twice"

    def _progress(self, job: Job) -> FakeProgress:
        progress = self.progress[job.id] = FakeProgress(self.lifecycle.save, job)
        return progress
