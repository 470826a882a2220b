"""A tenant's summary and trend counts built afresh from every decision and history entry
(docs/decisions/0056, 0061): on the counts' first refresh, and after a bulk load. Run by the
refresher (app.adapters.db.summary_refresh) inside its turn and transaction.

On PostgreSQL the students of one school and one grade (nearly all) are counted by
app.adapters.db.single_students, the others as a refresh counts them; their trend changes are
counted in steps of so many students (by id), each step's sorts held in memory: in one
statement, 10M decisions' history spilled 11 GB to disk and had written no row in 14 minutes.
The steps share the transaction, so a reader sees the counts built whole or not at all."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import tables as t
from app.adapters.db.plans import whole_tenant_joins
from app.adapters.db.single_students import (
    count_single_students,
    single_student_counts,
    single_students,
)
from app.adapters.db.summary_sql import (
    COUNT_KEY,
    PROFILE,
    count_into,
    count_trends,
    current_profiles,
    decision_rows,
    in_key_order,
    single_student,
    stored_profiles,
    students_once,
)
from app.adapters.db.summary_tables import (
    DecisionStatusChangeRow,
    SummaryCountRow,
    SummaryProfileRow,
    SummaryProfileStageRow,
    SummaryRefreshRow,
    SummaryRosterChangeRow,
)
from app.adapters.db.trend_sql import EXTRA, all_changes, in_range
from app.adapters.db.trend_tables import TrendCountRow, TrendHistoryChangeRow, TrendTailRow
from app.domain.access import TenantId

_profiles = t.table_of(SummaryProfileRow)
_trends = t.table_of(TrendCountRow)
_refreshes = t.table_of(SummaryRefreshRow)
# Every table of the tenant's counts, read models and queues: emptied before a build.
_KEPT = tuple(
    t.table_of(row)
    for row in (
        SummaryCountRow,
        TrendCountRow,
        SummaryProfileRow,
        SummaryProfileStageRow,
        DecisionStatusChangeRow,
        TrendHistoryChangeRow,
        SummaryRosterChangeRow,
        # What drains kept of each decision's history: a build empties the queue without
        # draining it, so the next drain reads each decision it touches afresh (0084).
        TrendTailRow,
    )
)
# The trend rows of the build's steps (dropped at commit): the trend counts' columns.
_STEPS = sa.Table(
    "trend_build_steps",
    sa.MetaData(),
    *(sa.Column(c.name, c.type) for c in _trends.columns),
)
_STEPS_SHAPE = "(LIKE trend_counts INCLUDING DEFAULTS) ON COMMIT DROP"
# Students per step of the trend build: about 1.5M trend rows and 180 MB of sorts in memory
# at 200 competencies and 1.8 history entries a decision.
STEP_STUDENTS = 1_000


async def rebuild(
    session: AsyncSession, tenant: TenantId, *, postgres: bool, step: int = STEP_STUDENTS
) -> None:
    """Count the tenant's decisions, students and trend changes afresh, and mark it built."""
    if postgres:
        # Millions of decisions into a few million groups: hashed in memory, not spilled.
        await session.execute(sa.text("SET LOCAL work_mem = '256MB'"))
        await whole_tenant_joins(session)  # every statement of a build reads the tenant
    for table in _KEPT:
        await session.execute(sa.delete(table).where(table.c.tenant_id == tenant))
    await session.execute(
        sa.insert(_profiles).from_select(["tenant_id", *PROFILE], current_profiles(tenant))
    )
    everyone = stored_profiles(tenant)
    if postgres:
        # Planned from what was just written, not from an empty table's guess.
        await session.execute(sa.text("ANALYZE summary_profiles"))
        await _count_by_own_school(session, tenant, step)
    else:
        await count_into(session, tenant, everyone, decision_rows(tenant))
        await count_trends(session, tenant, everyone, all_changes(tenant, postgres))
    await count_into(session, tenant, everyone, students_once(tenant))
    await session.execute(
        sa.update(_refreshes).where(_refreshes.c.tenant_id == tenant).values(built=True)
    )


async def _count_by_own_school(session: AsyncSession, tenant: TenantId, step: int) -> None:
    """PostgreSQL: decisions and trend changes of the students of one school and grade by
    app.adapters.db.single_students (the trend changes in steps), the others' as a refresh
    counts them, under each of their profile rows."""
    p = _profiles
    await count_single_students(session, tenant, decision_rows(tenant), single_students(tenant))
    # Each step's rows into a table of the transaction's own, without index or WAL; then
    # summed into the trend counts in one insert in their key's order (the tenant's rows
    # were deleted: nothing to merge with). On 1M decisions and 1.8M history entries: 246 s,
    # where upserting each step took 494 s and one statement for all 453 s (0061).
    await session.execute(sa.text(f"CREATE TEMPORARY TABLE {_STEPS.name} {_STEPS_SHAPE}"))
    for between in await _steps(session, tenant, step):
        rows = all_changes(tenant, True, between=between)
        single = single_students(tenant, *in_range(p.c.student_id, between))
        counted = single_student_counts(tenant, rows, single, extra=EXTRA, crossed=False)
        await session.execute(sa.insert(_STEPS).from_select([*COUNT_KEY, *EXTRA, "n"], counted))
    key = [_STEPS.c[c] for c in [*COUNT_KEY, *EXTRA]]
    summed = (
        sa.select(*key, sa.func.sum(_STEPS.c.n))
        .group_by(*key)
        .having(sa.func.sum(_STEPS.c.n) != 0)
        .order_by(*in_key_order(_trends))
    )
    await session.execute(sa.insert(_trends).from_select([*COUNT_KEY, *EXTRA, "n"], summed))
    # Students of two schools or grades, each profile row counted as in a refresh.
    several = (
        sa.select(p.c.student_id)
        .where(p.c.tenant_id == tenant)
        .group_by(p.c.student_id)
        .having(~single_student(p))
    )
    theirs = stored_profiles(tenant).where(p.c.student_id.in_(several))
    await count_into(session, tenant, theirs, decision_rows(tenant))
    await count_trends(session, tenant, theirs, all_changes(tenant, True, students=several))


async def _steps(
    session: AsyncSession, tenant: TenantId, step: int
) -> list[tuple[str | None, str | None]]:
    """The build's steps: ranges of student ids (after, up to) of `step` students each, by
    the stored profiles, the first from no bound and the last to none."""
    p = _profiles
    ids = sa.select(p.c.student_id).where(p.c.tenant_id == tenant).distinct().subquery("ids")
    numbered = sa.select(
        ids.c.student_id, sa.func.row_number().over(order_by=ids.c.student_id).label("n")
    ).subquery("numbered")
    ends = sa.select(numbered.c.student_id).where(numbered.c.n % step == 0)
    bounds: list[Any] = [
        None,
        *(await session.execute(ends.order_by(numbered.c.student_id))).scalars(),
        None,
    ]
    return list(pairwise(bounds))
