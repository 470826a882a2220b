"""The roster: orgs, sessions, courses, classes, users, enrollments, demographics, and the
SIS connection."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from app.domain.oneroster.connection import RosterConnection
from app.domain.roster import RecordStatus, RosterRecord
from app.ports.paging import Page


@dataclass(frozen=True)
class RosterQuery:
    """A page of roster records: by status, changed since an instant, kind-specific filters."""

    status: RecordStatus | None = RecordStatus.ACTIVE
    updated_since: datetime | None = None
    filters: Mapping[str, str] = field(default_factory=dict)
    after: str | None = None
    limit: int = 100


class RosterRepository(Protocol):
    async def get(self, id: str, *, include_deleted: bool = False) -> RosterRecord | None:
        """One record by id; `tobedeleted` records only when asked for."""
        ...

    async def get_many(self, ids: Collection[str]) -> dict[str, RosterRecord]:
        """The records with these ids, whatever their status."""
        ...

    async def save(self, record: RosterRecord) -> None:
        """Create or replace the record with this id."""
        ...

    async def save_many(self, records: Collection[RosterRecord]) -> None:
        """Create or replace many records at once (one statement per table)."""
        ...

    async def list(self, query: RosterQuery) -> Page[RosterRecord]:
        """A page of records ordered by id."""
        ...

    async def active_ids(self, ids: Collection[str], *, role: str | None = None) -> set[str]:
        """Which of these ids name active records (users: of this role, when given)."""
        ...

    async def count(self, query: RosterQuery) -> int:
        """How many records the query's filters match, on every page."""
        ...


class RosterConnectionRepository(Protocol):
    async def get(self) -> RosterConnection | None: ...

    async def save(self, connection: RosterConnection) -> None: ...

    async def delete(self) -> bool:
        """Remove the connection; whether there was one."""
        ...
