"""A decision as stored for one student and competency, and the changes kept as its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.mastery.decision import ComputedDecision, DecisionState, MasteryStatus
from app.domain.mastery.override import Override, ShownDecision, effective
from app.domain.scales import Scale


class ChangeCause(StrEnum):
    """Why a decision changed."""

    EVIDENCE = "evidence"
    VOID = "void"
    OVERRIDE_SET = "override_set"
    OVERRIDE_CLEARED = "override_cleared"
    OVERRIDE_EXPIRED = "override_expired"
    POLICY = "policy"


@dataclass(frozen=True)
class DecisionRecord:
    """The engine's decision, the state the next in-order result extends (None for rollups),
    the teacher's override if any, and the next score to master as of the last change."""

    student_id: str
    competency_id: str
    framework_id: str
    computed: ComputedDecision
    state: DecisionState | None
    override: Override | None
    next_score_to_master: float | None
    updated_at: datetime

    def shown(self, at: datetime, scale: Scale) -> ShownDecision:
        """The decision as shown at `at`."""
        return effective(self.computed, self.override, at, scale)


@dataclass(frozen=True)
class DecisionChange:
    """One entry of a decision's history: what was shown and what the engine said, and why."""

    student_id: str
    competency_id: str
    framework_id: str
    changed_at: datetime
    cause: ChangeCause
    status: MasteryStatus
    score: float | None
    level_value: float | None
    computed_status: MasteryStatus
    computed_score: float | None
    overridden: bool


def change_of(
    before: DecisionRecord | None,
    after: DecisionRecord,
    scale: Scale,
    at: datetime,
    cause: ChangeCause,
) -> DecisionChange | None:
    """The history entry for a change, or None when neither the shown nor the computed status
    or level moved (a score that moves within its level is not history; the evidence is)."""
    new = after.shown(at, scale)
    if before is not None:
        old = before.shown(at, scale)
        same_shown = (old.status, old.level, old.overridden) == (
            new.status,
            new.level,
            new.overridden,
        )
        same_computed = (before.computed.status, before.computed.level) == (
            after.computed.status,
            after.computed.level,
        )
        if same_shown and same_computed:
            return None
    elif after.computed.status is MasteryStatus.NO_EVIDENCE and not new.overridden:
        return None
    return DecisionChange(
        student_id=after.student_id,
        competency_id=after.competency_id,
        framework_id=after.framework_id,
        changed_at=at,
        cause=cause,
        status=new.status,
        score=new.score,
        level_value=new.level.value if new.level else None,
        computed_status=after.computed.status,
        computed_score=after.computed.score,
        overridden=new.overridden,
    )
