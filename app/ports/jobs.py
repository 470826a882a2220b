"""Long-running work: job records, progress, the kinds of job and the runner.

A job is data: a kind and JSON arguments, stored on its row before it runs. Any process can
then run it, or run it again after the process that began it was killed, by looking its kind
up in the registry the composition root builds (app.use_cases.job_kinds)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.domain.access import Scope, TenantId
from app.domain.jobs import Job, JobQuery
from app.ports.paging import Page

# JSON values only (str, int, float, bool, None, lists and dicts of them).
JobArguments = dict[str, Any]


class JobRepository(Protocol):
    async def add(self, job: Job) -> None: ...

    async def get(self, job_id: str) -> Job | None:
        """A job of this unit of work's tenant."""
        ...

    async def save(self, job: Job) -> None: ...

    async def page(self, query: JobQuery) -> Page[Job]:
        """A page of this tenant's jobs, newest first; `last_key` (`page_key` of its last
        job) is set when more may follow."""
        ...

    async def claim(self, job: Job) -> bool:
        """Record `job` as begun (it is the row after `Job.begun`) only if its stored row is
        unfinished and shows the attempt before: whether this runner won it (two runners
        taking over the same job at once, one does)."""
        ...


class Progress(Protocol):
    """What a long-running use case reports as it goes (a job's row, a CLI progress bar)."""

    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        """`done` of `total` units are finished; `result` merges into the job's report."""
        ...


@dataclass
class JobReport:
    """What a job's work hands back: its report, the problems found, and whether it failed."""

    result: dict[str, Any] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    failed: bool = False


class JobHandler(Protocol):
    async def __call__(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        """Do a job's work. It may be called again for the same job after an interruption, so
        it must be idempotent or resume from what it committed."""
        ...


@dataclass(frozen=True)
class JobKind:
    """How to run one kind of job, and what to release once it has ended, whatever the end
    (succeeded, failed, or interrupted too often): an upload's file, for an import."""

    run: JobHandler
    ended: Callable[[JobArguments], Awaitable[None]] | None = None


JobKinds = Mapping[str, JobKind]


class JobRunner(Protocol):
    async def enqueue(
        self, tenant: TenantId, kind: str, scope: Scope, arguments: JobArguments
    ) -> Job:
        """Record a queued job of `kind` with its `arguments`; a runner runs it in the
        background (in this process or a worker), and the job's row tracks it."""
        ...
