"""Decisions: from one student's evidence for one competency to a status, score and level.

`decide` computes from the whole history. `advance` updates a stored `DecisionState` when new
results arrive in time order and returns the same decision `decide` would; when they do not
(a late result), it returns None and the caller recomputes with `recompute`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.evidence import Evidence, counted_in_order
from app.domain.frameworks import Calculation, CalculationMethod, MasteryPolicy, RollupRule
from app.domain.mastery.series import SeriesState
from app.domain.mastery.weighting import (
    add_result,
    score_of,
    start_for,
    state_fits,
    state_from_dict,
)
from app.domain.quick_init import quick_init
from app.domain.scales import Level


class MasteryStatus(StrEnum):
    """Where a student stands on a competency."""

    NO_EVIDENCE = "no_evidence"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"
    NOT_YET = "not_yet"
    MASTERED = "mastered"


def round_score(x: float) -> float:
    """Round to 2 decimals exactly as Canvas does: Ruby's `Float#round(2)` on the double.

    Ruby (numeric.c, flo_round and round_half_up) rounds x·100 half away from zero, then
    checks whether the next hundredth's midpoint (f + 0.5) / 100 is still at or below x and
    takes the next one when it is: 2.675 (the double just below) gives 2.68, as 267.5 / 100
    is that same double, while 2.9949999999999997 (a weighted average of [2, 3, 3] at 0.99)
    gives 2.99, as 2.995 is the double just above it. Decimal half up after cleaning to 9
    decimals gave 3.00 there, and a different mastery decision at 3.
    """
    if 0.001 <= abs(x) < 1e12:
        # The scores decided here: frexp's exponent is in [-9, 40], where neither limit of
        # ruby_round applies (40% of its cost, on the hot path's thousands of calls a batch).
        return _round_half_up(x, 100.0) / 100.0
    return ruby_round(x)


def ruby_round(x: float) -> float:
    """`Float#round(2)` with numeric.c's overflow and underflow limits, for any double."""
    if x == 0.0 or not math.isfinite(x):
        return x
    binexp = math.frexp(x)[1]
    if _round_overflow(binexp):
        return x  # x·100 is already a whole number
    if _round_underflow(binexp):
        return 0.0
    return _round_half_up(x, 100.0) / 100.0


def _c_div(a: int, b: int) -> int:
    """C's integer division, which truncates toward zero (Python's // floors)."""
    q = abs(a) // b
    return q if a >= 0 else -q


def _round_overflow(binexp: int, ndigits: int = 2) -> bool:
    # numeric.c float_round_overflow: more digits asked than the double holds (DBL_DIG + 2).
    return ndigits >= 17 - (_c_div(binexp, 4) if binexp > 0 else _c_div(binexp, 3) - 1)


def _round_underflow(binexp: int, ndigits: int = 2) -> bool:
    # numeric.c float_round_underflow: the double is below half the last digit asked.
    return ndigits < -(_c_div(binexp, 3) + 1 if binexp > 0 else _c_div(binexp, 4))


def _round_half_up(x: float, s: float) -> float:
    """numeric.c round_half_up: C's round of x·s, corrected when x·s lost the midpoint."""
    f = _c_round(x * s)
    if x > 0:
        if (f + 0.5) / s <= x:
            f += 1
    elif (f - 0.5) / s >= x:
        f -= 1
    return f


def _c_round(v: float) -> float:
    """C's round: to the nearest whole number, halves away from zero (v - floor(v) is exact)."""
    if v >= 0:
        f = float(math.floor(v))
        return f + 1 if v - f >= 0.5 else f
    c = float(math.ceil(v))
    return c - 1 if c - v >= 0.5 else c


@quick_init
@dataclass(frozen=True, slots=True)
class ComputedDecision:
    """The engine's decision for one student and one competency.

    `calculation` is set for a decision from the competency's own evidence; `rollup` for one
    decided from its children (then `evidence_count` sums the children's).
    """

    status: MasteryStatus
    score: float | None
    level: Level | None
    evidence_count: int
    calculation: Calculation | None
    rollup: RollupRule | None = None

    @property
    def mastered(self) -> bool:
        """Whether the status is mastered."""
        return self.status is MasteryStatus.MASTERED

    @property
    def rolled_up(self) -> bool:
        """Whether this decision comes from the children rather than own evidence."""
        return self.rollup is not None

    def method_dict(self) -> dict[str, str | float | int]:
        """JSON of the decision's method: {"name", ...params}, or {"name": "rollup", "rule"...}."""
        return method_dict(self.calculation, self.rollup)

    def as_dict(self) -> dict[str, object]:
        """JSON: {"status", "score", "level", "evidence_count", "method"}."""
        return {
            "status": self.status.value,
            "score": self.score,
            "level": self.level.as_dict() if self.level else None,
            "evidence_count": self.evidence_count,
            "method": self.method_dict(),
        }


def method_dict(
    calculation: Calculation | None, rollup: RollupRule | None
) -> dict[str, str | float | int]:
    """JSON of a decision's method: {"name", ...params}, or {"name": "rollup", "rule"...}."""
    if rollup is not None:
        return {"name": "rollup", **rollup.as_dict()}
    return calculation.as_dict() if calculation else {}


def decision_for_score(
    policy: MasteryPolicy, evidence_count: int, unrounded: float | None
) -> ComputedDecision:
    """The decision rules, given how many results count and the method's unrounded score."""
    calculation = policy.calculation
    if evidence_count == 0:
        return ComputedDecision(MasteryStatus.NO_EVIDENCE, None, None, 0, calculation)
    score = None if unrounded is None else round_score(unrounded)
    level = None if score is None else policy.scale.level_for(score)
    # n_mastery short of n results at the threshold has no score: Canvas shows no rollup
    # (app/models/rollup_score.rb returns nil), so it is not decided yet rather than not yet.
    if evidence_count < policy.min_evidence or unrounded is None:
        status = MasteryStatus.INSUFFICIENT_EVIDENCE
    elif masters(policy, evidence_count, unrounded):
        status = MasteryStatus.MASTERED
    else:
        status = MasteryStatus.NOT_YET
    return ComputedDecision(status, score, level, evidence_count, calculation)


def masters(policy: MasteryPolicy, evidence_count: int, unrounded: float | None) -> bool:
    """Whether the decision rules give mastered, without building the decision (hot path)."""
    if evidence_count < max(policy.min_evidence, 1) or unrounded is None:
        return False
    # n_mastery has a score exactly when n results reached the threshold: that is mastery.
    if policy.calculation.method is CalculationMethod.N_MASTERY:
        return True
    return round_score(unrounded) >= policy.scale.mastery_threshold


def decide(
    policy: MasteryPolicy, evidences: Iterable[Evidence], as_of: datetime | None = None
) -> ComputedDecision:
    """The decision from the whole evidence history of one student and one competency."""
    counted = counted_in_order(evidences, policy, as_of)
    return decision_for_score(policy, len(counted), score_of(policy, counted))


@dataclass(frozen=True)
class DecisionState:
    """The stored incremental state of one decision.

    `last_absorbed` is the (observed_at, seq) of the latest counted result in `series`: a new
    result after it extends the series; one at or before it needs a full recompute.
    """

    series: SeriesState
    include_formative: bool
    last_absorbed: tuple[datetime, int] | None

    def fits(self, policy: MasteryPolicy) -> bool:
        """Whether this state was built under `policy` (else recompute)."""
        return self.include_formative == policy.include_formative and state_fits(
            self.series, policy
        )

    def to_dict(self) -> dict[str, object]:
        """Plain JSON; the time is ISO 8601."""
        last = self.last_absorbed
        return {
            "series": self.series.to_dict(),
            "include_formative": self.include_formative,
            "last_observed_at": last[0].isoformat() if last else None,
            "last_seq": last[1] if last else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> DecisionState:
        """Rebuild from `to_dict`'s output."""
        series = data["series"]
        assert isinstance(series, Mapping)
        observed, seq = data.get("last_observed_at"), data.get("last_seq")
        last = (
            (datetime.fromisoformat(observed), seq)
            if isinstance(observed, str) and isinstance(seq, int)
            else None
        )
        return cls(state_from_dict(series), bool(data["include_formative"]), last)


def absorb(
    policy: MasteryPolicy, evidences: Iterable[Evidence], as_of: datetime | None = None
) -> DecisionState:
    """The state after absorbing a whole history, one result at a time."""
    counted = counted_in_order(evidences, policy, as_of)
    series = start_for(policy)
    for e in counted:
        series = add_result(series, e, policy)
    last = counted[-1].order_key if counted else None
    return DecisionState(series, policy.include_formative, last)


def decision_from_state(policy: MasteryPolicy, state: DecisionState) -> ComputedDecision:
    """The decision an incremental state stands for."""
    return decision_for_score(policy, state.series.count, state.series.score())


def recompute(
    policy: MasteryPolicy, evidences: Iterable[Evidence]
) -> tuple[ComputedDecision, DecisionState]:
    """Full recomputation (late results, voids, updates, policy changes): decision and state."""
    history = list(evidences)
    return decide(policy, history), absorb(policy, history)


def advance(
    policy: MasteryPolicy, state: DecisionState, new: Iterable[Evidence]
) -> tuple[ComputedDecision, DecisionState] | None:
    """Extend a stored state with new results; None when one is late or the policy changed.

    Results that do not count (voided, formative under a summative policy) are skipped and
    need no order. The batch itself may arrive in any order.
    """
    if not state.fits(policy):
        return None
    counted = counted_in_order(new, policy)
    if not counted:
        return decision_from_state(policy, state), state
    if state.last_absorbed is not None and counted[0].order_key <= state.last_absorbed:
        return None
    series = state.series
    for e in counted:
        series = add_result(series, e, policy)
    advanced = DecisionState(series, policy.include_formative, counted[-1].order_key)
    return decision_from_state(policy, advanced), advanced
