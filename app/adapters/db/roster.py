"""SQL repositories of the roster: one class serves every kind, each kind names its table,
its domain type and the filters it understands."""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import tables as t
from app.adapters.db.changes import append_changes
from app.adapters.db.rows import from_row, to_row
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import upsert
from app.domain.access import TenantId
from app.domain.changes import roster_changed
from app.domain.roster import (
    AcademicSession,
    Course,
    Demographics,
    Enrollment,
    Org,
    RecordStatus,
    RosterKind,
    RosterRecord,
    SchoolClass,
    User,
)
from app.ports.paging import Page
from app.ports.roster import RosterQuery

Filter = Callable[[sa.Table, TenantId, str], sa.ColumnElement[bool]]

_user_orgs = table_of(t.UserOrgRow)
_user_grades = table_of(t.UserGradeRow)
_enrollments = table_of(t.EnrollmentRow)


@functools.cache
def _active_ids(table: sa.Table, *, by_role: bool) -> sa.Select[Any]:
    """Which of some ids are active records of `table` (of a role): every batch of results
    asks it of its students, a single result's included, so it is built once per table
    (building it took longer than running it, decision 0072)."""
    stmt = sa.select(table.c.id).where(
        table.c.tenant_id == sa.bindparam("tenant"),
        table.c.id.in_(sa.bindparam("ids", expanding=True)),
        table.c.status == RecordStatus.ACTIVE.value,
    )
    return stmt.where(table.c.role == sa.bindparam("role")) if by_role else stmt


def _column(name: str) -> Filter:
    return lambda table, _tenant, value: table.c[name] == value


def _user_in_org(table: sa.Table, tenant: TenantId, org_id: str) -> sa.ColumnElement[bool]:
    link = _user_orgs.c
    return sa.exists().where(
        link.tenant_id == tenant, link.user_id == table.c.id, link.org_id == org_id
    )


def _user_in_grade(table: sa.Table, tenant: TenantId, grade: str) -> sa.ColumnElement[bool]:
    link = _user_grades.c
    return sa.exists().where(
        link.tenant_id == tenant, link.user_id == table.c.id, link.grade == grade
    )


def _name_contains(table: sa.Table, _tenant: TenantId, text: str) -> sa.ColumnElement[bool]:
    # Case-insensitive on both databases; LIKE's wildcards in the text match themselves.
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return sa.or_(
        *(
            sa.func.lower(table.c[name]).like(pattern, escape="\\")
            for name in ("given_name", "family_name", "identifier")
        )
    )


def _enrolled(
    table: sa.Table, tenant: TenantId, class_id: str, role: str | None = None
) -> sa.ColumnElement[bool]:
    e = _enrollments
    condition = sa.exists().where(
        e.c.tenant_id == tenant,
        e.c.user_id == table.c.id,
        e.c.class_id == class_id,
        e.c.status == RecordStatus.ACTIVE.value,
    )
    return condition.where(e.c.role == role) if role else condition


# users.org_ids and users.grades, kept as rows of their link tables (see tables.py).
_USER_LINKS: tuple[tuple[sa.Table, str, Callable[[User], Iterable[str]]], ...] = (
    (_user_orgs, "org_id", lambda u: u.org_ids),
    (_user_grades, "grade", lambda u: u.grades),
)


@dataclass(frozen=True)
class KindSpec:
    table: sa.Table
    record: type[RosterRecord]
    filters: dict[str, Filter]


SPECS: dict[RosterKind, KindSpec] = {
    RosterKind.ORG: KindSpec(
        table_of(t.OrgRow), Org, {"type": _column("type"), "parent_id": _column("parent_id")}
    ),
    RosterKind.ACADEMIC_SESSION: KindSpec(
        table_of(t.AcademicSessionRow),
        AcademicSession,
        {"type": _column("type"), "parent_id": _column("parent_id")},
    ),
    RosterKind.COURSE: KindSpec(table_of(t.CourseRow), Course, {"org_id": _column("org_id")}),
    RosterKind.CLASS: KindSpec(
        table_of(t.ClassRow),
        SchoolClass,
        {"course_id": _column("course_id"), "school_id": _column("school_id")},
    ),
    RosterKind.USER: KindSpec(
        table_of(t.UserRow),
        User,
        {
            "role": _column("role"),
            "org_id": _user_in_org,
            "grade": _user_in_grade,
            "class_id": _enrolled,
            "search": _name_contains,
        },
    ),
    RosterKind.ENROLLMENT: KindSpec(
        _enrollments,
        Enrollment,
        {
            "class_id": _column("class_id"),
            "user_id": _column("user_id"),
            "role": _column("role"),
        },
    ),
    RosterKind.DEMOGRAPHICS: KindSpec(table_of(t.DemographicsRow), Demographics, {}),
}


class SqlRosterRepository:
    """Roster records of one kind, for one tenant."""

    def __init__(self, session: AsyncSession, tenant: TenantId, kind: RosterKind) -> None:
        self._session = session
        self._tenant = tenant
        self._kind = kind
        self._spec = SPECS[kind]
        self._table = self._spec.table

    def _mine(self) -> sa.ColumnElement[bool]:
        return self._table.c.tenant_id == self._tenant

    async def get(self, id: str, *, include_deleted: bool = False) -> RosterRecord | None:
        query = sa.select(self._table).where(self._mine(), self._table.c.id == id)
        if not include_deleted:
            query = query.where(self._table.c.status == RecordStatus.ACTIVE.value)
        row = (await self._session.execute(query)).mappings().first()
        return from_row(self._spec.record, row) if row else None

    async def get_many(self, ids: Collection[str]) -> dict[str, RosterRecord]:
        found: dict[str, RosterRecord] = {}
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), 5000):
            stmt = sa.select(self._table).where(
                self._mine(), self._table.c.id.in_(unique[start : start + 5000])
            )
            for row in (await self._session.execute(stmt)).mappings():
                found[row["id"]] = from_row(self._spec.record, row)
        return found

    async def save(self, record: RosterRecord) -> None:
        await self.save_many([record])

    async def save_many(self, records: Collection[RosterRecord]) -> None:
        """Create or replace many records with one statement per table."""
        # Written by hand, not from an import row: the next import reads its row again.
        rows = [to_row(r, tenant_id=self._tenant, source_hash=None) for r in records]
        await upsert(self._session, self._table, rows, key=("tenant_id", "id"))
        now = datetime.now(UTC)
        announced = [roster_changed(r, r.updated_at or now) for r in records]
        await append_changes(self._session, self._tenant, [e for e in announced if e])
        if self._kind == RosterKind.USER:
            await self._save_user_links([r for r in records if isinstance(r, User)])

    async def _save_user_links(self, users: list[User]) -> None:
        ids = [u.id for u in users]
        for link, column, values in _USER_LINKS:
            await self._session.execute(
                sa.delete(link).where(link.c.tenant_id == self._tenant, link.c.user_id.in_(ids))
            )
            rows = [
                {"tenant_id": self._tenant, "user_id": u.id, column: v}
                for u in users
                for v in dict.fromkeys(values(u))
            ]
            if rows:
                await self._session.execute(sa.insert(link), rows)

    async def list(self, query: RosterQuery) -> Page[RosterRecord]:
        table = self._table
        stmt = self._filtered(sa.select(table), query)
        if query.after is not None:
            stmt = stmt.where(table.c.id > query.after)
        stmt = stmt.order_by(table.c.id).limit(query.limit + 1)
        rows = (await self._session.execute(stmt)).mappings().all()
        items = [from_row(self._spec.record, r) for r in rows[: query.limit]]
        more = len(rows) > query.limit
        return Page(items, items[-1].id if more and items else None)

    async def count(self, query: RosterQuery) -> int:
        stmt = self._filtered(sa.select(sa.func.count()).select_from(self._table), query)
        return int((await self._session.execute(stmt)).scalar_one())

    def _filtered(self, stmt: sa.Select[Any], query: RosterQuery) -> sa.Select[Any]:
        table = self._table
        stmt = stmt.where(self._mine())
        if query.status is not None:
            stmt = stmt.where(table.c.status == query.status.value)
        if query.updated_since is not None:
            stmt = stmt.where(table.c.updated_at >= query.updated_since)
        filters = dict(query.filters)
        # A class's students: one EXISTS over enrollments with both the class and the role.
        role = filters.pop("enrollment_role", None)
        if self._kind == RosterKind.USER and "class_id" in filters:
            stmt = stmt.where(_enrolled(table, self._tenant, filters.pop("class_id"), role))
        for name, value in filters.items():
            stmt = stmt.where(self._filter(name, value))
        return stmt

    def _filter(self, name: str, value: str) -> sa.ColumnElement[bool]:
        try:
            build = self._spec.filters[name]
        except KeyError:  # a programming error: the API only offers the filters listed here
            raise ValueError(f"{self._kind} has no filter {name!r}") from None
        return build(self._table, self._tenant, value)

    async def active_ids(self, ids: Collection[str], *, role: str | None = None) -> set[str]:
        found: set[str] = set()
        unique = list(dict.fromkeys(ids))
        stmt = _active_ids(self._table, by_role=role is not None)
        of_role = {} if role is None else {"role": role}
        for start in range(0, len(unique), 5000):
            chunk = {"tenant": self._tenant, "ids": unique[start : start + 5000], **of_role}
            found.update((await self._session.execute(stmt, chunk)).scalars())
        return found
