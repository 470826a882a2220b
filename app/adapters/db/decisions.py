"""SQL repository of decisions, their history and overrides."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.changes import append_changes, events_insert
from app.adapters.db.mastery_rows import (
    change_from_row,
    change_values,
    decision_from_row,
    decision_values,
)
from app.adapters.db.mastery_tables import DecisionChangeRow, DecisionRow, OverrideRow
from app.adapters.db.native import Insert, asyncpg_connection, bulk_insert, is_postgres
from app.adapters.db.override_list import count_overrides, list_overrides, recorded_override
from app.adapters.db.plans import UNSEEN_TENANT
from app.adapters.db.rows import StoredRow
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import chunks, upsert
from app.domain.access import TenantId
from app.domain.changes import decision_changed
from app.domain.mastery.override import Override, RecordedOverride, overrides_in_force
from app.domain.mastery.override_history import ListedOverride, OverrideFilter
from app.domain.mastery.record import DecisionChange, DecisionRecord
from app.domain.mastery.storing import ScaleOf
from app.ports.mastery import StudentCompetency
from app.ports.paging import Page

_decisions = table_of(DecisionRow)
_history = table_of(DecisionChangeRow)
_overrides = table_of(OverrideRow)
_D_COLUMNS = ", ".join("d." + c.name for c in _decisions.columns)
# One primary-key probe per pair, whatever the statistics (see evidence.py's keyed lookups).
_DECISIONS_OF_PAIRS = (
    f"SELECT {_D_COLUMNS} FROM unnest($2::text[], $3::text[]) AS k(s, c) "
    f"CROSS JOIN LATERAL (SELECT * FROM decisions WHERE tenant_id = {UNSEEN_TENANT} "
    "AND student_id = k.s "
    "AND competency_id = k.c LIMIT 1) AS d"
)
_KEY = ("tenant_id", "student_id", "competency_id")


def _of_students(*, competencies: bool, with_state: bool) -> str:
    """Every decision of many students (of some competencies): one primary-key range per
    student. As `student_id IN (...) AND competency_id IN (...)` the planner estimated 100
    students x 200 competencies as a fifth of a 2M-row table and scanned it whole (180 ms
    against 20 ms; ten times that at 10M rows). OFFSET 0 keeps the subquery from being
    flattened into a join, which could be planned as a hash join over the whole table again."""
    # The method as text: pages share a handful of methods, parsed once each (framework_json).
    names = [c.name for c in _decisions.columns if with_state or c.name != "state"]
    columns = ", ".join("method::text AS method" if n == "method" else n for n in names)
    which = " AND competency_id = ANY($3::text[])" if competencies else ""
    return (
        f"SELECT d.* FROM unnest($2::text[]) AS k(s) CROSS JOIN LATERAL (SELECT {columns} "
        f"FROM decisions WHERE tenant_id = {UNSEEN_TENANT} AND student_id = k.s{which} "
        "OFFSET 0) AS d"
    )


_OF_STUDENTS = {
    (competencies, with_state): _of_students(competencies=competencies, with_state=with_state)
    for competencies in (False, True)
    for with_state in (False, True)
}


def locking(keys: str) -> str:
    """The statement that takes the advisory locks of the keys in the bigint array parameter
    `keys` (in one order: no deadlock), then the transaction's number: taken once the locks are
    held (the change feed's order, app/adapters/db/changes.py), so that a later writer of the
    same student gets a higher one."""
    return (
        "SELECT count(*) AS held, pg_current_xact_id() AS xact FROM (SELECT "
        f"pg_advisory_xact_lock(k) FROM unnest({keys}::bigint[]) AS k ORDER BY k) AS locked"
    )


def lock_key(tenant: int, student_id: str) -> int:
    """A stable signed 64-bit advisory-lock key for one tenant's student."""
    digest = hashlib.blake2b(f"{tenant}:{student_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class SqlDecisionRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    def _mine(self) -> sa.ColumnElement[bool]:
        return _decisions.c.tenant_id == self._tenant

    async def lock_students(self, student_ids: Collection[str]) -> None:
        # SQLite: the unit of work's BEGIN IMMEDIATE already serialises writers.
        if not student_ids or not is_postgres(self._session):
            return
        keys = sorted({lock_key(self._tenant, s) for s in student_ids})
        await (await asyncpg_connection(self._session)).execute(locking("$1"), keys)

    async def get_many(
        self, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, DecisionRecord]:
        if not pairs:
            return {}
        if is_postgres(self._session):
            students, competencies = (list(c) for c in zip(*pairs, strict=True))
            conn = await asyncpg_connection(self._session)
            rows: Sequence[StoredRow] = await conn.fetch(
                _DECISIONS_OF_PAIRS,
                self._tenant,
                students,
                competencies,
            )
        else:
            rows = []
            key = sa.tuple_(_decisions.c.student_id, _decisions.c.competency_id)
            listed = list(pairs)
            for start in range(0, len(listed), 400):
                stmt = sa.select(_decisions).where(
                    self._mine(), key.in_(listed[start : start + 400])
                )
                rows += (await self._session.execute(stmt)).mappings().all()
        records = [decision_from_row(r) for r in rows]
        return {(r.student_id, r.competency_id): r for r in records}

    async def for_students(
        self,
        student_ids: Collection[str],
        competency_ids: Collection[str] | None = None,
        *,
        with_state: bool = True,
    ) -> list[DecisionRecord]:
        students = list(dict.fromkeys(student_ids))
        if is_postgres(self._session):
            conn = await asyncpg_connection(self._session)
            sql = _OF_STUDENTS[(competency_ids is not None, with_state)]
            extra = () if competency_ids is None else (list(competency_ids),)
            rows = await conn.fetch(sql, self._tenant, students, *extra)
            return [decision_from_row(r, with_state=with_state) for r in rows]
        found: list[DecisionRecord] = []
        columns = [c for c in _decisions.columns if with_state or c.name != "state"]
        for start in range(0, len(students), 1000):
            stmt = sa.select(*columns).where(
                self._mine(), _decisions.c.student_id.in_(students[start : start + 1000])
            )
            if competency_ids is not None:
                stmt = stmt.where(_decisions.c.competency_id.in_(list(competency_ids)))
            found += [
                decision_from_row(r, with_state=with_state)
                for r in (await self._session.execute(stmt)).mappings()
            ]
        return found

    async def save_many(
        self,
        records: Sequence[DecisionRecord],
        changes: Sequence[DecisionChange],
        scale_of: ScaleOf,
        at: datetime,
    ) -> None:
        rows = [decision_values(r, at, scale_of(r), self._tenant) for r in records]
        history = [change_values(c, self._tenant) for c in changes]
        # Each history entry is announced on the change feed, in the same statement.
        announced = [decision_changed(c) for c in changes]
        if is_postgres(self._session):
            await bulk_insert(
                self._session,
                Insert(_decisions, rows, conflict_key=_KEY),
                Insert(_history, history),
                events_insert(announced, self._tenant),
            )
            return
        await upsert(self._session, _decisions, rows, key=_KEY)
        for chunk in chunks(history):
            await self._session.execute(sa.insert(_history), list(chunk))
        await append_changes(self._session, self._tenant, announced)

    async def history(self, student_id: str, competency_id: str) -> list[DecisionChange]:
        stmt = (
            sa.select(_history)
            .where(
                _history.c.tenant_id == self._tenant,
                _history.c.student_id == student_id,
                _history.c.competency_id == competency_id,
            )
            .order_by(_history.c.seq)
        )
        return [change_from_row(r) for r in (await self._session.execute(stmt)).mappings()]

    async def count_for(self, competency_ids: Collection[str]) -> int:
        stmt = sa.select(sa.func.count()).where(
            self._mine(), _decisions.c.competency_id.in_(list(competency_ids))
        )
        return int((await self._session.execute(stmt)).scalar_one())

    async def students_changed_since(
        self, competency_ids: Collection[str], since: datetime
    ) -> list[str]:
        stmt = (
            sa.select(_decisions.c.student_id)
            .where(
                self._mine(),
                _decisions.c.competency_id.in_(list(competency_ids)),
                _decisions.c.updated_at >= since,
            )
            .distinct()
        )
        return list((await self._session.execute(stmt)).scalars())

    async def with_expired_overrides(self, at: datetime) -> list[DecisionRecord]:
        stmt = sa.select(_decisions).where(
            self._mine(),
            _decisions.c.override_expires_at.is_not(None),
            _decisions.c.override_expires_at <= at,
        )
        return [decision_from_row(r) for r in (await self._session.execute(stmt)).mappings()]


class SqlOverrideRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def add(self, student_id: str, competency_id: str, override: Override) -> None:
        await self._session.execute(
            sa.insert(_overrides).values(
                tenant_id=self._tenant,
                student_id=student_id,
                competency_id=competency_id,
                level_value=override.level.value if override.level else None,
                level_label=override.level.label if override.level else None,
                status=override.status.value if override.status else None,
                reason=override.reason,
                expires_at=override.expires_at,
                set_at=override.set_at,
                set_by=override.set_by,
            )
        )

    async def clear(self, student_id: str, competency_id: str, at: datetime, by: str) -> None:
        await self._session.execute(
            sa.update(_overrides)
            .where(
                _overrides.c.tenant_id == self._tenant,
                _overrides.c.student_id == student_id,
                _overrides.c.competency_id == competency_id,
                _overrides.c.cleared_at.is_(None),
            )
            .values(cleared_at=at, cleared_by=by)
        )

    async def in_force_at(
        self, student_ids: Collection[str], competency_ids: Collection[str], at: datetime
    ) -> dict[str, dict[str, Override]]:
        stmt = (
            sa.select(_overrides)
            .where(
                _overrides.c.tenant_id == self._tenant,
                _overrides.c.student_id.in_(list(student_ids)),
                _overrides.c.competency_id.in_(list(competency_ids)),
            )
            .order_by(_overrides.c.seq)  # the order they were set in
        )
        by_student: dict[str, list[RecordedOverride]] = defaultdict(list)
        for row in (await self._session.execute(stmt)).mappings():
            by_student[row["student_id"]].append(recorded_override(row))
        return {s: overrides_in_force(recorded, at) for s, recorded in by_student.items()}

    async def listed(
        self, which: OverrideFilter, *, after: str | None, limit: int
    ) -> Page[ListedOverride]:
        return await list_overrides(self._session, self._tenant, which, after=after, limit=limit)

    async def count_listed(self, which: OverrideFilter) -> int:
        return await count_overrides(self._session, self._tenant, which)

    async def of_decision(self, student_id: str, competency_id: str) -> list[RecordedOverride]:
        stmt = (
            sa.select(_overrides)
            .where(
                _overrides.c.tenant_id == self._tenant,
                _overrides.c.student_id == student_id,
                _overrides.c.competency_id == competency_id,
            )
            .order_by(_overrides.c.seq)
        )
        return [recorded_override(r) for r in (await self._session.execute(stmt)).mappings()]
