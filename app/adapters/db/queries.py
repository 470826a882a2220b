"""Read models: set-based SQL for reports and GraphQL's batches (app.ports.ReadModels).

Every method opens its own short-lived session, which only reads (on SQLite it begins deferred,
so it never waits for another tenant's writer): GraphQL resolvers run concurrently, and a
session is not safe to share between them. Reports are GROUP BY queries over the tenant's
students (joined to their schools, classes, grades and demographics) and their decisions;
nothing is counted in Python."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Collection, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db import tables as t
from app.adapters.db.engine import READ
from app.adapters.db.errors import failures_translated
from app.adapters.db.habits_tables import HabitsDecisionRow
from app.adapters.db.mastery_tables import DecisionChangeRow, DecisionRow
from app.adapters.db.native import is_postgres
from app.adapters.db.plans import whole_tenant_joins
from app.adapters.db.report_sql import (
    in_scope,
    line_item_objectives,
    objectives_by_class,
    of_their_group,
    status_counts,
    with_competency,
)
from app.adapters.db.report_students import (
    SUBGROUP_COLUMNS,
    grouped_by,
    narrowed_not_grouped,
    subgroup_column,
)
from app.adapters.db.row_security import tenant_session
from app.adapters.db.summary_reads import SummaryCounts
from app.adapters.db.trend_reads import kept_before
from app.adapters.db.types import UTCDateTime
from app.domain.access import TenantId
from app.domain.mastery.habits import DecisionKind
from app.domain.reporting import Dimension, Key
from app.domain.roster import RecordStatus, UserRole
from app.ports.reports import ReportScope, StatusCounts

ACTIVE = RecordStatus.ACTIVE.value
_users = t.table_of(t.UserRow)
_orgs = t.table_of(t.OrgRow)
_classes = t.table_of(t.ClassRow)
_enrollments = t.table_of(t.EnrollmentRow)
_user_orgs = t.table_of(t.UserOrgRow)
_user_grades = t.table_of(t.UserGradeRow)
_demographics = t.table_of(t.DemographicsRow)
_decisions = t.table_of(DecisionRow)
_habits = t.table_of(HabitsDecisionRow)
_history = t.table_of(DecisionChangeRow)
_IN_CHUNK = 5000


class SqlReadModels:
    """One tenant's read models."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        tenant: TenantId,
        counts: SummaryCounts | None = None,
    ) -> None:
        self._sessions = sessions
        self._tenant = tenant
        # The counts kept on write (docs/decisions/0056-summary-counts.md); None: count live.
        self._counts = counts

    @asynccontextmanager
    async def _reading(self) -> AsyncIterator[AsyncSession]:
        async with (
            failures_translated(read_only=True),
            tenant_session(self._sessions, self._tenant) as session,
        ):
            await session.connection(execution_options=READ)
            yield session

    async def _all(self, stmt: sa.Executable, *, hashed: bool = False) -> Sequence[sa.Row[Any]]:
        async with self._reading() as session:
            return await _rows(session, stmt, hashed=hashed)

    async def members(self, class_ids: Collection[str], role: str) -> dict[str, list[str]]:
        return await self._links(class_ids, role, by_class=True)

    async def classes_of(self, user_ids: Collection[str], role: str) -> dict[str, list[str]]:
        return await self._links(user_ids, role, by_class=False)

    async def _links(
        self, ids: Collection[str], role: str, *, by_class: bool
    ) -> dict[str, list[str]]:
        e, u, c = _enrollments, _users, _classes
        wanted = list(dict.fromkeys(ids))
        found: dict[str, list[str]] = {i: [] for i in wanted}
        if not wanted:
            return found
        key, value = (e.c.class_id, e.c.user_id) if by_class else (e.c.user_id, e.c.class_id)
        async with self._reading() as session:
            for start in range(0, len(wanted), _IN_CHUNK):
                stmt = (
                    sa.select(key, value)
                    .distinct()
                    .join(u, sa.and_(u.c.tenant_id == e.c.tenant_id, u.c.id == e.c.user_id))
                    .join(c, sa.and_(c.c.tenant_id == e.c.tenant_id, c.c.id == e.c.class_id))
                    .where(
                        e.c.tenant_id == self._tenant,
                        key.in_(wanted[start : start + _IN_CHUNK]),
                        e.c.role == role,
                        e.c.status == ACTIVE,
                        u.c.status == ACTIVE,
                        c.c.status == ACTIVE,
                    )
                    .order_by(key, value)
                )
                for k, v in (await session.execute(stmt)).all():
                    found[k].append(v)
        return found

    async def line_item_objectives(self) -> dict[str, frozenset[str]]:
        return objectives_by_class(await self._all(line_item_objectives(self._tenant)))

    async def population(self, scope: ReportScope) -> dict[Key, int]:
        if self._counts is not None:
            found = await self._counts.population(self._tenant, scope)
            if found is not None:
                return found
        students, columns = self._students(scope)
        stmt = students.with_only_columns(*columns, sa.func.count())
        if columns:
            stmt = stmt.group_by(*columns)
        return {tuple(row[:-1]): int(row[-1]) for row in await self._all(stmt)}

    async def decision_counts(self, scope: ReportScope) -> StatusCounts:
        if self._counts is not None:
            found = await self._counts.decision_counts(self._tenant, scope)
            if found is not None:
                return found
        p, columns = self._distinct_students(scope)
        # The same keys and status column: habits decisions are counted by the same query.
        d = _habits if scope.kind is DecisionKind.HABITS_OF_WORK else _decisions
        grouped = with_competency(scope.dimensions, columns, d.c.competency_id)
        stmt = (
            sa.select(*grouped, d.c.status, sa.func.count())
            .select_from(p)
            .join(d, sa.and_(d.c.tenant_id == self._tenant, d.c.student_id == p.c.student_id))
            .where(
                d.c.framework_id == scope.framework_id,
                in_scope(d.c.competency_id, scope),
                of_their_group(scope, columns, d.c.competency_id),
            )
            .group_by(*grouped, d.c.status)
        )
        return status_counts(await self._all(stmt))

    async def decision_counts_before(
        self, scope: ReportScope, cuts: Sequence[datetime], known_before: datetime | None = None
    ) -> list[StatusCounts]:
        if not cuts:
            return []
        if self._counts is not None and known_before is None:
            found = await kept_before(self._counts, self._tenant, scope, cuts, self._live_within)
            if found is not None:
                return found
        return await self._live_before(scope, cuts, known_before)

    async def _live_within(
        self,
        scope: ReportScope,
        cuts: Sequence[datetime],
        spans: Sequence[tuple[datetime, datetime]],
    ) -> list[StatusCounts]:
        return await self._live_before(scope, cuts, None, spans)

    async def _live_before(
        self,
        scope: ReportScope,
        cuts: Sequence[datetime],
        known_before: datetime | None,
        valid_within: Sequence[tuple[datetime, datetime]] = (),
    ) -> list[StatusCounts]:
        """The live as-of read (the reference); with `valid_within`, over only the decisions
        with an entry valid from within one of those spans."""
        found: list[StatusCounts] = [{} for _ in cuts]
        by_period: dict[int, list[Sequence[Any]]] = defaultdict(list)
        async with self._reading() as session:
            stmt = self._before(scope, cuts, known_before, valid_within, is_postgres(session))
            # Over a few decisions (valid_within), looked up by index: no hashing of everything.
            for row in await _rows(session, stmt, hashed=not valid_within):
                by_period[int(row[0])].append(row[1:])
        for period, rows in by_period.items():
            found[period] = status_counts(rows)
        return found

    def _before(
        self,
        scope: ReportScope,
        cuts: Sequence[datetime],
        known_before: datetime | None,
        valid_within: Sequence[tuple[datetime, datetime]],
        postgres: bool,
    ) -> sa.Select[Any]:
        """The statement of `_live_before`: (period, the scope's groups, status, count)."""
        p, columns = self._distinct_students(scope)
        h = _history
        pair = (h.c.student_id, h.c.competency_id)
        recorded = [
            h.c.tenant_id == self._tenant,
            h.c.framework_id == scope.framework_id,
            in_scope(h.c.competency_id, scope),
        ]
        if known_before is not None:
            recorded.append(h.c.changed_at < known_before)
        if scope.school_id or scope.grade or scope.class_id or scope.subgroups:
            # Only the history of the students in scope: a school's trend reads its own
            # students' entries, not the district's (40.6 s against 1.9 s at 10M decisions).
            recorded.append(h.c.student_id.in_(sa.select(p.c.student_id)))
        source: sa.FromClause = h  # the entries read, from `read`
        read: sa.FromClause = h
        if spans := valid_within:
            w = _history.alias("w")
            touched = sa.select(w.c.student_id, w.c.competency_id).where(
                w.c.tenant_id == self._tenant,
                w.c.framework_id == scope.framework_id,
                sa.or_(*(sa.and_(w.c.valid_from >= a, w.c.valid_from < b) for a, b in spans)),
            )
            if postgres:
                # Each touched decision's entries by a probe of its own index (LATERAL): as a
                # semi-join the planner sorted the framework's whole history to merge it with
                # 91,000 touched decisions (12.6 s at 18M entries; 5.4 s so, decision 0082).
                pairs = touched.distinct().subquery("touched")
                source = (
                    sa.select(
                        h.c.student_id, h.c.competency_id, h.c.status, h.c.valid_from, h.c.seq
                    )
                    .where(
                        *recorded, *(h.c[c] == pairs.c[c] for c in ("student_id", "competency_id"))
                    )
                    .lateral("own")
                )
                read, recorded = pairs.join(source, sa.true()), []
            else:
                recorded.append(sa.tuple_(*pair).in_(touched))
        # An entry holds from its valid time carried forward in the order entries were recorded
        # (a correction recorded later never holds before what it corrects), until the next
        # entry's: the greater of this one's and the next's own. One window, one sort.
        e = source.c
        by_pair = (e.student_id, e.competency_id)
        held = sa.func.max(e.valid_from).over(partition_by=by_pair, order_by=e.seq, rows=(None, 0))
        following = sa.func.lead(e.valid_from).over(partition_by=by_pair, order_by=e.seq)
        entries = (
            sa.select(
                *by_pair,
                e.status,
                held.label("held_from"),
                sa.case(
                    (following.is_(None), None), (following > held, following), else_=held
                ).label("next_at"),
            )
            .select_from(read)
            .where(*recorded)
            .subquery("entries")
        )
        cut_rows = sa.union_all(
            *(
                sa.select(sa.literal(i).label("period"), sa.literal(at, UTCDateTime()).label("at"))
                for i, at in enumerate(cuts)
            )
        ).subquery("cuts")
        # Each decision's status at each cut, computed once (materialised: a planner without
        # statistics would otherwise run the window again for every student it joins).
        state = (
            sa.select(
                cut_rows.c.period, entries.c.student_id, entries.c.competency_id, entries.c.status
            )
            .select_from(cut_rows)
            .join(
                entries,
                sa.and_(
                    entries.c.held_from < cut_rows.c.at,
                    sa.or_(entries.c.next_at.is_(None), entries.c.next_at >= cut_rows.c.at),
                ),
            )
            .cte("state")
            .prefix_with("MATERIALIZED", dialect="postgresql")
        )
        grouped = with_competency(scope.dimensions, columns, state.c.competency_id)
        return (
            sa.select(state.c.period, *grouped, state.c.status, sa.func.count())
            .select_from(state)
            .join(p, p.c.student_id == state.c.student_id)
            .where(of_their_group(scope, columns, state.c.competency_id))
            .group_by(state.c.period, *grouped, state.c.status)
        )

    def _distinct_students(
        self, scope: ReportScope
    ) -> tuple[sa.Subquery, list[sa.ColumnElement[Any]]]:
        """The students in scope with their group values: one row per student and group (every
        join is on a key, so no student is counted twice in a group)."""
        students, columns = self._students(scope)
        labelled = [c.label(f"k{i}") for i, c in enumerate(columns)]
        # Not DISTINCT: it would hide the row count from the planner, which then sorts the
        # decisions to merge them instead of hashing the students.
        p = students.with_only_columns(_users.c.id.label("student_id"), *labelled).subquery(
            "students"
        )
        return p, [p.c[f"k{i}"] for i in range(len(columns))]

    def _students(self, scope: ReportScope) -> tuple[sa.Select[Any], list[sa.ColumnElement[Any]]]:
        """SELECT over the active students in scope joined to what they are grouped by, and the
        grouped columns in the order of the scope's dimensions (competency left out)."""
        u, tenant = _users, self._tenant
        source: sa.FromClause = u
        where: list[sa.ColumnElement[bool]] = [
            u.c.tenant_id == tenant,
            u.c.role == UserRole.STUDENT.value,
            u.c.status == ACTIVE,
        ]
        columns: list[sa.ColumnElement[Any]] = []
        dm = _demographics.alias("dm")
        if set(scope.dimensions) & {*SUBGROUP_COLUMNS, Dimension.RACE_ETHNICITY} or scope.subgroups:
            source = source.outerjoin(
                dm, sa.and_(dm.c.tenant_id == tenant, dm.c.id == u.c.id, dm.c.status == ACTIVE)
            )
        for dim in scope.dimensions:
            grouped = grouped_by(dim, source, dm, scope, tenant)
            if grouped is not None:
                source, column, narrowed = grouped
                columns.append(column)
                where += narrowed
        where += narrowed_not_grouped(scope, tenant)
        where += [subgroup_column(dm, dim) == value for dim, value in scope.subgroups.items()]
        return sa.select(u.c.id).select_from(source).where(*where), columns


async def _rows(
    session: AsyncSession, stmt: sa.Executable, *, hashed: bool = False
) -> Sequence[sa.Row[Any]]:
    if hashed and is_postgres(session):
        # Every row of a trend's state meets every student: a nested loop (chosen when a fresh
        # load has no statistics yet) multiplies them; hashing reads each once. JIT off with
        # them: a trend's query was compiled (~0.5 s) whatever its size.
        await whole_tenant_joins(session)
    return (await session.execute(stmt)).all()
