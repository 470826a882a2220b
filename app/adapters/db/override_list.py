"""The tenant-wide list of overrides in one query per page: each override with its decision's
framework (a join on competencies) and the engine's decision it replaced (the computed status
and score of the decision's last history entry recorded at or before it was set, as correlated
subqueries, the rule `override_entries` applies to one decision)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.mastery_tables import CompetencyRow, DecisionChangeRow, OverrideRow
from app.adapters.db.rows import StoredRow
from app.adapters.db.tables import EnrollmentRow, table_of
from app.domain.access import TenantId
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.override import Override, RecordedOverride
from app.domain.mastery.override_history import ListedOverride, OverrideEntry, OverrideFilter
from app.domain.roster import EnrollmentRole, RecordStatus
from app.domain.scales import Level
from app.ports.paging import Page

_overrides = table_of(OverrideRow)
_history = table_of(DecisionChangeRow)
_competencies = table_of(CompetencyRow)
_enrollments = table_of(EnrollmentRow)


def _replaced(column: sa.Column[object]) -> sa.ScalarSelect[object]:
    """The engine's `column` in the decision's last history entry at or before the override was
    set (ties in recording time: the first recorded, as `max` keeps the first)."""
    h = _history
    return (
        sa.select(column)
        .where(
            h.c.tenant_id == _overrides.c.tenant_id,
            h.c.student_id == _overrides.c.student_id,
            h.c.competency_id == _overrides.c.competency_id,
            h.c.changed_at <= _overrides.c.set_at,
        )
        .order_by(h.c.changed_at.desc(), h.c.seq.asc())
        .limit(1)
        .scalar_subquery()
    )


def recorded_override(row: StoredRow) -> RecordedOverride:
    level = row["level_value"]
    override = Override(
        level=Level(level, row["level_label"]) if level is not None else None,
        status=MasteryStatus(row["status"]) if row["status"] else None,
        reason=row["reason"],
        expires_at=row["expires_at"],
        set_at=row["set_at"],
        set_by=row["set_by"],
    )
    return RecordedOverride(row["competency_id"], override, row["cleared_at"], row["cleared_by"])


def _conditions(tenant: TenantId, which: OverrideFilter) -> list[sa.ColumnElement[bool]]:
    """The WHERE of the list and of its count alike."""
    o = _overrides
    where = [o.c.tenant_id == tenant]
    if which.student_id is not None:
        where.append(o.c.student_id == which.student_id)
    if which.competency_id is not None:
        where.append(o.c.competency_id == which.competency_id)
    if which.class_id is not None:
        e = _enrollments
        students = sa.select(e.c.user_id).where(
            e.c.tenant_id == tenant,
            e.c.class_id == which.class_id,
            e.c.role == EnrollmentRole.STUDENT.value,
            e.c.status == RecordStatus.ACTIVE.value,
        )
        where.append(o.c.student_id.in_(students))
    if which.active is not None:
        in_force = sa.and_(
            sa.or_(o.c.cleared_at.is_(None), o.c.cleared_at > which.at),
            sa.or_(o.c.expires_at.is_(None), o.c.expires_at > which.at),
            o.c.set_at <= which.at,
        )
        where.append(in_force if which.active else sa.not_(in_force))
    return where


def _of_competencies(stmt: sa.Select[Any]) -> sa.Select[Any]:
    """Only overrides of competencies that exist, each with its framework."""
    c = _competencies
    on = sa.and_(c.c.tenant_id == _overrides.c.tenant_id, c.c.id == _overrides.c.competency_id)
    return stmt.join(c, on)


async def count_overrides(session: AsyncSession, tenant: TenantId, which: OverrideFilter) -> int:
    stmt = _of_competencies(sa.select(sa.func.count()).select_from(_overrides))
    return int((await session.execute(stmt.where(*_conditions(tenant, which)))).scalar_one())


async def list_overrides(
    session: AsyncSession,
    tenant: TenantId,
    which: OverrideFilter,
    *,
    after: str | None,
    limit: int,
) -> Page[ListedOverride]:
    o = _overrides
    stmt = _of_competencies(
        sa.select(
            o,
            _competencies.c.framework_id,
            _replaced(_history.c.computed_status).label("replaced_status"),
            _replaced(_history.c.computed_score).label("replaced_score"),
        )
    ).where(*_conditions(tenant, which))
    if after is not None:
        stmt = stmt.where(o.c.seq > int(after))
    rows = (await session.execute(stmt.order_by(o.c.seq).limit(limit + 1))).mappings().all()
    items = []
    for row in rows[:limit]:
        recorded = recorded_override(row)
        status = row["replaced_status"]
        entry = OverrideEntry(
            recorded,
            recorded.state(which.at),
            MasteryStatus(status) if status is not None else None,
            row["replaced_score"],
        )
        items.append(ListedOverride(row["student_id"], row["framework_id"], entry, row["seq"]))
    last = str(items[-1].seq) if len(rows) > limit and items else None
    return Page(items, last)
