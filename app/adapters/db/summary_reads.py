"""Summaries read from the counts kept on write (docs/decisions/0056-summary-counts.md), for
the scopes whose shape the counts hold: academic decisions grouped by school, grade,
competency and at most one subgroup, narrowed to a school, a grade and that one subgroup's
value. Anything else (classes, class-aligned denominators, two subgroups, habits of work) is
counted live (app.adapters.db.queries), which stays the reference the counts are tested
against."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db import tables as t
from app.adapters.db.engine import READ
from app.adapters.db.errors import failures_translated
from app.adapters.db.report_sql import (
    in_scope,
    of_their_group,
    per_status,
    pivoted_counts,
    status_counts,
)
from app.adapters.db.row_security import tenant_session
from app.adapters.db.summary_refresh import SummaryRefresher
from app.adapters.db.summary_tables import (
    ALL,
    POPULATION,
    DecisionStatusChangeRow,
    SummaryCountRow,
    SummaryRefreshRow,
    SummaryRosterChangeRow,
)
from app.adapters.db.trend_tables import MONTH, SPAN, TrendCountRow, TrendHistoryChangeRow
from app.domain.access import TenantId
from app.domain.mastery.habits import DecisionKind
from app.domain.reporting import Dimension, Key
from app.domain.roster import OrgType, RecordStatus
from app.ports.reports import ReportScope, StatusCounts

_counts = t.table_of(SummaryCountRow)
# How many times a summary waits for another catch-up before it counts live instead.
_TURNS = 10
# How long a summary waits for another refresh of its tenant before it counts live: enough for
# another summary's catch-up (milliseconds), not for a keeper's round that drains a load's
# history entries into the trend counts (seconds: a summary asked during a load of 200,000
# results waited 2 s each time at 2.0, bench fresh_summary).
_TURN_WAIT_SECONDS = 0.25
_refreshes = t.table_of(SummaryRefreshRow)
_changes = t.table_of(DecisionStatusChangeRow)
_marks = t.table_of(SummaryRosterChangeRow)
_entries = t.table_of(TrendHistoryChangeRow)
_trends = t.table_of(TrendCountRow)
_orgs = t.table_of(t.OrgRow)
_SUBGROUPS = {
    Dimension.SEX,
    Dimension.RACE_ETHNICITY,
    Dimension.ENGLISH_LEARNER,
    Dimension.SPECIAL_EDUCATION,
    Dimension.ECONOMICALLY_DISADVANTAGED,
}
_FLAGS = {
    Dimension.ENGLISH_LEARNER,
    Dimension.SPECIAL_EDUCATION,
    Dimension.ECONOMICALLY_DISADVANTAGED,
}


def _subgroups(scope: ReportScope) -> set[Dimension]:
    return {d for d in scope.dimensions if d in _SUBGROUPS} | set(scope.subgroups)


def covered(scope: ReportScope) -> bool:
    """Whether the counts hold the answer to this scope's shape."""
    by_group = scope.group_competencies
    return (
        scope.kind is DecisionKind.ACADEMIC
        and scope.class_id is None
        and Dimension.CLASS not in scope.dimensions
        and (by_group is None or by_group.dimension is Dimension.GRADE)
        and len(_subgroups(scope)) <= 1
    )


def trend_covered(scope: ReportScope) -> bool:
    """Whether the trend counts hold the answer to this scope's shape: a summary's, but not
    by or within a school and by or within a grade at once (they keep no such rows: 0061)."""
    by_school = Dimension.SCHOOL in scope.dimensions or scope.school_id is not None
    by_grade = Dimension.GRADE in scope.dimensions or scope.grade is not None
    return covered(scope) and not (by_school and by_grade)


def subgroup_of(scope: ReportScope) -> Dimension | None:
    """The one subgroup dimension a covered scope groups or narrows by, if any."""
    return next(iter(_subgroups(scope)), None)


def as_text(dim: Dimension, value: object) -> str:
    """A subgroup's value as the counts store it."""
    if dim in _FLAGS:
        return "true" if value is True else "false" if value is False else ALL
    return ALL if value is None else str(value)


def _as_value(dim: Dimension, text: str) -> object:
    if dim in _FLAGS:
        return {"true": True, "false": False}.get(text)
    return None if text == ALL else text


class SummaryCounts:
    """The counts kept on write. With `catch_up` (the primary on PostgreSQL) what was captured
    since the last refresh is drained before reading; without, the counts answer only when
    nothing was (SQLite: a catch-up would wait for the one write lock, which another tenant's
    import may hold for minutes, so the live count answers instead), or with `stale_ok` as
    the last refresh left them (a read replica, which cannot write)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        catch_up: SummaryRefresher | None,
        stale_ok: bool = False,
    ) -> None:
        self._sessions = sessions
        self._refresher = catch_up
        self._stale_ok = stale_ok

    async def decision_counts(self, tenant: TenantId, scope: ReportScope) -> StatusCounts | None:
        """The stored decisions per group and status as the live count gives them; None when
        the counts cannot answer this scope (its shape, counts yet to be built, or changes
        not yet drained that this reader may not drain)."""
        rows = await self._rows(
            tenant, scope, lambda: _statement(tenant, scope, population=False), trends=False
        )
        return None if rows is None else pivoted_counts(_decoded(scope.dimensions, rows))

    async def population(self, tenant: TenantId, scope: ReportScope) -> dict[Key, int] | None:
        """Distinct students per group as the live count gives them (None as above)."""
        rows = await self._rows(
            tenant, scope, lambda: _statement(tenant, scope, population=True), trends=False
        )
        if rows is None:
            return None
        roster = tuple(d for d in scope.dimensions if d is not Dimension.COMPETENCY)
        # Ungrouped, a sum over no rows is one row of NULL (a school without students): the
        # live count's 0.
        return {tuple(r[:-1]): int(r[-1] or 0) for r in _decoded(roster, rows)}

    async def trend_counts(
        self, tenant: TenantId, scope: ReportScope, days: Sequence[str]
    ) -> list[StatusCounts] | None:
        """For each first day of a span ('YYYY-MM-DD', UTC; app.adapters.db.trend_tables), the
        decisions per group and status as they stood at its first instant, as the live as-of
        read counts them (None as above)."""
        if not days:
            return []
        rows = await self._rows(
            tenant, scope, lambda: trend_statement(tenant, scope, days), trends=True
        )
        if rows is None:
            return None
        by_day: list[list[Sequence[Any]]] = [[] for _ in days]
        for row in rows:
            by_day[int(row[0])].append(row[1:])
        return [status_counts(_decoded(scope.dimensions, found)) for found in by_day]

    async def _rows(
        self,
        tenant: TenantId,
        scope: ReportScope,
        statement_of: Callable[[], sa.Select[Any]],
        *,
        trends: bool,
    ) -> Sequence[Sequence[Any]] | None:
        """The statement's rows once what it reads is up to date: a summary needs the decisions'
        and the roster's changes drained, a trend the history entries as well."""
        if not (trend_covered(scope) if trends else covered(scope)):
            return None
        # Built only for a shape the counts hold.
        statement = statement_of()
        for _ in range(_TURNS):
            # Read first: with nothing captured since the last refresh (a keeper running, or
            # no writes) the counts are read in one read-only transaction.
            async with self._reading(tenant) as session:
                built, pending = await _state(session, tenant, trends=trends)
                if built and (not pending or self._stale_ok):
                    return await _read(session, tenant, scope, statement)
            if not built or self._refresher is None:
                return None
            refreshed = await self._refresher.try_refresh(tenant, build=False, trends=trends)
            if refreshed is None:
                # Another catch-up is running (concurrent summaries of one tenant): wait for
                # it, then look again; usually it drained everything. Not for long: it may be
                # the keeper building the counts again after a bulk load.
                if not await self._refresher.wait_for_turn(tenant, within=_TURN_WAIT_SECONDS):
                    return None
                continue
            if not refreshed.built:
                return None
            async with self._reading(tenant) as session:
                return await _read(session, tenant, scope, statement)
        return None  # no turn came: the live count answers, exactly

    @asynccontextmanager
    async def _reading(self, tenant: TenantId) -> AsyncIterator[AsyncSession]:
        async with (
            failures_translated(read_only=True),
            tenant_session(self._sessions, tenant) as session,
        ):
            await session.connection(execution_options=READ)
            yield session


async def _state(session: AsyncSession, tenant: TenantId, *, trends: bool) -> tuple[bool, bool]:
    """Whether the tenant's counts are built, and whether changes were captured since (the
    history entries only for a trend: a summary does not read what they change)."""
    built = sa.select(_refreshes.c.built).where(_refreshes.c.tenant_id == tenant)
    queues = [_changes, _marks, *([_entries] if trends else [])]
    pending = sa.or_(*(sa.exists().where(q.c.tenant_id == tenant) for q in queues))
    row = (await session.execute(sa.select(built.scalar_subquery(), pending))).one()
    # No state: a tenant created after the counts were, counted from its first decision.
    return row[0] is None or bool(row[0]), bool(row[1])


async def _read(
    session: AsyncSession, tenant: TenantId, scope: ReportScope, statement: sa.Select[Any]
) -> Sequence[Sequence[Any]] | None:
    if scope.school_id is not None and not await _a_school(session, tenant, scope):
        # Narrowed to an org that is not an active school: the live count says what that
        # means; the counts hold active schools only.
        return None
    rows: Sequence[Sequence[Any]] = (await session.execute(statement)).all()
    return rows


async def _a_school(session: AsyncSession, tenant: TenantId, scope: ReportScope) -> bool:
    o = _orgs
    stmt = sa.select(sa.literal(1)).where(
        o.c.tenant_id == tenant,
        o.c.id == scope.school_id,
        o.c.type == OrgType.SCHOOL.value,
        o.c.status == RecordStatus.ACTIVE.value,
    )
    return (await session.execute(stmt)).first() is not None


def _narrowed(
    column: sa.ColumnElement[str], grouped: bool, value: str | None
) -> sa.ColumnElement[bool]:
    if value is not None:
        return column == value
    return column != ALL if grouped else column == ALL


def _statement(tenant: TenantId, scope: ReportScope, *, population: bool) -> sa.Select[Any]:
    c = _counts
    by_dimension, roster, where = shape(c, tenant, scope)
    where.append(c.c.n > 0)
    if population:
        where.append(c.c.framework_id == POPULATION)
        return sa.select(*roster, sa.func.sum(c.c.n)).where(*where).group_by(*roster)
    grouped = grouped_columns(c, scope, by_dimension)
    where += decisions_of(c, scope, roster)
    return sa.select(*grouped, *per_status(c.c.n, c.c.status)).where(*where).group_by(*grouped)


def shape(
    c: sa.Table, tenant: TenantId, scope: ReportScope
) -> tuple[dict[Dimension, sa.ColumnElement[Any]], list[sa.ColumnElement[Any]], list[Any]]:
    """Of a table keyed as the summary counts are (the counts, the trend counts): the column
    of each dimension, the roster's grouped columns, and the rows of the scope's groups."""
    dims, subgroup = scope.dimensions, subgroup_of(scope)
    by_dimension: dict[Dimension, sa.ColumnElement[Any]] = {
        Dimension.SCHOOL: c.c.school_id,
        Dimension.GRADE: c.c.grade,
    }
    if subgroup is not None:
        by_dimension[subgroup] = c.c.subgroup_value
    roster = [by_dimension[d] for d in dims if d is not Dimension.COMPETENCY]
    value = scope.subgroups.get(subgroup) if subgroup is not None else None
    where: list[Any] = [
        c.c.tenant_id == tenant,
        c.c.subgroup == (ALL if subgroup is None else subgroup.value),
        _narrowed(c.c.school_id, Dimension.SCHOOL in dims, scope.school_id),
        _narrowed(c.c.grade, Dimension.GRADE in dims, scope.grade),
    ]
    if subgroup is not None and subgroup in scope.subgroups:
        where.append(c.c.subgroup_value == as_text(subgroup, value))
    return by_dimension, roster, where


def grouped_columns(
    c: sa.Table, scope: ReportScope, by_dimension: dict[Dimension, sa.ColumnElement[Any]]
) -> list[sa.ColumnElement[Any]]:
    """The scope's dimensions as columns of `c`, in their order."""
    return [
        c.c.competency_id if d is Dimension.COMPETENCY else by_dimension[d]
        for d in scope.dimensions
    ]


def decisions_of(
    c: sa.Table, scope: ReportScope, roster: list[sa.ColumnElement[Any]]
) -> list[sa.ColumnElement[bool]]:
    """The rows of the scope's framework and competencies (of each one's group)."""
    return [
        c.c.framework_id == scope.framework_id,
        in_scope(c.c.competency_id, scope),
        of_their_group(scope, roster, c.c.competency_id),
    ]


def trend_statement(tenant: TenantId, scope: ReportScope, days: Sequence[str]) -> sa.Select[Any]:
    """(day's index, the scope's dimensions, status, count) at the first instant of each day,
    each the first of a span: the sum of the changes of the months before its month and of its
    month's spans before it (docs/decisions/0061-trend-counts.md)."""
    c = _trends
    by_dimension, roster, where = shape(c, tenant, scope)
    where += decisions_of(c, scope, roster)
    cuts = sa.union_all(
        *(
            sa.select(
                sa.literal(i).label("period"),
                sa.literal(day[:8] + "01").label("month"),
                sa.literal(day).label("day"),
            )
            for i, day in enumerate(days)
        )
    ).subquery("cuts")
    before = sa.or_(
        sa.and_(c.c.grain == MONTH, c.c.bucket < cuts.c.month),
        sa.and_(c.c.grain == SPAN, c.c.bucket >= cuts.c.month, c.c.bucket < cuts.c.day),
    )
    grouped = grouped_columns(c, scope, by_dimension)
    total = sa.func.sum(c.c.n)
    return (
        sa.select(cuts.c.period, *grouped, c.c.status, total)
        .select_from(c.join(cuts, before))
        .where(*where)
        .group_by(cuts.c.period, *grouped, c.c.status)
        # Decisions that came and went: no row, as the live count has none.
        .having(total != 0)
    )


def _decoded(dims: Sequence[Dimension], rows: Sequence[Sequence[Any]]) -> Sequence[Sequence[Any]]:
    """The rows with each subgroup value as the live count gives it (a flag as a bool, a
    missing value as None); the key's columns are in the order of `dims`."""
    places = [(i, d) for i, d in enumerate(dims) if d in _SUBGROUPS]
    if not places:
        return rows  # nothing to decode (no copy of a district's 40,000 rows)
    decoded: list[list[Any]] = []
    for row in rows:
        values = list(row)
        for i, dim in places:
            values[i] = _as_value(dim, values[i])
        decoded.append(values)
    return decoded
