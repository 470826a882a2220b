"""OneRoster 1.2 gradebook score scales in the JSON binding: what vendors send (read liberally,
as app.api.standards.gradebook_schemas reads line items) and what the service answers."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from app.api.standards.gradebook_schemas import GUIDRefOut, Ref, _id, _Lenient, _RecordIn
from app.domain.gradebook_reading import PutScoreScale


class ScoreScaleValueIn(_Lenient):
    itemValueLHS: str | None = Field(default=None, description='What is shown: "Proficient".')
    itemValueRHS: str | None = Field(default=None, description='What it stands for: "3".')


class ScoreScaleIn(_RecordIn):
    title: str | None = Field(default=None, description="Required.")
    type: str | None = Field(default=None, description="Required: e.g. proficiency, letter grade.")
    class_: Ref | None = Field(default=None, alias="class", description="Required: its class.")
    course: Ref | None = None
    scoreScaleValue: list[ScoreScaleValueIn] | ScoreScaleValueIn | None = Field(
        default=None, description="Required: at least one value."
    )


class PutScoreScaleBody(BaseModel):
    scoreScale: ScoreScaleIn


def put_score_scale(sourced_id: str, body: ScoreScaleIn) -> PutScoreScale:
    """The command a PUT /scoreScales/{sourcedId} body gives."""
    values = body.scoreScaleValue
    listed = [] if values is None else values if isinstance(values, list) else [values]
    return PutScoreScale(
        sourced_id=sourced_id,
        body_sourced_id=body.sourcedId,
        status=body.status,
        title=body.title,
        type=body.type,
        class_id=_id(body.class_),
        course_id=_id(body.course),
        values=tuple((v.itemValueLHS, v.itemValueRHS) for v in listed) if values else None,
        metadata=body.metadata,
    )


class ScoreScaleValueOut(BaseModel):
    itemValueLHS: str
    itemValueRHS: str


class ScoreScaleOut(BaseModel):
    sourcedId: str
    status: str
    dateLastModified: str
    metadata: dict[str, Any] | None = None
    title: str
    type: str
    class_: GUIDRefOut = Field(alias="class")
    course: GUIDRefOut | None = None
    scoreScaleValue: list[ScoreScaleValueOut]


class SingleScoreScale(BaseModel):
    scoreScale: ScoreScaleOut


class ScoreScaleSet(BaseModel):
    scoreScales: list[ScoreScaleOut]
