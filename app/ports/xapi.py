"""Port of the learning records store: xAPI statements and Caliper events as received, with
what each counts for; and the unit of work that holds it beside the evidence."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from app.domain.access import TenantId
from app.ports.unit_of_work import UnitOfWork

XAPI = "xapi"
CALIPER = "caliper"


@dataclass(frozen=True)
class LearningRecord:
    """A statement (kind "xapi") or event (kind "caliper") as stored, with its match."""

    kind: str
    id: str
    stored_at: datetime
    body: dict[str, Any]
    client_id: str
    voided: bool = False
    voids: str | None = None
    student_id: str | None = None
    competency_ids: tuple[str, ...] = ()
    unmatched: str | None = None


@dataclass(frozen=True)
class RecordQuery:
    """A page of records of one kind, by when they were stored; `after` is the (stored, id)
    of the last record of the page before."""

    kind: str
    limit: int
    since: datetime | None = None
    until: datetime | None = None
    ascending: bool = False
    after: tuple[datetime, str] | None = None
    voided: bool = False
    unmatched_only: bool = False


class LearningRecords(Protocol):
    async def get_many(self, kind: str, ids: Collection[str]) -> dict[str, LearningRecord]:
        """The stored records of these ids (voided too)."""
        ...

    async def add_many(self, records: Sequence[LearningRecord]) -> None:
        """Store new records (one statement)."""
        ...

    async def void(self, ids: Collection[str]) -> None:
        """Mark these xAPI statements voided (one statement)."""
        ...

    async def page(self, query: RecordQuery) -> list[LearningRecord]:
        """Up to `limit` records matching the query, in stored order."""
        ...

    async def students_by_email(self, emails: Collection[str]) -> dict[str, str]:
        """Lower-cased email -> sourcedId of the active students with that email."""
        ...


class RecordsUnitOfWork(UnitOfWork, Protocol):
    @property
    def learning_records(self) -> LearningRecords: ...


class RecordsUnitOfWorkFactory(Protocol):
    def __call__(
        self, tenant: TenantId, /, *, writes: bool = True, few_rows: bool = False
    ) -> RecordsUnitOfWork: ...
