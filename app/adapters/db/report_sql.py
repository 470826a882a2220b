"""The parts of report SQL shared by the read models' counts (app.adapters.db.queries): which
competencies a count covers, the grouped columns with the competency in its place, and the rows
turned into counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from app.domain.mastery.decision import MasteryStatus
from app.domain.reporting import Dimension
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


def of_their_grade(
    scope: ReportScope,
    columns: Sequence[sa.ColumnElement[Any]],
    competency: sa.ColumnElement[Any],
) -> sa.ColumnElement[bool]:
    """Decisions on the competencies of the grade they are grouped under (app.domain.
    denominators); every decision when the scope counts every competency for everyone."""
    by_grade = scope.grade_competencies
    if by_grade is None:
        return sa.true()
    roster = [d for d in scope.dimensions if d is not Dimension.COMPETENCY]
    grade = columns[roster.index(Dimension.GRADE)]
    named = list(by_grade.by_grade)
    return sa.or_(
        *(sa.and_(grade == g, competency.in_(list(ids))) for g, ids in by_grade.by_grade.items()),
        sa.and_(grade.not_in(named), competency.in_(list(by_grade.others))),
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
    for row in rows:
        *key, status, count = row
        found.setdefault(tuple(key), {})[MasteryStatus(status)] = int(count)
    return found
