"""Jobs: work that outlives a request (imports, recomputations), observable while it runs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from app.domain.access import Scope, TenantId

# A job begun this many times and interrupted each time fails for good: work that kills its
# process every time must not take the service down forever.
MAX_ATTEMPTS = 3


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


@dataclass(frozen=True)
class Job:
    """One unit of background work of a tenant; `scope` is what a reader must hold to see it."""

    id: str
    tenant_id: TenantId
    kind: str
    scope: Scope
    status: JobStatus
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    done: int = 0
    total: int | None = None
    # What the job reports as it goes and when it ends: counts per file, warnings, outcome.
    result: dict[str, Any] = field(default_factory=dict)
    # Every problem that made the job fail (or rows it skipped), as {"loc", "msg"} dicts.
    errors: list[dict[str, Any]] = field(default_factory=list)
    # What the job's kind needs to run it again in any process: JSON values only, never a
    # closure, so that a job outlives the process that queued it.
    arguments: dict[str, Any] = field(default_factory=dict)
    # How many times a runner has begun it; a job interrupted (its process killed) is begun
    # again until MAX_ATTEMPTS.
    attempts: int = 0

    @property
    def finished(self) -> bool:
        """Whether the job has ended, well or badly."""
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)

    def begun(self, at: datetime) -> Job:
        """The job as a runner begins it (again): running, one more attempt."""
        return replace(self, status=JobStatus.RUNNING, started_at=at, attempts=self.attempts + 1)

    @property
    def may_begin_again(self) -> bool:
        """Whether an unfinished job found after its runner stopped is begun again (else it
        fails: it was interrupted MAX_ATTEMPTS times)."""
        return not self.finished and self.attempts < MAX_ATTEMPTS

    def put_back(self) -> Job:
        """The job as a stopping process leaves it, its work cut short: queued again, and the
        attempt not counted (a stop is not a failure of the job's work)."""
        return replace(self, status=JobStatus.QUEUED, attempts=max(self.attempts - 1, 0))

    def given_up(self, at: datetime) -> Job:
        """The job failed for good after being interrupted every time it ran."""
        return replace(
            self,
            status=JobStatus.FAILED,
            finished_at=at,
            errors=[{"loc": [], "msg": f"the job was interrupted {self.attempts} times; given up"}],
        )


@dataclass(frozen=True)
class JobQuery:
    """A page of a tenant's jobs, newest first (by when they were queued, then id): `after`
    continues from the last job of the page before; `scopes` are those the reader holds (a
    job is seen only by a reader of the scope that started it); the filters narrow."""

    limit: int
    scopes: frozenset[Scope]
    after: tuple[datetime, str] | None = None
    kinds: frozenset[str] = frozenset()
    statuses: frozenset[JobStatus] = frozenset()

    def matches(self, job: Job) -> bool:
        """Whether a job belongs to this query's pages (the fakes' reading of it)."""
        return (
            job.scope in self.scopes
            and (self.after is None or (job.created_at, job.id) < self.after)
            and (not self.kinds or job.kind in self.kinds)
            and (not self.statuses or job.status in self.statuses)
        )


def page_key(job: Job) -> str:
    """Where a page that ends with `job` continues: its queueing instant and id."""
    return f"{job.created_at.astimezone(UTC).isoformat()} {job.id}"


def parse_page_key(key: str) -> tuple[datetime, str] | None:
    """The (instant, id) a page key stands for, or None when it is not one."""
    instant, _, job_id = key.partition(" ")
    try:
        at = datetime.fromisoformat(instant)
    except ValueError:
        return None
    if at.tzinfo is None or not job_id:
        return None
    return at, job_id
