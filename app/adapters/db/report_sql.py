"""The parts of report SQL shared by the read models' counts (app.adapters.db.queries): which
competencies a count covers, the grouped columns with the competency in its place, and the rows
turned into counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from app.adapters.db import tables as t
from app.adapters.db.gradebook_tables import LineItemRow
from app.adapters.db.mastery_rows import STATUS_OF
from app.domain.access import TenantId
from app.domain.mastery.decision import MasteryStatus
from app.domain.reporting import RACE_ETHNICITY_RULE, Dimension, FlagSet, RaceEthnicity
from app.domain.roster import RecordStatus
from app.ports.reports import ReportScope, StatusCounts


def in_scope(column: sa.ColumnElement[Any], scope: ReportScope) -> sa.ColumnElement[bool]:
    """The competencies in scope, as the shorter of what to exclude and what to include: a
    short list to exclude is cheaper for the database than a long one to include."""
    excluded, included = scope.excluded_competency_ids, scope.competency_ids
    if not excluded:
        return sa.true()
    if len(excluded) < len(included):
        return column.not_in(list(excluded))
    return column.in_(list(included))


def of_their_group(
    scope: ReportScope,
    columns: Sequence[sa.ColumnElement[Any]],
    competency: sa.ColumnElement[Any],
) -> sa.ColumnElement[bool]:
    """Decisions on the competencies of the grade (or class) they are grouped under (app.domain.
    denominators); every decision when the scope counts every competency for everyone."""
    by_group = scope.group_competencies
    if by_group is None:
        return sa.true()
    roster: list[Dimension] = [d for d in scope.dimensions if d is not Dimension.COMPETENCY]
    group = columns[roster.index(by_group.dimension)]
    named = list(by_group.by_group)
    return sa.or_(
        *(sa.and_(group == g, competency.in_(list(ids))) for g, ids in by_group.by_group.items()),
        sa.and_(group.not_in(named), competency.in_(list(by_group.others))),
    )


def with_competency(
    dimensions: Sequence[Dimension],
    columns: Sequence[sa.ColumnElement[Any]],
    competency: sa.ColumnElement[Any],
) -> list[sa.ColumnElement[Any]]:
    """The grouped columns with the competency in its place among the dimensions."""
    out = list(columns)
    if Dimension.COMPETENCY in dimensions:
        out.insert(dimensions.index(Dimension.COMPETENCY), competency)
    return out


def status_counts(rows: Sequence[Sequence[Any]]) -> StatusCounts:
    found: StatusCounts = {}
    status_of = STATUS_OF  # a dict, not the enum's own call: a district reads 40,000 rows
    for row in rows:
        *key, status, count = row
        found.setdefault(tuple(key), {})[status_of[status]] = int(count)
    return found


STATUSES = tuple(MasteryStatus)
"""The order of the columns of `per_status` and `pivoted_counts`."""


def per_status(n: sa.ColumnElement[Any], status: sa.ColumnElement[Any]) -> list[Any]:
    """sum(n) of each status (STATUSES) as its own column: one row per group instead of one
    per group and status (a district's summary read 10,000 rows instead of 40,000)."""
    return [sa.func.sum(n).filter(status == s.value) for s in STATUSES]


def pivoted_counts(rows: Sequence[Sequence[Any]]) -> StatusCounts:
    """The rows of (*key, a count per status of STATUSES) as status_counts gives them (no
    status of no decision)."""
    found: StatusCounts = {}
    width = len(STATUSES)
    for row in rows:
        found[tuple(row[:-width])] = {
            status: int(n) for status, n in zip(STATUSES, row[-width:], strict=True) if n
        }
    return found


def line_item_objectives(tenant: TenantId) -> sa.Select[Any]:
    """(class id, objective sets) of every active line item of an active class: what
    class-aligned denominators align classes to (objective_sets is JSON, read in Python: the
    two databases take JSON apart differently)."""
    li, c = t.table_of(LineItemRow), t.table_of(t.ClassRow)
    active = RecordStatus.ACTIVE.value
    return (
        sa.select(li.c.class_id, li.c.objective_sets)
        .join(c, sa.and_(c.c.tenant_id == li.c.tenant_id, c.c.id == li.c.class_id))
        .where(li.c.tenant_id == tenant, li.c.status == active, c.c.status == active)
    )


def objectives_by_class(rows: Sequence[Sequence[Any]]) -> dict[str, frozenset[str]]:
    """The rows of line_item_objectives as each class's objective ids."""
    found: dict[str, set[str]] = {}
    for class_id, sets in rows:
        for objective_set in sets or ():
            found.setdefault(class_id, set()).update(objective_set["objective_ids"])
    return {class_id: frozenset(ids) for class_id, ids in found.items() if ids}


def race_ethnicity_sql(dm: sa.FromClause) -> sa.ColumnElement[Any]:
    """The domain's RACE_ETHNICITY_RULE as one CASE over a demographics row (all NULL for a
    student without one, who is then unknown, as the domain's function says)."""
    whens: list[tuple[sa.ColumnElement[bool], str]] = []
    for category, condition in RACE_ETHNICITY_RULE:
        if isinstance(condition, FlagSet):
            holds: sa.ColumnElement[bool] = dm.c[condition.flag].is_(True)
        else:
            count = sum(
                (sa.case((dm.c[f].is_(True), 1), else_=0) for f in condition.flags[1:]),
                start=sa.case((dm.c[condition.flags[0]].is_(True), 1), else_=0),
            )
            holds = sa.or_(count > 1, dm.c[condition.also].is_(True))
        whens.append((holds, category.value))
    return sa.case(*whens, else_=RaceEthnicity.UNKNOWN.value)
