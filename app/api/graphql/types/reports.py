"""Equity reports: summaries and trends of mastery by school, class, grade, competency and
subgroup, with small groups hidden and every count published as a range (app.domain.reporting)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

import strawberry
from strawberry.dataloader import DataLoader

from app.api.graphql.context import GraphInfo
from app.api.graphql.types.enums import RaceEthnicity, Sex, SummaryDimension, TrendInterval
from app.api.graphql.types.frameworks import Competency, Framework
from app.api.graphql.types.roster import Class, Org, org_of
from app.domain import frameworks as d
from app.domain import reporting as rep
from app.domain import roster as r
from app.domain.report_scope import ReportFilter, subgroups_of

L = TypeVar("L")


@strawberry.input(description="Every field narrows the students or competencies counted.")
class SummaryFilter:
    school_id: strawberry.ID | None = None
    class_id: strawberry.ID | None = None
    grade: str | None = None
    competency_ids: list[strawberry.ID] | None = None
    competency_kind: str | None = strawberry.field(
        default=None, description='Only competencies of this kind, e.g. "standard".'
    )
    under_competency_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only the descendants of this competency."
    )
    sex: Sex | None = None
    race_ethnicity: RaceEthnicity | None = None
    english_learner: bool | None = None
    special_education: bool | None = None
    economically_disadvantaged: bool | None = None

    def domain(self) -> ReportFilter:
        return ReportFilter(
            school_id=_str(self.school_id),
            class_id=_str(self.class_id),
            grade=self.grade,
            competency_ids=tuple(map(str, self.competency_ids))
            if self.competency_ids is not None
            else None,
            competency_kind=self.competency_kind,
            under_competency_id=_str(self.under_competency_id),
            subgroups=subgroups_of(self),
        )


def _str(value: strawberry.ID | None) -> str | None:
    return None if value is None else str(value)


@strawberry.type(
    description="The group a row counts: one field per grouped dimension (null otherwise, or "
    "where a subgroup value is unknown). School, class and competency label the report, so "
    "their own fields are readable with reports:read; their lists need their scopes."
)
class SummaryKey:
    # Plain fields, set when made: a district report has thousands of rows.
    school: Org | None = None
    class_: Class | None = strawberry.field(default=None, name="class")
    grade: str | None = None
    competency: Competency | None = None
    sex: Sex | None = None
    race_ethnicity: RaceEthnicity | None = None
    english_learner: bool | None = None
    special_education: bool | None = None
    economically_disadvantaged: bool | None = None


async def _labels(
    loader: DataLoader[str, r.RosterRecord | None],
    cells: list[rep.SummaryCell],
    dimensions: tuple[rep.Dimension, ...],
    dimension: rep.Dimension,
    make: Callable[[r.RosterRecord | None], L | None],
) -> dict[str, L]:
    """The label of each record a dimension's cells name (none when not grouped by it)."""
    if dimension not in dimensions:
        return {}
    at = dimensions.index(dimension)
    ids = sorted({str(c.key[at]) for c in cells})
    labels: dict[str, L] = {}
    for id_, record in zip(ids, await loader.load_many(ids), strict=True):
        made = make(record)
        if made is not None:
            labels[id_] = made
    return labels


@dataclass
class Labels:
    """What a report's keys name, loaded once for all its rows."""

    framework: d.Framework
    schools: dict[str, Org] = field(default_factory=dict)
    classes: dict[str, Class] = field(default_factory=dict)
    competencies: dict[str, Competency] = field(default_factory=dict)

    @classmethod
    async def load(
        cls,
        info: GraphInfo,
        framework: d.Framework,
        cells: list[rep.SummaryCell],
        dimensions: tuple[rep.Dimension, ...],
    ) -> Labels:
        labels = cls(framework)
        loaders = info.context.loaders
        labels.schools = await _labels(
            loaders.orgs, cells, dimensions, rep.Dimension.SCHOOL, org_of
        )
        labels.classes = await _labels(
            loaders.classes, cells, dimensions, rep.Dimension.CLASS, _class_of
        )
        if rep.Dimension.COMPETENCY in dimensions:
            labels.competencies = {c.id: Competency.of(framework, c) for c in framework.ordered}
        return labels

    def keys(self, dimensions: tuple[rep.Dimension, ...]) -> Callable[[rep.Key], SummaryKey]:
        """Makes the key of a row from its values in the order of `dimensions`: the fields of
        those dimensions only, worked out once per report, not per row (a district's summary
        has 10,000 rows)."""
        D = rep.Dimension
        field_of: dict[rep.Dimension, tuple[str, Callable[[object], Any]]] = {
            D.SCHOOL: ("school", lambda v: self.schools.get(str(v))),
            D.CLASS: ("class_", lambda v: self.classes.get(str(v))),
            D.GRADE: ("grade", lambda v: None if v is None else str(v)),
            D.COMPETENCY: ("competency", lambda v: self.competencies.get(str(v))),
            D.SEX: ("sex", lambda v: None if v is None else r.Sex(str(v))),
            D.RACE_ETHNICITY: (
                "race_ethnicity",
                lambda v: None if v is None else rep.RaceEthnicity(str(v)),
            ),
            D.ENGLISH_LEARNER: ("english_learner", _flag),
            D.SPECIAL_EDUCATION: ("special_education", _flag),
            D.ECONOMICALLY_DISADVANTAGED: ("economically_disadvantaged", _flag),
        }
        fields = [field_of[d] for d in dimensions]

        def key(values: rep.Key) -> SummaryKey:
            return SummaryKey(
                **{name: value(v) for (name, value), v in zip(fields, values, strict=True)}
            )

        return key


def _class_of(record: object) -> Class | None:
    return Class.of(record) if isinstance(record, r.SchoolClass) else None


def _flag(value: object) -> bool | None:
    return None if value is None else bool(value)


@strawberry.type(
    description="One group's counts, protected so that no combination of reports gives the exact "
    "count of a small group by subtraction. Hidden (suppressed: every count and percentage null) "
    "when the group has fewer students than minCellSize, or to protect another such group. "
    "Otherwise every count is the start of a range: students in ranges of countStep (20 means "
    "20 to 29); mastered, notYet and insufficientEvidence in ranges of countStep x competencies "
    "in scope (with 3 competencies, 60 means 60 to 89 decisions)."
)
class SummaryRow:
    key: SummaryKey
    students: int | None = strawberry.field(
        description="Distinct students in the group: at least this, fewer than this + countStep."
    )
    decisions: int | None = strawberry.field(
        description="students (as published) x competencies in scope; a student without a "
        "decision on a competency counts as noEvidence there."
    )
    mastered: int | None = strawberry.field(
        description="Decisions mastered: at least this, fewer than this + countStep x competencies."
    )
    not_yet: int | None = strawberry.field(
        description="Decisions not yet mastered, in ranges as mastered."
    )
    insufficient_evidence: int | None = strawberry.field(
        description="Decisions with too little evidence, in ranges as mastered."
    )
    no_evidence: int | None = strawberry.field(
        description="The rest: decisions - mastered - notYet - insufficientEvidence."
    )
    percent_mastered: float | None = strawberry.field(
        description="mastered / decisions x 100 from the middles of their ranges, to a whole "
        "percent, given only when the published counts pin it within 10 points (between "
        "percentMasteredLow and percentMasteredHigh); null when they do not."
    )
    percent_mastered_low: int | None = strawberry.field(
        description="The least percentage mastered the published counts allow (rounded down)."
    )
    percent_mastered_high: int | None = strawberry.field(
        description="The most percentage mastered the published counts allow (rounded up)."
    )
    suppressed: bool


def rows_of(
    cells: list[rep.SummaryCell], dimensions: tuple[rep.Dimension, ...], labels: Labels
) -> list[SummaryRow]:
    key = labels.keys(dimensions)
    return [
        SummaryRow(
            key=key(c.key),
            students=c.students,
            decisions=c.decisions,
            mastered=c.mastered,
            not_yet=c.not_yet,
            insufficient_evidence=c.insufficient_evidence,
            no_evidence=c.no_evidence,
            percent_mastered=c.percent_mastered,
            percent_mastered_low=c.percent_low,
            percent_mastered_high=c.percent_high,
            suppressed=c.suppressed,
        )
        for c in cells
    ]


AS_OF = (
    "The decisions as they stood at this instant given the results observed up to it (their "
    "observedAt), as student.mastery(asOf) reads them; trends count at each period's end alike."
)
DENOMINATOR = (
    "Which competencies each student counts for (default GRADE_LEVEL): those of their grade "
    "(the framework's education levels), CLASS_ALIGNED those its gradebook line items name, in "
    "each class they study in, or ALL. Under GRADE_LEVEL (CLASS_ALIGNED) a group that spans "
    "grades (classes) is counted grade by grade (class by class) and its published cells "
    "summed: its counts are sums of range starts, and it is hidden when one of its parts is."
)
KNOWN_AT = (
    "For audits: count only what the service had recorded by this instant (results loaded later "
    "are left out even if observed earlier); a summary without asOf is as of this instant."
)
HABITS = (
    "Count the habits-of-work decisions (decided apart from academics from the framework's "
    "habits-of-work categories) instead of the academic ones; now only (no asOf, no knownAt)."
)
_MIN_CELL = "Groups with fewer students are hidden."
_STEP = (
    "Every count in rows is the start of a range: students in ranges of this many (20 means 20 "
    "to 29); mastered, notYet and insufficientEvidence in ranges of this many x competencies."
)


@strawberry.type
class MasterySummary:
    framework: Framework
    group_by: list[SummaryDimension]
    min_cell_size: int = strawberry.field(description=_MIN_CELL)
    count_step: int = strawberry.field(description=_STEP)
    as_of: datetime | None
    known_at: datetime | None
    rows: list[SummaryRow] = strawberry.field(metadata={"cost_size": 500})


@strawberry.type
class TrendPoint:
    period_start: datetime
    period_end: datetime = strawberry.field(description="Figures stand as they were just before.")
    rows: list[SummaryRow] = strawberry.field(metadata={"cost_size": 100})


@strawberry.type
class MasteryTrend:
    framework: Framework
    group_by: list[SummaryDimension]
    interval: TrendInterval
    min_cell_size: int = strawberry.field(description=_MIN_CELL)
    count_step: int = strawberry.field(description=_STEP)
    points: list[TrendPoint] = strawberry.field(metadata={"cost_size": 52})
