"""A policy simulation: what a candidate policy would change, never written. Counts per
subgroup are published as reports publish theirs (app.domain.mastery.simulation_groups)."""

from __future__ import annotations

import strawberry

from app.api.graphql.types.enums import SummaryDimension
from app.domain.calculations import CalculationMethod, ModeTie
from app.domain.errors import Invalid, Problem
from app.domain.framework_commands import (
    CalculationSpec,
    CandidatePolicy,
    CompetencyScaleCandidate,
    LevelSpec,
    ScaleSpec,
)
from app.domain.mastery.simulation import SimulationReport
from app.domain.mastery.simulation_groups import GroupChanges


@strawberry.input(description="A method and its parameters, named as `Calculation` reads them.")
class CalculationInput:
    method: str
    weight: float | None = None
    n: int | None = None
    tie: str | None = None

    def domain(self) -> CalculationSpec:
        problems = []
        method = tie = None
        try:
            method = CalculationMethod(self.method)
        except ValueError:
            problems.append(Problem(("calculation", "method"), f"unknown method {self.method!r}"))
        try:
            tie = None if self.tie is None else ModeTie(self.tie)
        except ValueError:
            problems.append(Problem(("calculation", "tie"), f"unknown tie rule {self.tie!r}"))
        if problems or method is None:
            raise Invalid("The candidate policy is invalid", problems)
        return CalculationSpec(method, self.weight, self.n, tie)


@strawberry.input(description="A level of a candidate scale.")
class LevelInput:
    value: float
    label: str


@strawberry.input(description="A candidate scale: its levels and mastery threshold.")
class ScaleInput:
    levels: list[LevelInput]
    mastery_threshold: float

    def domain(self) -> ScaleSpec:
        levels = tuple(LevelSpec(level.value, level.label) for level in self.levels)
        return ScaleSpec(levels, self.mastery_threshold)


@strawberry.input(
    description="A competency's own scale and threshold in the candidate, stated whole; null: "
    "its nearest ancestor's, else the framework's."
)
class CompetencyScaleInput:
    competency_id: strawberry.ID
    scale: ScaleInput | None = None
    mastery_threshold: float | None = None

    def domain(self) -> CompetencyScaleCandidate:
        scale = None if self.scale is None else self.scale.domain()
        return CompetencyScaleCandidate(str(self.competency_id), scale, self.mastery_threshold)


@strawberry.input(description="The framework's policy to compare with; what is left out stays.")
class CandidatePolicyInput:
    calculation: CalculationInput | None = None
    mastery_threshold: float | None = None
    min_evidence: int | None = None
    include_formative: bool | None = None
    competencies: list[CompetencyScaleInput] = strawberry.field(
        default_factory=list,
        description="Competencies whose own scale and threshold differ in the candidate.",
    )

    def domain(self) -> CandidatePolicy:
        calculation = None if self.calculation is None else self.calculation.domain()
        return CandidatePolicy(
            calculation,
            self.mastery_threshold,
            self.min_evidence,
            self.include_formative,
            tuple(c.domain() for c in self.competencies),
        )


@strawberry.type(description="Decisions by what the candidate would do to their mastery.")
class ChangeCounts:
    became_mastered: int
    lost_mastery: int
    unchanged: int


@strawberry.type
class CompetencyChanges(ChangeCounts):
    competency_id: strawberry.ID


@strawberry.type(
    description="One group of one dimension, published as reports are: every count the start "
    "of its range (students in tens, decisions in tens of students' worth), all null when "
    "suppressed."
)
class SubgroupChanges:
    dimension: SummaryDimension
    value: str | None = strawberry.field(
        description="The school's id, the grade, or the subgroup's value as text (true, "
        "false, female, asian, ...); null: unknown."
    )
    students: int | None
    decisions: int | None
    became_mastered: int | None
    lost_mastery: int | None
    unchanged: int | None
    students_gaining: int | None
    students_losing: int | None
    suppressed: bool

    @classmethod
    def of(cls, g: GroupChanges) -> SubgroupChanges:
        value = (
            None
            if g.value is None
            else str(g.value).lower()
            if isinstance(g.value, bool)
            else str(g.value)
        )
        return cls(
            dimension=g.dimension,
            value=value,
            students=g.students,
            decisions=g.decisions,
            became_mastered=g.became_mastered,
            lost_mastery=g.lost_mastery,
            unchanged=g.unchanged,
            students_gaining=g.students_gaining,
            students_losing=g.students_losing,
            suppressed=g.suppressed,
        )


@strawberry.type
class StudentChanges:
    student_id: strawberry.ID
    became_mastered: list[strawberry.ID]
    lost_mastery: list[strawberry.ID]


@strawberry.type(description="What a candidate policy would change; nothing is written.")
class PolicySimulation(ChangeCounts):
    by_competency: list[CompetencyChanges]
    by_subgroup: list[SubgroupChanges]
    students: list[StudentChanges]

    @classmethod
    def of_report(cls, report: SimulationReport) -> PolicySimulation:
        total = report.total
        return cls(
            became_mastered=total.became_mastered,
            lost_mastery=total.lost_mastery,
            unchanged=total.unchanged,
            by_competency=[
                CompetencyChanges(
                    became_mastered=t.became_mastered,
                    lost_mastery=t.lost_mastery,
                    unchanged=t.unchanged,
                    competency_id=strawberry.ID(c),
                )
                for c, t in report.by_competency.items()
            ],
            by_subgroup=[SubgroupChanges.of(g) for g in report.by_subgroup],
            students=[
                StudentChanges(
                    student_id=strawberry.ID(s.student_id),
                    became_mastered=[strawberry.ID(c) for c in s.became_mastered],
                    lost_mastery=[strawberry.ID(c) for c in s.lost_mastery],
                )
                for s in report.students
            ],
        )
