"""REST shapes of what a policy simulation would change (the candidate it is asked about is a
framework patch: framework_schemas.SimulationRequest)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.domain.reporting import Dimension

_RANGES = (
    "Published as reports are (docs/decisions/0010-disclosure-control.md): each count is the "
    "start of its range, students in tens (20 means 20 to 29), decisions in tens of students' "
    "worth (ten x the competencies); unchanged is the decisions less the other two"
)


class Tally(BaseModel):
    became_mastered: int
    lost_mastery: int
    unchanged: int


class CompetencyTally(Tally):
    competency_id: str


class StudentChange(BaseModel):
    student_id: str
    became_mastered: list[str]
    lost_mastery: list[str]


class GroupChanges(BaseModel):
    """One group of one dimension: a school, a grade, or a subgroup's value (null: unknown)."""

    dimension: Dimension
    value: str | bool | None
    students: int | None = Field(description="Students compared in the group; " + _RANGES)
    decisions: int | None
    became_mastered: int | None
    lost_mastery: int | None
    unchanged: int | None
    students_gaining: int | None = Field(description="Students who would gain at least one")
    students_losing: int | None = Field(description="Students who would lose at least one")
    suppressed: bool = Field(
        description="Fewer students than the minimum cell size, or hidden beside such a group: "
        "every count null"
    )


class SimulationRead(Tally):
    by_competency: list[CompetencyTally]
    by_subgroup: list[GroupChanges] = Field(
        description="For each dimension of group_by, its groups, protected as reports are"
    )
    students: list[StudentChange]
