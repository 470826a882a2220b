"""OneRoster 1.2's AssessmentLineItem and AssessmentResult as the provider writes them (the
standards' and course grades' line items and results, in the forms Infinite Campus's 1.2 API
reads)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from app.api.standards.gradebook_schemas import GUIDRefOut, ObjectiveResultsOut, ObjectiveSetOut


class AssessmentLineItemOut(BaseModel):
    sourcedId: str
    status: str
    dateLastModified: str
    metadata: dict[str, Any] | None = None
    title: str
    description: str | None = None
    class_: GUIDRefOut | None = Field(default=None, alias="class")
    parentAssessmentLineItem: GUIDRefOut | None = None
    scoreScale: GUIDRefOut | None = None
    resultValueMin: float | None = None
    resultValueMax: float | None = None
    learningObjectiveSet: list[ObjectiveSetOut] | None = None


class AssessmentResultOut(BaseModel):
    sourcedId: str
    status: str
    dateLastModified: str
    metadata: dict[str, Any] | None = None
    assessmentLineItem: GUIDRefOut
    student: GUIDRefOut
    scoreScale: GUIDRefOut | None = None
    scoreStatus: str
    score: float | None = None
    textScore: str | None = None
    scoreDate: str
    comment: str | None = None
    learningObjectiveSet: list[ObjectiveResultsOut] | None = None


class SingleAssessmentLineItem(BaseModel):
    assessmentLineItem: AssessmentLineItemOut


class AssessmentLineItemSet(BaseModel):
    assessmentLineItems: list[AssessmentLineItemOut]


class SingleAssessmentResult(BaseModel):
    assessmentResult: AssessmentResultOut


class AssessmentResultSet(BaseModel):
    assessmentResults: list[AssessmentResultOut]
