"""The OneRoster 1.2 gradebook JSON binding: what vendors send (read liberally) and what this
service answers (in the binding's own spelling).

Liberal on input, as vendors differ: a reference is a GUIDRef `{sourcedId, href, type}` or a
bare sourcedId; a learningObjectiveSet is a list or one object, each entry holding
`learningObjectiveIds` or `learningObjectiveResults` (either on line items and results);
booleans are true or "true"; numbers may come as numeric strings. Unknown fields are ignored.
Meaning (vocabularies, dates, ranges) is decided by app.domain.gradebook_reading."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.api.storable_json import unstorable
from app.domain.gradebook import ObjectiveScore
from app.domain.gradebook_reading import PutCategory, PutLineItem, PutResult

# The key of a result's metadata under which this service reports what it made of evidence;
# never taken from a vendor's body (a client that sends back what it read changes nothing).
REPORT_KEY = "masteryEvidence"


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class GUIDRef(BaseModel):
    """A reference to another record."""

    model_config = ConfigDict(extra="allow")

    sourcedId: str
    href: str | None = None
    type: str | None = None


Ref = GUIDRef | str


class ObjectiveResultIn(_Lenient):
    learningObjectiveId: str
    score: float | None = None
    textScore: str | None = None


class ObjectiveSetIn(_Lenient):
    source: str | None = Field(default=None, description="`case` (CASE identifiers), `unknown`")
    learningObjectiveIds: list[str] | None = None
    learningObjectiveResults: list[ObjectiveResultIn] | None = None


ObjectiveSets = list[ObjectiveSetIn] | ObjectiveSetIn | None


class _RecordIn(_Lenient):
    sourcedId: str | None = Field(default=None, description="Must equal the path's, if given.")
    status: str | None = Field(default=None, description="active (default) or tobedeleted")
    dateLastModified: str | None = Field(default=None, description="Ignored: set by the service.")
    metadata: dict[str, Any] | None = None

    @field_validator("metadata")
    @classmethod
    def _storable(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and (why := unstorable(value)) is not None:
            raise ValueError(why)
        return value


class LineItemIn(_RecordIn):
    title: str | None = None
    description: str | None = None
    assignDate: str | None = None
    dueDate: str | None = None
    class_: Ref | None = Field(default=None, alias="class")
    school: Ref | None = None
    category: Ref | None = None
    scoreScale: Ref | None = None
    resultValueMin: float | None = None
    resultValueMax: float | None = None
    learningObjectiveSet: ObjectiveSets = Field(
        default=None, description="Alignments: competency ids (CASE identifiers) per source."
    )


class ResultIn(_RecordIn):
    lineItem: Ref | None = None
    student: Ref | None = None
    class_: Ref | None = Field(default=None, alias="class")
    scoreScale: Ref | None = None
    scoreStatus: str | None = Field(
        default=None,
        description="exempt, fully graded, not submitted, partially graded, submitted; "
        "only fully graded results are evidence",
    )
    score: float | None = None
    textScore: str | None = None
    scoreDate: str | None = Field(
        default=None, description="A date (noon UTC) or a date-time (no zone: UTC)."
    )
    comment: str | None = None
    learningObjectiveSet: ObjectiveSets = Field(
        default=None, description="Scores per learning objective (competency ids)."
    )
    inProgress: bool | None = None
    incomplete: bool | None = None
    late: bool | None = None
    missing: bool | None = None


class CategoryIn(_RecordIn):
    title: str | None = Field(default=None, description="Required: e.g. Homework, Tests.")
    weight: float | None = Field(
        default=None, description="The gradebook's weight, kept as sent (not used in decisions)."
    )


class PutCategoryBody(BaseModel):
    category: CategoryIn


class PutLineItemBody(BaseModel):
    lineItem: LineItemIn


class PutResultBody(BaseModel):
    result: ResultIn


def _id(ref: Ref | None) -> str | None:
    if ref is None:
        return None
    return ref if isinstance(ref, str) else ref.sourcedId


def _sets(value: ObjectiveSets) -> list[ObjectiveSetIn]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _metadata(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {k: v for k, v in value.items() if k != REPORT_KEY}


def put_line_item(sourced_id: str, body: LineItemIn) -> PutLineItem:
    """The command a PUT /lineItems/{sourcedId} body gives."""
    return PutLineItem(
        sourced_id=sourced_id,
        body_sourced_id=body.sourcedId,
        status=body.status,
        title=body.title,
        description=body.description,
        class_id=_id(body.class_),
        school_id=_id(body.school),
        category_id=_id(body.category),
        score_scale_id=_id(body.scoreScale),
        assign_date=body.assignDate,
        due_date=body.dueDate,
        result_value_min=body.resultValueMin,
        result_value_max=body.resultValueMax,
        objective_sets=tuple(
            (
                s.source,
                tuple(s.learningObjectiveIds or ())
                + tuple(r.learningObjectiveId for r in s.learningObjectiveResults or ()),
            )
            for s in _sets(body.learningObjectiveSet)
        ),
        metadata=_metadata(body.metadata),
    )


def put_category(sourced_id: str, body: CategoryIn) -> PutCategory:
    """The command a PUT /categories/{sourcedId} body gives."""
    return PutCategory(
        sourced_id=sourced_id,
        body_sourced_id=body.sourcedId,
        status=body.status,
        title=body.title,
        weight=body.weight,
        metadata=body.metadata,
    )


def put_result(sourced_id: str, body: ResultIn) -> PutResult:
    """The command a PUT /results/{sourcedId} body gives."""
    return PutResult(
        sourced_id=sourced_id,
        body_sourced_id=body.sourcedId,
        status=body.status,
        line_item_id=_id(body.lineItem),
        student_id=_id(body.student),
        class_id=_id(body.class_),
        score_scale_id=_id(body.scoreScale),
        score_status=body.scoreStatus,
        score=body.score,
        text_score=body.textScore,
        score_date=body.scoreDate,
        comment=body.comment,
        objective_results=tuple(
            (
                s.source,
                tuple(
                    ObjectiveScore(r.learningObjectiveId, r.score, r.textScore)
                    for r in s.learningObjectiveResults or ()
                )
                + tuple(ObjectiveScore(i) for i in s.learningObjectiveIds or ()),
            )
            for s in _sets(body.learningObjectiveSet)
        ),
        in_progress=body.inProgress,
        incomplete=body.incomplete,
        late=body.late,
        missing=body.missing,
        metadata=_metadata(body.metadata),
    )


# --- What the service answers (documented here; built as plain JSON by gradebook_json) ------


class GUIDRefOut(BaseModel):
    href: str
    sourcedId: str
    type: str


class ObjectiveSetOut(BaseModel):
    source: str
    learningObjectiveIds: list[str]


class ObjectiveResultOut(BaseModel):
    learningObjectiveId: str
    score: float | None = None
    textScore: str | None = None


class ObjectiveResultsOut(BaseModel):
    source: str
    learningObjectiveResults: list[ObjectiveResultOut]


class LineItemOut(BaseModel):
    sourcedId: str
    status: str
    dateLastModified: str
    metadata: dict[str, Any] | None = None
    title: str
    description: str | None = None
    assignDate: str | None = None
    dueDate: str | None = None
    class_: GUIDRefOut = Field(alias="class")
    school: GUIDRefOut | None = None
    category: GUIDRefOut | None = None
    scoreScale: GUIDRefOut | None = None
    resultValueMin: float | None = None
    resultValueMax: float | None = None
    learningObjectiveSet: list[ObjectiveSetOut] | None = None


class ResultOut(BaseModel):
    sourcedId: str
    status: str
    dateLastModified: str
    metadata: dict[str, Any] | None = Field(
        default=None,
        description=f"The vendor's metadata, and under `{REPORT_KEY}` what the result made of "
        "evidence: `competencies` it counts for, `ignored` objectives with the reason, and "
        "`notCounted` when it counts for nothing.",
    )
    lineItem: GUIDRefOut
    student: GUIDRefOut
    class_: GUIDRefOut | None = Field(default=None, alias="class")
    scoreScale: GUIDRefOut | None = None
    scoreStatus: str
    score: float | None = None
    textScore: str | None = None
    scoreDate: str
    comment: str | None = None
    learningObjectiveSet: list[ObjectiveResultsOut] | None = None
    inProgress: str | None = Field(default=None, description='"true" or "false"')
    incomplete: str | None = None
    late: str | None = None
    missing: str | None = None


class SingleLineItem(BaseModel):
    lineItem: LineItemOut


class LineItemSet(BaseModel):
    lineItems: list[LineItemOut]


class SingleResult(BaseModel):
    result: ResultOut


class ResultSet(BaseModel):
    results: list[ResultOut]


class CategoryOut(BaseModel):
    sourcedId: str
    status: str
    dateLastModified: str
    metadata: dict[str, Any] | None = None
    title: str
    weight: float | None = None


class SingleCategory(BaseModel):
    category: CategoryOut


class CategorySet(BaseModel):
    categories: list[CategoryOut]
