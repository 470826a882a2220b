"""Bringing decisions up to date after evidence changes: which decisions a change touches,
which of them advance from their stored state and which are recomputed from their history,
and which stored decisions their rollups read.

Leaves advance incrementally when new results arrive in time order and are recomputed
otherwise; their ancestors are then rolled up (`record.rolled_up_records`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.evidence import Evidence, counted_in_order
from app.domain.frameworks import Framework
from app.domain.mastery.decision import DecisionState, absorb, advance, recompute
from app.domain.mastery.record import DecisionRecord, StudentCompetency, leaf_record


@dataclass(frozen=True)
class Touch:
    """A (student, competency) whose evidence changed: with only `new` results (which may be
    absorbed incrementally), or `recompute=True` when stored results changed."""

    student_id: str
    competency_id: str
    new: tuple[Evidence, ...] = ()
    recompute: bool = False

    @property
    def key(self) -> StudentCompetency:
        """The decision touched."""
        return (self.student_id, self.competency_id)


def touches_of(
    created: Iterable[Evidence], updated: Iterable[Evidence], previous: Iterable[Evidence]
) -> list[Touch]:
    """The decisions a write reaches: new results may extend a decision; changed ones (and a
    moved student's old decision, from `previous`) need a recompute."""
    recompute = {(e.student_id, e.competency_id) for e in updated} | {
        (e.student_id, e.competency_id) for e in previous
    }
    new: dict[StudentCompetency, list[Evidence]] = {}
    for e in created:
        new.setdefault((e.student_id, e.competency_id), []).append(e)
    touches = [Touch(s, c, recompute=True) for s, c in recompute]
    touches += [Touch(s, c, new=tuple(es)) for (s, c), es in new.items() if (s, c) not in recompute]
    return touches


def decisions_read(
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    touches: Sequence[Touch],
) -> set[StudentCompetency]:
    """The stored decisions a refresh of these touches reads: the touched ones, each ancestor
    and its children, and the children of a touched competency that has some (it may roll up
    again after a void)."""
    needed = {t.key for t in touches}
    for touch in touches:
        framework = frameworks[framework_of[touch.competency_id]]
        student = touch.student_id
        needed.update((student, c.id) for c in framework.children_of(touch.competency_id))
        for ancestor in framework.ancestors_of(touch.competency_id):
            needed.add((student, ancestor.id))
            needed.update((student, c.id) for c in framework.children_of(ancestor.id))
    return needed


def _state_to_extend(
    framework: Framework, touch: Touch, before: DecisionRecord | None
) -> DecisionState | None:
    """The state new results may extend: the stored one, or an empty one for a first result."""
    if touch.recompute:
        return None
    if before is None:
        return absorb(framework.policy_for(touch.competency_id), ())
    return before.state  # None for a stored rollup that now gets evidence of its own


def advanced_record(
    framework: Framework, touch: Touch, before: DecisionRecord | None, now: datetime
) -> DecisionRecord | None:
    """The touched leaf's record with its new results absorbed into the stored state; None
    when it must be recomputed from its history instead (stored results changed, a result came
    late, the policy changed, or a stored rollup now has evidence of its own)."""
    state = _state_to_extend(framework, touch, before)
    if state is None:
        return None
    advanced = advance(framework.policy_for(touch.competency_id), state, touch.new)
    if advanced is None:
        return None
    computed, new_state = advanced
    return leaf_record(
        framework, touch.student_id, touch.competency_id, computed, new_state, before, now
    )


def steps_of(
    framework: Framework, touch: Touch, before: DecisionRecord | None, now: datetime
) -> list[DecisionRecord]:
    """The touched leaf's record after each of its new results but the last, in the order they
    were observed: a batch that brings a term's results at once keeps the term's history, each
    step holding from its result's observation. None when the leaf is recomputed instead."""
    state = _state_to_extend(framework, touch, before)
    if state is None:
        return []
    policy = framework.policy_for(touch.competency_id)
    steps: list[DecisionRecord] = []
    for result in counted_in_order(touch.new, policy)[:-1]:
        advanced = advance(policy, state, (result,))
        if advanced is None:
            return []
        computed, state = advanced
        steps.append(
            leaf_record(
                framework, touch.student_id, touch.competency_id, computed, state, before, now
            )
        )
    return steps


def recomputed_record(
    framework: Framework,
    touch: Touch,
    history: Iterable[Evidence],
    before: DecisionRecord | None,
    now: datetime,
) -> DecisionRecord:
    """The touched leaf's record recomputed from its whole history."""
    computed, state = recompute(framework.policy_for(touch.competency_id), history)
    return leaf_record(
        framework, touch.student_id, touch.competency_id, computed, state, before, now
    )
