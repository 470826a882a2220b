"""Decisions: from one student's evidence for one competency to a status, score and level.

`decide` computes from the whole history. `advance` updates a stored `DecisionState` when new
results arrive in time order and returns the same decision `decide` would; when they do not
(a late result), it returns None and the caller recomputes with `recompute`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
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
from app.domain.scales import Level

_CENTS = Decimal("0.01")
# Below this, x * 1e9 is within 2**53 and a float holds 9 decimals of it exactly enough.
_EXACT_BELOW = 1e6


class MasteryStatus(StrEnum):
    """Where a student stands on a competency."""

    NO_EVIDENCE = "no_evidence"
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"
    NOT_YET = "not_yet"
    MASTERED = "mastered"


def round_score(x: float) -> float:
    """Round half up to 2 decimals, as a person would: 2.675 gives 2.68.

    Binary floats carry noise (a mean that is 2.675 by hand may be 2.67499999999999982), so
    the value is first rounded to 9 decimals (Python's `round`), then half up to 2.
    """
    cleaned = round(x, 9)
    if 0 <= cleaned < _EXACT_BELOW:
        # Integer arithmetic on billionths: exact here, and five times faster than Decimal.
        return ((round(cleaned * 1e9) + 5_000_000) // 10_000_000) / 100
    return float(Decimal(repr(cleaned)).quantize(_CENTS, ROUND_HALF_UP))


@dataclass(frozen=True)
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
        if self.rollup is not None:
            return {"name": "rollup", **self.rollup.as_dict()}
        return self.calculation.as_dict() if self.calculation else {}

    def as_dict(self) -> dict[str, object]:
        """JSON: {"status", "score", "level", "evidence_count", "method"}."""
        return {
            "status": self.status.value,
            "score": self.score,
            "level": self.level.as_dict() if self.level else None,
            "evidence_count": self.evidence_count,
            "method": self.method_dict(),
        }


def decision_for_score(
    policy: MasteryPolicy, evidence_count: int, unrounded: float | None
) -> ComputedDecision:
    """The decision rules, given how many results count and the method's unrounded score."""
    calculation = policy.calculation
    if evidence_count == 0:
        return ComputedDecision(MasteryStatus.NO_EVIDENCE, None, None, 0, calculation)
    score = None if unrounded is None else round_score(unrounded)
    level = None if score is None else policy.scale.level_for(score)
    if evidence_count < policy.min_evidence:
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
