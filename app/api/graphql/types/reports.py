"""Equity reports: summaries and trends of mastery by school, class, grade, competency and
subgroup, with small groups suppressed."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from app.api.graphql.context import GraphInfo
from app.api.graphql.types.frameworks import Competency, Framework
from app.api.graphql.types.roster import Class, Org, RaceEthnicity, Sex, org_of
from app.domain import reporting as rep
from app.domain.roster import SchoolClass
from app.use_cases import reports as use


@strawberry.enum
class SummaryDimension(Enum):
    SCHOOL = "school"
    CLASS = "class"
    GRADE = "grade"
    COMPETENCY = "competency"
    SEX = "sex"
    RACE_ETHNICITY = "race_ethnicity"
    ENGLISH_LEARNER = "english_learner"
    SPECIAL_EDUCATION = "special_education"
    ECONOMICALLY_DISADVANTAGED = "economically_disadvantaged"


@strawberry.enum
class TrendInterval(Enum):
    WEEK = "week"
    MONTH = "month"


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

    def domain(self) -> use.ReportFilter:
        subgroups: dict[rep.Dimension, str | bool] = {}
        for dim, value in (
            (rep.Dimension.SEX, self.sex.value if self.sex else None),
            (
                rep.Dimension.RACE_ETHNICITY,
                self.race_ethnicity.value if self.race_ethnicity else None,
            ),
            (rep.Dimension.ENGLISH_LEARNER, self.english_learner),
            (rep.Dimension.SPECIAL_EDUCATION, self.special_education),
            (rep.Dimension.ECONOMICALLY_DISADVANTAGED, self.economically_disadvantaged),
        ):
            if value is not None:
                subgroups[dim] = value
        return use.ReportFilter(
            school_id=_str(self.school_id),
            class_id=_str(self.class_id),
            grade=self.grade,
            competency_ids=tuple(map(str, self.competency_ids))
            if self.competency_ids is not None
            else None,
            competency_kind=self.competency_kind,
            under_competency_id=_str(self.under_competency_id),
            subgroups=subgroups,
        )


def _str(value: strawberry.ID | None) -> str | None:
    return None if value is None else str(value)


@strawberry.type(
    description="The group a row counts: one field per grouped dimension (null otherwise, or "
    "where a subgroup value is unknown). School, class and competency label the report, so "
    "their own fields are readable with reports:read; their lists need their scopes."
)
class SummaryKey:
    values: strawberry.Private[dict[rep.Dimension, object]]
    framework: strawberry.Private[object]

    @strawberry.field
    async def school(self, info: GraphInfo) -> Org | None:
        school_id = self.values.get(rep.Dimension.SCHOOL)
        if school_id is None:
            return None
        return org_of(await info.context.loaders.orgs.load(str(school_id)))

    @strawberry.field(name="class")
    async def class_(self, info: GraphInfo) -> Class | None:
        class_id = self.values.get(rep.Dimension.CLASS)
        if class_id is None:
            return None
        found = await info.context.loaders.classes.load(str(class_id))
        return Class(record=found) if isinstance(found, SchoolClass) else None

    @strawberry.field
    def grade(self) -> str | None:
        value = self.values.get(rep.Dimension.GRADE)
        return None if value is None else str(value)

    @strawberry.field
    def competency(self) -> Competency | None:
        competency_id = self.values.get(rep.Dimension.COMPETENCY)
        framework = self.framework
        if competency_id is None or not isinstance(framework, Framework):
            return None
        f = framework.framework
        return Competency(framework_=f, competency=f.competency(str(competency_id)))

    @strawberry.field
    def sex(self) -> Sex | None:
        value = self.values.get(rep.Dimension.SEX)
        return Sex(value) if value is not None else None

    @strawberry.field
    def race_ethnicity(self) -> RaceEthnicity | None:
        value = self.values.get(rep.Dimension.RACE_ETHNICITY)
        return RaceEthnicity(value) if value is not None else None

    @strawberry.field
    def english_learner(self) -> bool | None:
        return _flag(self.values.get(rep.Dimension.ENGLISH_LEARNER))

    @strawberry.field
    def special_education(self) -> bool | None:
        return _flag(self.values.get(rep.Dimension.SPECIAL_EDUCATION))

    @strawberry.field
    def economically_disadvantaged(self) -> bool | None:
        return _flag(self.values.get(rep.Dimension.ECONOMICALLY_DISADVANTAGED))


def _flag(value: object) -> bool | None:
    return None if value is None else bool(value)


@strawberry.type(
    description="One group's counts. Suppressed (every count and percentage null) when the "
    "group has fewer students than the minimum cell size, or to protect another such cell."
)
class SummaryRow:
    key: SummaryKey
    students: int | None = strawberry.field(description="Distinct students in the group.")
    decisions: int | None = strawberry.field(
        description="Students x competencies in scope; undecided pairs count as noEvidence."
    )
    mastered: int | None
    not_yet: int | None
    insufficient_evidence: int | None
    no_evidence: int | None
    percent_mastered: float | None = strawberry.field(description="mastered / decisions x 100.")
    suppressed: bool


def rows_of(
    cells: list[rep.SummaryCell], dimensions: tuple[rep.Dimension, ...], framework: Framework
) -> list[SummaryRow]:
    return [
        SummaryRow(
            key=SummaryKey(values=dict(zip(dimensions, c.key, strict=True)), framework=framework),
            students=c.students,
            decisions=c.decisions,
            mastered=c.mastered,
            not_yet=c.not_yet,
            insufficient_evidence=c.insufficient_evidence,
            no_evidence=c.no_evidence,
            percent_mastered=c.percent_mastered,
            suppressed=c.suppressed,
        )
        for c in cells
    ]


@strawberry.type
class MasterySummary:
    framework: Framework
    group_by: list[SummaryDimension]
    min_cell_size: int
    as_of: datetime | None
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
    min_cell_size: int
    points: list[TrendPoint] = strawberry.field(metadata={"cost_size": 52})
