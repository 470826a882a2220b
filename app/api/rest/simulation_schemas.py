"""REST shapes of a policy simulation: the candidate policy asked about, and what it would
change."""

from __future__ import annotations

from pydantic import BaseModel

from app.api.bounded import PositiveCount
from app.api.rest.mastery_schemas import CalculationSchema, RequestModel


class SimulationRequest(RequestModel):
    calculation: CalculationSchema | None = None
    mastery_threshold: float | None = None
    min_evidence: PositiveCount | None = None
    include_formative: bool | None = None


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
