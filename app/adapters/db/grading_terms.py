"""SQL repository of grading terms' closes and snapshots: a close freezes every decision of the
tenant with one INSERT ... SELECT from the decisions table (no row passes through Python)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.grading_term_tables import SnapshotDecisionRow, TermCloseRow
from app.adapters.db.lookups import LookupsCache, SeenRevision, change_revision
from app.adapters.db.mastery_rows import decision_from_row
from app.adapters.db.mastery_tables import DecisionRow
from app.adapters.db.rows import StoredRow
from app.adapters.db.tables import EnrollmentRow, table_of
from app.domain.access import TenantId
from app.domain.grading_terms import FrozenDecision, TermClose, TermState, page_key, parse_page_key
from app.domain.mastery.decision import MasteryStatus
from app.domain.roster import EnrollmentRole
from app.domain.scales import Level
from app.ports.grading_terms import SnapshotQuery
from app.ports.paging import Page

_closes = table_of(TermCloseRow)
_snapshot = table_of(SnapshotDecisionRow)
_decisions = table_of(DecisionRow)
_enrollments = table_of(EnrollmentRow)
# The decisions table's columns, which the snapshot's repeat (plus its session).
_COPIED = [c.name for c in _decisions.columns]
# Every result's request asks whether a term is open for reassessment: the statement is built
# once (building it took longer than running it, decision 0072).
_REASSESSING = sa.select(_closes).where(
    _closes.c.tenant_id == sa.bindparam("tenant"),
    _closes.c.reassessment_until > sa.bindparam("at"),
    _closes.c.state == TermState.CLOSED.value,
)


def _close(row: StoredRow) -> TermClose:
    return TermClose(
        session_id=row["session_id"],
        state=TermState(row["state"]),
        closed_at=row["closed_at"],
        closed_by=row["closed_by"],
        ends_at=row["ends_at"],
        reassessment_until=row["reassessment_until"],
        decisions=row["decisions"],
    )


def _frozen(row: StoredRow) -> FrozenDecision:
    value, label = row["level_value"], row["level_label"]
    return FrozenDecision(
        decision_from_row(row, with_state=False),
        MasteryStatus(row["status"]),
        row["score"],
        None if value is None or label is None else Level(value, label),
    )


class SqlGradingTerms:
    def __init__(
        self, session: AsyncSession, tenant: TenantId, lookups: LookupsCache, seen: SeenRevision
    ) -> None:
        self._session = session
        self._tenant = tenant
        self._lookups = lookups
        self._seen = seen

    def _values(self, close: TermClose) -> dict[str, Any]:
        return {
            "tenant_id": self._tenant,
            "session_id": close.session_id,
            "state": close.state.value,
            "closed_at": close.closed_at,
            "closed_by": close.closed_by,
            "ends_at": close.ends_at,
            "reassessment_until": close.reassessment_until,
            "decisions": close.decisions,
        }

    def _of_session(self, session_id: str) -> sa.ColumnElement[bool]:
        return sa.and_(_snapshot.c.tenant_id == self._tenant, _snapshot.c.session_id == session_id)

    async def get(self, session_id: str) -> TermClose | None:
        stmt = sa.select(_closes).where(
            _closes.c.tenant_id == self._tenant, _closes.c.session_id == session_id
        )
        row = (await self._session.execute(stmt)).mappings().first()
        return None if row is None else _close(row)

    async def add(self, close: TermClose) -> None:
        await change_revision(self._session, self._tenant, self._seen)
        await self._session.execute(sa.insert(_closes).values(self._values(close)))

    async def save(self, close: TermClose) -> None:
        await change_revision(self._session, self._tenant, self._seen)
        await self._session.execute(
            sa.update(_closes)
            .where(_closes.c.tenant_id == self._tenant, _closes.c.session_id == close.session_id)
            .values(self._values(close))
        )

    async def remove(self, session_id: str) -> int:
        await change_revision(self._session, self._tenant, self._seen)
        removed = await self._session.execute(
            sa.delete(_snapshot).where(self._of_session(session_id))
        )
        await self._session.execute(
            sa.delete(_closes).where(
                _closes.c.tenant_id == self._tenant, _closes.c.session_id == session_id
            )
        )
        return int(getattr(removed, "rowcount", 0) or 0)

    async def _copy(self, session_id: str, *where: sa.ColumnElement[bool]) -> int:
        chosen = sa.select(
            *[_decisions.c[name] for name in _COPIED], sa.literal(session_id, sa.String())
        ).where(_decisions.c.tenant_id == self._tenant, *where)
        copied = await self._session.execute(
            sa.insert(_snapshot).from_select([*_COPIED, "session_id"], chosen)
        )
        return int(getattr(copied, "rowcount", 0) or 0)

    async def freeze(self, session_id: str) -> int:
        await self._session.execute(sa.delete(_snapshot).where(self._of_session(session_id)))
        return await self._copy(session_id)

    async def refreeze(
        self, session_id: str, student_ids: Collection[str], framework_ids: Collection[str]
    ) -> None:
        students, frameworks = sorted(student_ids), sorted(framework_ids)
        if not students or not frameworks:
            return
        await self._session.execute(
            sa.delete(_snapshot).where(
                self._of_session(session_id),
                _snapshot.c.student_id.in_(students),
                _snapshot.c.framework_id.in_(frameworks),
            )
        )
        await self._copy(
            session_id,
            _decisions.c.student_id.in_(students),
            _decisions.c.framework_id.in_(frameworks),
        )

    async def reassessing(self, at: datetime) -> list[TermClose]:
        revision = self._seen.value
        if revision is not None:
            # From memory while the tenant's lookups revision is the one this unit of work read.
            known = self._lookups.known_closes(self._tenant, revision, at)
            if known is not None:
                return known
        found = await self._session.execute(_REASSESSING, {"tenant": self._tenant, "at": at})
        closes = [_close(r) for r in found.mappings()]
        if revision is not None:
            self._lookups.keep_closes(self._tenant, revision, at, closes)
        return closes

    async def snapshot(self, query: SnapshotQuery) -> Page[FrozenDecision]:
        stmt = sa.select(_snapshot).where(self._of_session(query.session_id))
        if query.student_id is not None:
            stmt = stmt.where(_snapshot.c.student_id == query.student_id)
        if query.framework_id is not None:
            stmt = stmt.where(_snapshot.c.framework_id == query.framework_id)
        if query.class_id is not None:
            students = sa.select(_enrollments.c.user_id).where(
                _enrollments.c.tenant_id == self._tenant,
                _enrollments.c.class_id == query.class_id,
                _enrollments.c.role == EnrollmentRole.STUDENT.value,
                _enrollments.c.status == "active",
            )
            stmt = stmt.where(_snapshot.c.student_id.in_(students))
        if query.after is not None and (after := parse_page_key(query.after)) is not None:
            stmt = stmt.where(
                sa.tuple_(_snapshot.c.student_id, _snapshot.c.competency_id) > sa.tuple_(*after)
            )
        stmt = stmt.order_by(_snapshot.c.student_id, _snapshot.c.competency_id).limit(
            query.limit + 1
        )
        rows = list((await self._session.execute(stmt)).mappings())
        items = [_frozen(r) for r in rows[: query.limit]]
        more = len(rows) > query.limit
        last = items[-1].record if more and items else None
        return Page(items, None if last is None else page_key(last.student_id, last.competency_id))

    async def of_students(
        self, session_id: str, student_ids: Collection[str], framework_id: str | None
    ) -> list[FrozenDecision]:
        found: list[FrozenDecision] = []
        ids = sorted(student_ids)
        for start in range(0, len(ids), 500):
            stmt = sa.select(_snapshot).where(
                self._of_session(session_id),
                _snapshot.c.student_id.in_(ids[start : start + 500]),
            )
            if framework_id is not None:
                stmt = stmt.where(_snapshot.c.framework_id == framework_id)
            found += [_frozen(r) for r in (await self._session.execute(stmt)).mappings()]
        return found

    async def more_decisions_than(self, limit: int) -> bool:
        # Counts no further than the limit: a district of millions answers as fast as a small one.
        first = (
            sa.select(sa.literal(1))
            .select_from(_decisions)
            .where(_decisions.c.tenant_id == self._tenant)
            .limit(limit + 1)
            .subquery()
        )
        stmt = sa.select(sa.func.count()).select_from(first)
        return int((await self._session.execute(stmt)).scalar_one()) > limit
