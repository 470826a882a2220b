"""REST shapes of evidence and decisions (snake_case JSON); frameworks' are in
framework_schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.api.bounded import ZonedInstant
from app.api.rest.framework_schemas import RequestModel
from app.domain.categories import Mark
from app.domain.evidence import EvidenceKind, NotCounted
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.habits import HabitsDecision
from app.domain.mastery.override import OverrideState
from app.domain.mastery.override_history import ListedOverride, OverrideEntry
from app.domain.mastery.record import ChangeCause
from app.domain.mastery.view import DecisionView

CATEGORY = (
    "One of the framework's evidence categories (required when it has categories): the "
    "means weigh each category's mean by the category's weight"
)
WEIGHT = "The result's weight within its category (above 0; default 1), for the means"
MARK = (
    "missing (counts as the framework's missing_level, by default its lowest level), exempt "
    "(not counted) or incomplete (pending: listed, not counted); a marked result may leave out "
    "its score"
)


class EvidenceIn(RequestModel):
    student_id: str = Field(min_length=1, max_length=255)
    competency_id: str = Field(min_length=1, max_length=255)
    score: float | None = Field(default=None, description="Required unless the result has a `mark`")
    max_score: float | None = None
    observed_at: ZonedInstant = Field(description="ISO 8601 with a time zone")
    source: str | None = Field(default=None, max_length=255, description="Default: your client id")
    source_id: str = Field(min_length=1, max_length=255)
    kind: EvidenceKind = EvidenceKind.SUMMATIVE
    comment: str | None = Field(default=None, max_length=4000)
    category: str | None = Field(default=None, max_length=255, description=CATEGORY)
    weight: float | None = Field(default=None, description=WEIGHT)
    mark: Mark | None = Field(default=None, description=MARK)


class EvidenceBatch(RequestModel):
    items: list[EvidenceIn]


class EvidenceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    student_id: str
    competency_id: str
    score: float
    max_score: float | None
    observed_at: datetime
    source: str
    source_id: str
    kind: EvidenceKind
    comment: str | None
    voided_at: datetime | None
    category: str | None = Field(description=CATEGORY)
    weight: float | None = Field(description=WEIGHT)
    mark: Mark | None = Field(description=MARK)


class ItemOutcomeRead(BaseModel):
    id: str
    outcome: Literal["created", "updated", "unchanged"]


class LevelRead(BaseModel):
    value: float
    label: str


class ComputedRead(BaseModel):
    status: MasteryStatus
    score: float | None
    level: LevelRead | None


class OverrideRead(BaseModel):
    level: LevelRead | None
    status: MasteryStatus | None
    reason: str
    expires_at: datetime | None
    set_at: datetime
    set_by: str


class BandRead(BaseModel):
    label: str
    color: str | None
    description: str | None


class DecisionRead(BaseModel):
    student_id: str
    competency_id: str
    framework_id: str
    status: MasteryStatus
    score: float | None
    level: LevelRead | None
    evidence_count: int
    method: dict[str, Any] = Field(description='{"name", ...params}; rollups: {"name": "rollup"}')
    override: OverrideRead | None
    computed: ComputedRead | None = Field(description="The engine's own, when overridden")
    next_score_to_master: float | None
    updated_at: datetime | None
    band: BandRead | None = Field(
        description="The performance band the shown score reads as (the level's name when the "
        "scale sets no bands); null without a score"
    )

    @classmethod
    def of(cls, view: DecisionView) -> DecisionRead:
        return cls.model_validate(decision_json(view))


def _level(level: Any) -> dict[str, Any] | None:
    return None if level is None else {"value": level.value, "label": level.label}


def habits_json(decision: HabitsDecision) -> dict[str, Any]:
    """A stored habits-of-work decision in the shape of GridHabitsOfWork."""
    c = decision.computed
    return {
        "student_id": decision.student_id,
        "competency_id": decision.competency_id,
        "status": c.status.value,
        "score": c.score,
        "level": _level(c.level),
        "evidence_count": c.evidence_count,
    }


def decision_json(view: DecisionView) -> dict[str, Any]:
    """A decision as plain JSON-ready data, the shape of DecisionRead (for hot paths that
    answer thousands of decisions without building a model for each)."""
    shown, computed = view.shown, view.computed
    override = shown.override
    return {
        "student_id": view.student_id,
        "competency_id": view.competency_id,
        "framework_id": view.framework_id,
        "status": shown.status.value,
        "score": shown.score,
        "level": _level(shown.level),
        "evidence_count": shown.evidence_count,
        "method": computed.method_dict(),
        "override": None
        if override is None
        else {
            "level": _level(override.level),
            "status": override.status.value if override.status else None,
            "reason": override.reason,
            "expires_at": override.expires_at,
            "set_at": override.set_at,
            "set_by": override.set_by,
        },
        "computed": None
        if override is None
        else {
            "status": computed.status.value,
            "score": computed.score,
            "level": _level(computed.level),
        },
        "next_score_to_master": view.next_score_to_master,
        "updated_at": view.updated_at,
        "band": None
        if view.band is None
        else {
            "label": view.band.label,
            "color": view.band.color,
            "description": view.band.description,
        },
    }


class RecordedRead(BaseModel):
    items: list[ItemOutcomeRead]
    decisions: list[DecisionRead] = Field(description="Every decision the batch changed")


class ExplanationLine(BaseModel):
    id: str
    score: float
    max_score: float | None
    normalized_score: float
    observed_at: datetime
    kind: EvidenceKind
    counted: bool
    not_counted_because: NotCounted | None
    weight: float | None = Field(
        description="The result's share of the score (category weight share x its own weight, "
        "normalised); null for methods whose score is not a weighted sum"
    )
    category: str | None
    mark: Mark | None
    crosswalk: str | None = Field(
        default=None,
        description="For a result counted from another framework's exact match (exactMatchOf): "
        "where it comes from, e.g. 'counted from 5.NF.1 (Grade 5 Mathematics) via exactMatchOf'",
    )


class ExplanationChild(BaseModel):
    competency_id: str
    code: str
    status: MasteryStatus
    score: float | None
    overridden: bool = Field(description="Whether the parent counted a teacher's override here")


class HabitsOfWorkRead(BaseModel):
    status: MasteryStatus
    score: float | None
    level: LevelRead | None
    evidence_count: int


class ExplanationRead(BaseModel):
    summary: str
    evidence: list[ExplanationLine]
    children: list[ExplanationChild]
    habits_of_work: HabitsOfWorkRead | None = Field(
        description="The decision from the results of habits-of-work categories, made apart "
        "from the academic one (which never counts them); null without such a category"
    )


class DecisionDetailRead(DecisionRead):
    explanation: ExplanationRead


class DecisionList(BaseModel):
    items: list[DecisionRead]
    next_cursor: str | None = None


class DecisionChangeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    changed_at: datetime
    cause: ChangeCause
    status: MasteryStatus
    score: float | None
    level_value: float | None
    computed_status: MasteryStatus
    computed_score: float | None
    overridden: bool


class DecisionHistory(BaseModel):
    items: list[DecisionChangeRead]
    next_cursor: str | None = None


class OverrideHistoryItem(OverrideRead):
    """One override of a decision, past or present."""

    state: OverrideState = Field(
        description="current (in force), removed (cleared or replaced), or expired"
    )
    cleared_at: datetime | None = Field(description="When it was removed, if it was")
    cleared_by: str | None = Field(description="Who removed it (or set the one replacing it)")
    replaced_status: MasteryStatus | None = Field(
        description="The engine's status when it was set: what the teacher replaced"
    )
    replaced_score: float | None = Field(description="The engine's score when it was set")

    @classmethod
    def of(cls, entry: OverrideEntry) -> OverrideHistoryItem:
        recorded = entry.recorded
        return cls(
            **recorded.override.as_dict(),
            state=entry.state,
            cleared_at=recorded.cleared_at,
            cleared_by=recorded.cleared_by,
            replaced_status=entry.replaced_status,
            replaced_score=entry.replaced_score,
        )


class OverrideHistory(BaseModel):
    items: list[OverrideHistoryItem]


class OverrideListItem(OverrideHistoryItem):
    """One override in the district's list: whose decision, and in which framework."""

    student_id: str
    competency_id: str
    framework_id: str

    @classmethod
    def listed(cls, item: ListedOverride) -> OverrideListItem:
        return cls(
            **OverrideHistoryItem.of(item.entry).model_dump(),
            student_id=item.student_id,
            competency_id=item.entry.recorded.competency_id,
            framework_id=item.framework_id,
        )


class OverrideList(BaseModel):
    items: list[OverrideListItem]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )


class OverrideWrite(RequestModel):
    level: float | None = Field(default=None, description="A level value of the scale")
    status: Literal["mastered", "not_yet"] | None = None
    reason: str = Field(min_length=1, max_length=2000)
    expires_at: ZonedInstant | None = None


class GridStudent(BaseModel):
    student_id: str
    given_name: str
    family_name: str
    decisions: list[DecisionRead]


class GridCompetency(BaseModel):
    id: str
    code: str
    statement: str
    parent_id: str | None


class GridHabitsOfWork(HabitsOfWorkRead):
    """A habits-of-work decision of the grid, apart from the academic cells."""

    student_id: str
    competency_id: str


class ClassGridRead(BaseModel):
    class_id: str
    framework_id: str
    competencies: list[GridCompetency]
    students: list[GridStudent]
    habits_of_work: list[GridHabitsOfWork] = Field(
        default_factory=list,
        description="The habits-of-work decisions with evidence (students by competency, in "
        "grid order), decided apart from the academic ones and never counted in them; empty "
        "when the framework has no habits-of-work category.",
    )
