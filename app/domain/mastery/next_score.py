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
from collections.abc import Callable

from app.domain.frameworks import MasteryPolicy
from app.domain.mastery.decision import ComputedDecision, DecisionState, masters
from app.domain.mastery.methods import floor_index
from app.domain.mastery.override import ShownDecision
from app.domain.mastery.series import BestFitState, ModeState, SeriesState

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
    series = state.series
    if decision.rolled_up or masters(policy, series.count, series.score()):
        return None
    count = series.count + 1
    if count < policy.min_evidence:
        return None
    top = math.floor(round(policy.scale.highest * STEPS_PER_POINT, 6))

    def masters_with(step: int) -> bool:
        return masters(policy, count, series.score_after(step / STEPS_PER_POINT))

    if isinstance(series, ModeState):
        step = _least_mode_step(series, top, masters_with)
    elif isinstance(series, BestFitState):
        # best_fit may switch trends as the new score moves, so mastery need not grow with
        # it: every grid score is tried (O(top · count)).
        step = next((s for s in range(top + 1) if masters_with(s)), None)
    else:
        step = _least_step(series, policy.scale.mastery_threshold, top, masters_with)
    return None if step is None else step / STEPS_PER_POINT


def _least_mode_step(
    series: ModeState, top: int, masters_with: Callable[[int], bool]
) -> int | None:
    """Mode: the least grid score of each floor, lowest floor first, until one masters."""
    for i, floor in enumerate(series.floors):
        step = math.ceil(round(floor * STEPS_PER_POINT, 6))
        # The least grid score of this floor, if the floor has one below the next floor.
        if step > top or floor_index(series.floors, step / STEPS_PER_POINT) != i:
            continue
        if masters_with(step):
            return step
    return None


def _least_step(
    series: SeriesState, threshold: float, top: int, masters_with: Callable[[int], bool]
) -> int | None:
    """The least step in [0, top] that masters, mastery growing with the step: an affine guess
    checked first, then a binary search."""
    if not masters_with(top):
        return None
    low, high = 0, top  # the answer lies in [low, high], and high masters
    guess = _guess(series, threshold, top)
    if guess is not None:
        if not masters_with(guess):
            low = guess + 1
        elif guess == 0 or not masters_with(guess - 1):
            return guess
        else:
            high = guess - 1
    while low < high:
        middle = (low + high) // 2
        if masters_with(middle):
            high = middle
        else:
            low = middle + 1
    return low


def _guess(series: SeriesState, threshold: float, top: int) -> int | None:
    """Where the score crosses the threshold if it were affine in the new score.

    Exact for latest, the averages and the decaying averages (two checks confirm it); only
    a first probe of the binary search for the others.
    """
    at_zero, at_top = series.score_after(0.0), series.score_after(top / STEPS_PER_POINT)
    if at_zero is None or at_top is None or at_top <= at_zero:
        return None
    # A score rounds up to the threshold from half a hundredth below it.
    steps = (threshold - 0.005 - at_zero) / (at_top - at_zero) * top
    return min(max(math.ceil(steps), 0), top)
