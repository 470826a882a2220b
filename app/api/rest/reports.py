"""Equity reports over REST: `GET /v1/reports/summary` and `GET /v1/reports/trend`, the same
use case as GraphQL's masterySummary and masteryTrend (app/use_cases/reports.py), so the same
meaning of asOf and knownAt, the same denominators and the same small-group protection; rows
flat, and (a list of `items`) also CSV or Parquet on request."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.api.deps import ReportsReader, UseCasesDep
from app.api.problems import responses
from app.api.rest import report_schemas as s
from app.api.utc import aware
from app.domain import reporting as rep

router = APIRouter(tags=["reports"])


@router.get(
    "/v1/reports/summary",
    response_model=s.ReportRead,
    summary="A framework's decisions counted per group (masterySummary), small groups protected",
    operation_id="report_summary",
    responses=responses(401, 403, 404, 422),
)
async def summary(
    query: Annotated[s.SummaryQuery, Query()], use_cases: UseCasesDep, principal: ReportsReader
) -> Any:
    """The district's decisions on a framework, counted for each group of `group_by` (school,
    class, grade, competency and the demographic dimensions) within the filters: students,
    decisions, mastered, not_yet, insufficient_evidence and no_evidence. By default a student
    counts for their grade level's competencies (`denominator=grade_level`); `all` counts every
    competency. A group with fewer students than the smallest reportable cell is suppressed, and
    counts are rounded to protect students, with the percentage's bounds given. `as_of` gives the
    decisions as they stood then, from the results observed up to it; `known_at` counts only what
    the service had recorded by then, for an audit. `kind=habits_of_work` counts the
    habits-of-work decisions instead, decided apart from the academic ones. The same report as
    GraphQL's masterySummary; also as CSV or Parquet."""
    found = await use_cases.reports.mastery_summary(
        principal,
        query.framework_id,
        query.group_by,
        query.report_filter(),
        as_of=aware(query.as_of),
        known_at=aware(query.known_at),
        denominator=query.denominator,
        kind=query.kind,
    )
    return _read(query, found.min_cell_size, s.report_rows(found.cells, found.dimensions))


@router.get(
    "/v1/reports/trend",
    response_model=s.ReportRead,
    summary="The summary at the end of each week or month (masteryTrend), one row per period "
    "and group",
    operation_id="report_trend",
    responses=responses(401, 403, 404, 422),
)
async def trend(
    query: Annotated[s.TrendQuery, Query()], use_cases: UseCasesDep, principal: ReportsReader
) -> Any:
    """The summary at the end of each `interval` (week or month) from `from` to `to`: one row per
    period and group, with the same groups, filters, denominators and protection of small groups
    as the summary. For the question an analyst asks first: is the gap closing? Also as CSV or
    Parquet."""
    found = await use_cases.reports.mastery_trend(
        principal,
        query.framework_id,
        query.group_by,
        aware(query.from_) or query.from_,
        aware(query.to),
        query.interval,
        query.report_filter(),
        known_at=aware(query.known_at),
        denominator=query.denominator,
    )
    rows = [
        row
        for point in found.points
        for row in s.report_rows(
            point.cells, found.dimensions, (point.period.start, point.period.end)
        )
    ]
    return _read(query, found.min_cell_size, rows)


def _read(query: s.ReportQuery, min_cell_size: int, rows: list[dict[str, Any]]) -> Any:
    return {
        "framework_id": query.framework_id,
        "group_by": query.group_by,
        "min_cell_size": min_cell_size,
        "count_step": rep.COUNT_STEP,
        "items": rows,
        "next_cursor": None,
    }
