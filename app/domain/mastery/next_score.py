"""Next score to master: the least score one more result needs for mastery.

Candidates are 0.00, 0.01, … up to the scale's highest value; the one more result is
summative (it always counts) and observed after every counted one. Adding it to the
incremental state costs O(1) for most methods, so the answer is cheap enough for every
decision written. For every method but mode, mastery can only grow with the new score (each
is non-decreasing in its newest score; for power_law the fitted value at the last point has
a positive weight on it), so a binary search over the grid finds the least one. Mode depends
only on the level the new score is floored to, so the least score of each level is tried.
"""

from __future__ import annotations

import math

from app.domain.frameworks import MasteryPolicy
from app.domain.mastery.decision import (
    ComputedDecision,
    DecisionState,
    decision_for_score,
    decision_from_state,
)
from app.domain.mastery.methods import floor_index
from app.domain.mastery.override import ShownDecision
from app.domain.mastery.series import ModeState

STEPS_PER_POINT = 100  # candidates are in steps of 0.01


def next_score_to_master(
    decision: ComputedDecision,
    policy: MasteryPolicy,
    state: DecisionState,
    *,
    shown: ShownDecision | None = None,
) -> float | None:
    """The least score in steps of 0.01 that would make the decision mastered, if any.

    None when the decision is mastered, when it is rolled up (its way forward is through its
    children), when an override is in force (new evidence does not change what is shown),
    when min_evidence needs more than one more result, and when no score can. `state` is the
    decision's incremental state (from `absorb` for an as_of decision).
    """
    if shown is not None and shown.overridden:
        return None
    if decision.rolled_up or decision_from_state(policy, state).mastered:
        return None
    series = state.series
    count = series.count + 1
    if count < policy.min_evidence:
        return None
    top = math.floor(round(policy.scale.highest * STEPS_PER_POINT, 6))

    def masters(step: int) -> bool:
        score = series.score_after(step / STEPS_PER_POINT)
        return decision_for_score(policy, count, score).mastered

    if isinstance(series, ModeState):
        for i, floor in enumerate(series.floors):
            step = math.ceil(round(floor * STEPS_PER_POINT, 6))
            # The least grid score of this floor, if the floor has one below the next floor.
            if step > top or floor_index(series.floors, step / STEPS_PER_POINT) != i:
                continue
            if masters(step):
                return step / STEPS_PER_POINT
        return None
    if not masters(top):
        return None
    low, high = 0, top
    while low < high:
        middle = (low + high) // 2
        if masters(middle):
            high = middle
        else:
            low = middle + 1
    return low / STEPS_PER_POINT
