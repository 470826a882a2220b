"""Jobs: work that outlives a request (imports, recomputations), observable while it runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.domain.access import Scope, TenantId


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

    @property
    def finished(self) -> bool:
        """Whether the job has ended, well or badly."""
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)
