"""A decision as a client sees it: what shows at an instant, with the next score to master
when new evidence could still change what shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.evidence import Evidence
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import ComputedDecision, absorb
from app.domain.mastery.habits import HabitsDecision
from app.domain.mastery.next_score import next_score_to_master
from app.domain.mastery.override import Override, ShownDecision, effective
from app.domain.mastery.record import DecisionRecord
from app.domain.mastery.rollup import undecided
from app.domain.quick_init import quick_init
from app.domain.scales import Band


@quick_init
@dataclass(frozen=True, slots=True)
class DecisionView:
    """A decision as a client sees it."""

    student_id: str
    competency_id: str
    framework_id: str
    shown: ShownDecision
    next_score_to_master: float | None
    updated_at: datetime | None
    # The performance band the shown score reads as (the level's name without bands).
    band: Band | None = None

    @property
    def computed(self) -> ComputedDecision:
        """The engine's own decision."""
        return self.shown.computed


def view_of(record: DecisionRecord, framework: Framework, now: datetime) -> DecisionView:
    """The stored decision as shown now."""
    scale = framework.scale_for(record.competency_id)
    shown = record.shown(now, scale)
    # A stored next score assumed the override of its time; one that expired since shows.
    next_score = record.next_score_to_master if not shown.overridden else None
    return DecisionView(
        record.student_id,
        record.competency_id,
        record.framework_id,
        shown,
        next_score,
        record.updated_at,
        scale.band_for(shown.score),
    )


def habits_view(decision: HabitsDecision, framework: Framework, now: datetime) -> DecisionView:
    """A stored habits-of-work decision as shown: no override, no next score."""
    shown = effective(decision.computed, None, now, framework.scale)
    return DecisionView(
        decision.student_id,
        decision.competency_id,
        decision.framework_id,
        shown,
        None,
        decision.updated_at,
        framework.scale.band_for(shown.score),
    )


def decided_view(
    student_id: str,
    framework: Framework,
    competency_id: str,
    computed: ComputedDecision,
    evidence: Sequence[Evidence],
    at: datetime,
    override: Override | None = None,
) -> DecisionView:
    """A decision worked out from its evidence (not read from storage) as shown at `at`, with
    the next score to master for a leaf."""
    scale = framework.scale_for(competency_id)
    shown = effective(computed, override, at, scale)
    next_score = None
    if not computed.rolled_up:
        policy = framework.policy_for(competency_id)
        state = absorb(policy, evidence, at)
        next_score = next_score_to_master(computed, policy, state, shown=shown)
    band = scale.band_for(shown.score)
    return DecisionView(student_id, competency_id, framework.id, shown, next_score, None, band)


def empty_view(
    student_id: str, framework: Framework, competency: Competency, now: datetime
) -> DecisionView:
    """The decision of a competency nothing is known about yet."""
    computed = undecided(framework, competency.id)
    return decided_view(student_id, framework, competency.id, computed, (), now)
