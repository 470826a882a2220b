"""REST shapes of what a policy simulation would change (the candidate it is asked about is a
framework patch: framework_schemas.SimulationRequest)."""

from __future__ import annotations

from pydantic import BaseModel


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


class SimulationRead(Tally):
    by_competency: list[CompetencyTally]
    students: list[StudentChange]
