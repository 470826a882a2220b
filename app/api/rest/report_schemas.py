"""The REST shapes of the equity reports: the same summaries and trends as GraphQL's
masterySummary and masteryTrend (the same use case, semantics and small-group protection),
as flat rows that a spreadsheet or BI tool reads as they are (and, being a list of `items`,
as CSV or Parquet: app/api/exports)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from app.api.bounded import Instant
from app.domain.denominators import Denominator
from app.domain.mastery.habits import DecisionKind
from app.domain.report_scope import ReportFilter, subgroups_of
from app.domain.reporting import Dimension, Interval, RaceEthnicity, SummaryCell
from app.domain.roster import Sex

DENOMINATOR = (
    "Which competencies each student counts for: grade_level those of their grade (the "
    "framework's education levels), class_aligned those its gradebook line items name, in each "
    "class they study in, all every one. A group that spans grades (classes) is counted grade by "
    "grade (class by class) and its published cells summed; it is hidden when one part is."
)

_RANGES = (
    "Every count is the start of a range: students in ranges of count_step (20 means 20 to "
    "29); mastered, not_yet and insufficient_evidence in ranges of count_step x competencies "
    "in scope. A hidden row (suppressed) has no counts."
)


class ReportQuery(BaseModel):
    framework_id: str = Field(min_length=1, max_length=255)
    group_by: list[Dimension] = Field(
        min_length=1, max_length=4, description="Repeat for several: group_by=school&group_by=grade"
    )
    school_id: str | None = Field(default=None, max_length=255)
    class_id: str | None = Field(default=None, max_length=255)
    grade: str | None = Field(default=None, max_length=32)
    competency_id: list[str] | None = Field(default=None, max_length=500)
    competency_kind: str | None = Field(
        default=None, max_length=64, description='e.g. "standard" (any case)'
    )
    under_competency_id: str | None = Field(default=None, max_length=255)
    sex: Sex | None = None
    race_ethnicity: RaceEthnicity | None = None
    english_learner: bool | None = None
    special_education: bool | None = None
    economically_disadvantaged: bool | None = None
    known_at: Instant | None = Field(
        default=None, description="Count only what the service had recorded by this instant."
    )
    denominator: Denominator = Field(default=Denominator.GRADE_LEVEL, description=DENOMINATOR)

    def report_filter(self) -> ReportFilter:
        return ReportFilter(
            school_id=self.school_id,
            class_id=self.class_id,
            grade=self.grade,
            competency_ids=tuple(self.competency_id) if self.competency_id else None,
            competency_kind=self.competency_kind,
            under_competency_id=self.under_competency_id,
            subgroups=subgroups_of(self),
        )


class SummaryQuery(ReportQuery):
    as_of: Instant | None = Field(
        default=None,
        description="The decisions as they stood at this instant, given the results observed "
        "up to it (as a student's own read)",
    )
    kind: DecisionKind = Field(
        default=DecisionKind.ACADEMIC,
        description="academic: the decisions from academic results; habits_of_work: the "
        "habits-of-work decisions, decided and counted apart (as they stand now)",
    )


class TrendQuery(ReportQuery):
    from_: Instant = Field(alias="from", description="The first period holds this instant")
    to: Instant | None = Field(default=None, description="The last period holds it (now)")
    interval: Interval = Interval.MONTH


class ReportRow(BaseModel):
    """One group: its key (the dimensions grouped by; the others null), then its counts."""

    period_start: datetime | None = Field(default=None, description="Trends only")
    period_end: datetime | None = Field(
        default=None, description="Trends only: the figures stand as they were just before"
    )
    school_id: str | None = None
    class_id: str | None = None
    grade: str | None = None
    competency_id: str | None = None
    sex: str | None = None
    race_ethnicity: str | None = None
    english_learner: bool | None = None
    special_education: bool | None = None
    economically_disadvantaged: bool | None = None
    students: int | None
    decisions: int | None
    mastered: int | None
    not_yet: int | None
    insufficient_evidence: int | None
    no_evidence: int | None
    percent_mastered: float | None = Field(
        description="Given only when the published counts pin it within 10 points"
    )
    percent_mastered_low: int | None
    percent_mastered_high: int | None
    suppressed: bool


class ReportRead(BaseModel):
    framework_id: str
    group_by: list[Dimension]
    min_cell_size: int = Field(description="Groups with fewer students are hidden")
    count_step: int = Field(description=_RANGES)
    items: list[ReportRow]
    next_cursor: None = Field(default=None, description="Always null: a report is one page")


def report_rows(
    cells: list[SummaryCell],
    dimensions: tuple[Dimension, ...],
    period: tuple[datetime, datetime] | None = None,
) -> list[dict[str, Any]]:
    rows = []
    for c in cells:
        key = dict(zip(dimensions, c.key, strict=True))
        row: dict[str, Any] = {
            f"{dim.value}_id" if dim in _IDS else dim.value: key[dim] for dim in key
        }
        if period:
            row["period_start"], row["period_end"] = period
        rows.append(
            {
                **row,
                "students": c.students,
                "decisions": c.decisions,
                "mastered": c.mastered,
                "not_yet": c.not_yet,
                "insufficient_evidence": c.insufficient_evidence,
                "no_evidence": c.no_evidence,
                "percent_mastered": c.percent_mastered,
                "percent_mastered_low": c.percent_low,
                "percent_mastered_high": c.percent_high,
                "suppressed": c.suppressed,
            }
        )
    return rows


_IDS = frozenset({Dimension.SCHOOL, Dimension.CLASS, Dimension.COMPETENCY})
