"""In-memory roster repositories (app.ports.roster): every kind of record in one table keyed by
(kind, id), with the SQL adapter's filters, keyset pages in id order and counts."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import replace

from app.domain.changes import roster_changed
from app.domain.oneroster.connection import RosterConnection
from app.domain.roster import Enrollment, RecordStatus, RosterKind, RosterRecord, User
from app.ports.paging import Page
from app.ports.roster import RosterQuery
from tests.fakes.state import TenantTables

Match = Callable[[RosterRecord], bool]


def records_of(tables: TenantTables, kind: RosterKind) -> Iterator[RosterRecord]:
    """Every stored record of one kind, whatever its status."""
    return (r for (k, _), r in tables.roster.items() if k is kind)


def _field(name: str, value: str) -> Match:
    return lambda r: getattr(r, name) == value


def _among(name: str, value: str) -> Match:
    return lambda r: value in getattr(r, name)


def _name_contains(text: str) -> Match:
    wanted = text.lower()

    def match(r: RosterRecord) -> bool:
        assert isinstance(r, User)
        names = (r.given_name, r.family_name, r.identifier)
        return any(n is not None and wanted in n.lower() for n in names)

    return match


# The filters each kind understands, as the SQL adapter's SPECS lists them.
FILTERS: dict[RosterKind, dict[str, Callable[[str], Match]]] = {
    RosterKind.ORG: {
        "type": lambda v: _field("type", v),
        "parent_id": lambda v: _field("parent_id", v),
    },
    RosterKind.ACADEMIC_SESSION: {
        "type": lambda v: _field("type", v),
        "parent_id": lambda v: _field("parent_id", v),
    },
    RosterKind.COURSE: {"org_id": lambda v: _field("org_id", v)},
    RosterKind.CLASS: {
        "course_id": lambda v: _field("course_id", v),
        "school_id": lambda v: _field("school_id", v),
    },
    RosterKind.USER: {
        "role": lambda v: _field("role", v),
        "org_id": lambda v: _among("org_ids", v),
        "grade": lambda v: _among("grades", v),
        "search": _name_contains,
    },
    RosterKind.ENROLLMENT: {
        "class_id": lambda v: _field("class_id", v),
        "user_id": lambda v: _field("user_id", v),
        "role": lambda v: _field("role", v),
    },
    RosterKind.DEMOGRAPHICS: {},
}


class FakeRosterRepository:
    """Roster records of one kind, for one tenant."""

    def __init__(self, tables: TenantTables, kind: RosterKind) -> None:
        self._tables = tables
        self._kind = kind

    def _all(self) -> Iterator[RosterRecord]:
        return records_of(self._tables, self._kind)

    async def get(self, id: str, *, include_deleted: bool = False) -> RosterRecord | None:
        record = self._tables.roster.get((self._kind, id))
        if record is None or (not include_deleted and record.status != RecordStatus.ACTIVE):
            return None
        return record

    async def get_many(self, ids: Collection[str]) -> dict[str, RosterRecord]:
        found = (self._tables.roster.get((self._kind, i)) for i in ids)
        return {r.id: r for r in found if r is not None}

    async def save(self, record: RosterRecord) -> None:
        await self.save_many([record])

    async def save_many(self, records: Collection[RosterRecord]) -> None:
        for record in records:
            assert record.kind is self._kind, f"a {record.kind} saved as a {self._kind}"
            assert record.updated_at is not None, "a stored record has its updated_at"
            self._tables.roster[(self._kind, record.id)] = record
            if event := roster_changed(record, record.updated_at):
                self._tables.change_events.append(event)

    def _matching(self, query: RosterQuery) -> list[RosterRecord]:
        tests: list[Match] = []
        if query.status is not None:
            tests.append(_field("status", query.status))
        if query.updated_since is not None:
            since = query.updated_since
            tests.append(lambda r: r.updated_at is not None and r.updated_at >= since)
        filters = dict(query.filters)
        role = filters.pop("enrollment_role", None)
        if self._kind == RosterKind.USER and "class_id" in filters:
            tests.append(self._enrolled(filters.pop("class_id"), role))
        for name, value in filters.items():
            try:
                build = FILTERS[self._kind][name]
            except KeyError:  # as the SQL adapter: the API offers only the filters listed
                raise ValueError(f"{self._kind} has no filter {name!r}") from None
            tests.append(build(value))
        return sorted((r for r in self._all() if all(t(r) for t in tests)), key=lambda r: r.id)

    def _enrolled(self, class_id: str, role: str | None) -> Match:
        members = {
            e.user_id
            for e in records_of(self._tables, RosterKind.ENROLLMENT)
            if isinstance(e, Enrollment)
            and e.class_id == class_id
            and e.status == RecordStatus.ACTIVE
            and (not role or e.role == role)
        }
        return lambda r: r.id in members

    async def active_ids(self, ids: Collection[str], *, role: str | None = None) -> set[str]:
        found = await self.get_many(ids)
        return {
            i
            for i, r in found.items()
            if r.status == RecordStatus.ACTIVE
            and (role is None or (isinstance(r, User | Enrollment) and r.role == role))
        }

    async def list(self, query: RosterQuery) -> Page[RosterRecord]:
        matches = self._matching(query)
        if query.after is not None:
            matches = [r for r in matches if r.id > query.after]
        items = matches[: query.limit]
        more = len(matches) > query.limit
        return Page(items, items[-1].id if more and items else None)

    async def count(self, query: RosterQuery) -> int:
        return len(self._matching(query))


_ONLY = "connection"


class FakeRosterConnectionRepository:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    async def get(self) -> RosterConnection | None:
        return self._tables.roster_connection.get(_ONLY)

    async def save(self, connection: RosterConnection) -> None:
        # Scopes are stored as one space-separated text, as the SQL adapter keeps them.
        scopes = tuple(" ".join(connection.scopes).split())
        self._tables.roster_connection[_ONLY] = replace(connection, scopes=scopes)

    async def delete(self) -> bool:
        return self._tables.roster_connection.pop(_ONLY, None) is not None
