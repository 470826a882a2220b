"""Long-running work: job records, progress, and the runner."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.domain.access import Scope, TenantId
from app.domain.jobs import Job


class JobRepository(Protocol):
    async def add(self, job: Job) -> None: ...

    async def get(self, job_id: str) -> Job | None:
        """A job of this unit of work's tenant."""
        ...

    async def save(self, job: Job) -> None: ...


class Progress(Protocol):
    """What a long-running use case reports as it goes (a job's row, a CLI progress bar)."""

    async def advance(self, done: int, total: int | None = None, **result: Any) -> None:
        """`done` of `total` units are finished; `result` merges into the job's report."""
        ...


JobWork = Callable[[Progress], Awaitable["JobReport"]]


@dataclass
class JobReport:
    """What a job's work hands back: its report, the problems found, and whether it failed."""

    result: dict[str, Any] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    failed: bool = False


class JobRunner(Protocol):
    async def start(self, tenant: TenantId, kind: str, scope: Scope, work: JobWork) -> Job:
        """Record a queued job and run `work` in the background; the job row tracks it."""
        ...
