"""OneRoster 1.2's AssessmentLineItem and AssessmentResult as the provider writes them (the
standards' and course grades' line items and results, in the forms Infinite Campus's 1.2 API
reads)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import BaseModel, Field

from app.api.standards.gradebook_schemas import (
    GUIDRefOut,
    LineItemIn,
    ObjectiveResultsOut,
    ObjectiveSetOut,
    Ref,
    ResultIn,
    _id,
    put_result,
)
from app.domain.gradebook_reading import PutResult


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


# --- What vendors send (read as liberally as line items and results) -------------------------


class AssessmentLineItemIn(LineItemIn):
    """An assessment line item: a line item's fields, its class optional
    (parentAssessmentLineItem is accepted and not kept)."""


class AssessmentResultIn(ResultIn):
    assessmentLineItem: Ref | None = Field(default=None, description="Required.")


class PutAssessmentLineItemBody(BaseModel):
    assessmentLineItem: AssessmentLineItemIn


class PutAssessmentResultBody(BaseModel):
    assessmentResult: AssessmentResultIn


def put_assessment_result(sourced_id: str, body: AssessmentResultIn) -> PutResult:
    """The command a PUT /assessmentResults/{sourcedId} body gives (its assessmentLineItem in
    the line item's place)."""
    return replace(put_result(sourced_id, body), line_item_id=_id(body.assessmentLineItem))
