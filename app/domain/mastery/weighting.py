"""Weighted means: what average, most_recent_average and n_mastery become with category and
item weights (JumpRope's and PowerTeacher Pro's category weighting).

Within a category, the mean is Σ w·x / Σ w over its results (w the result's own weight, 1 when
it has none); the categories with evidence are then weighed by their weights, renormalised
over those categories: score = Σ_c W_c·mean_c / Σ_c W_c. Without categories every result is in
one group, so with no weights the score is the plain mean, bit for bit (1.0·x is x, and the sums
run left to right in arrival order like `methods.running_total`). The decaying averages,
power law, mode, median, latest and highest ignore weights, as Canvas does for its decaying
average (docs/decisions/0033-categories-weights-marks.md).

The full computation folds the same state the incremental path keeps, so they agree bit for
bit; tests check both against a reference written from the definition.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, ClassVar, Self, cast

from app.domain.categories import EvidenceCategory
from app.domain.evidence import Evidence, category_of, counted_score
from app.domain.frameworks import Calculation, CalculationMethod, MasteryPolicy
from app.domain.mastery.methods import score_series, weights
from app.domain.mastery.series import series_from_dict, start_series
from app.domain.mastery.series_state import SeriesState
from app.domain.scales import Scale

M = CalculationMethod
MEAN_METHODS = frozenset({M.AVERAGE, M.MOST_RECENT_AVERAGE, M.N_MASTERY})
_UNCATEGORISED = ""

Point = tuple[float, int, float]
"""(score on the scale, group index, the result's own weight)."""


def groups_of(policy: MasteryPolicy) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The categories that may decide under this policy and their weights, in framework order;
    one group of weight 1 when the framework has no categories."""
    return _groups(policy.categories, policy.habits_of_work)


@lru_cache(maxsize=256)
def _groups(
    categories: tuple[EvidenceCategory, ...], habits_of_work: bool
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    # Cached: every result of a batch asks, and a district has a handful of frameworks.
    if not categories:
        return (_UNCATEGORISED,), (1.0,)
    deciding = [c for c in categories if c.counted and c.habits_of_work == habits_of_work]
    return tuple(c.name for c in deciding), tuple(float(c.weight) for c in deciding)


@lru_cache(maxsize=256)
def _heaviest(group_weights: tuple[float, ...]) -> int:
    return max(range(len(group_weights)), key=lambda i: (group_weights[i], -i))


def point_of(evidence: Evidence, policy: MasteryPolicy, groups: Sequence[str]) -> Point:
    """A counted result as a point of the weighted mean."""
    group = groups.index(category_of(evidence, policy)) if policy.categories else 0
    weight = 1.0 if evidence.weight is None else float(evidence.weight)
    return (counted_score(evidence, policy), group, weight)


def combine(
    group_weights: Sequence[float], sums: Sequence[float], totals: Sequence[float]
) -> float:
    """Σ_c W_c·(S_c/T_c) / Σ_c W_c over the groups with evidence (T_c > 0)."""
    num = 0.0
    den = 0.0
    for big_w, s, t in zip(group_weights, sums, totals, strict=True):
        if t > 0:
            num += big_w * (s / t)
            den += big_w
    return num / den


@dataclass(frozen=True)
class _WeightedState(SeriesState):
    """Per-group running sums Σ w·x and Σ w; `count` counts every counted result."""

    groups: tuple[str, ...] = ()
    group_weights: tuple[float, ...] = ()
    sums: tuple[float, ...] = ()
    totals: tuple[float, ...] = ()

    def _summing(self, x: float, g: int, w: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
        sums, totals = list(self.sums), list(self.totals)
        sums[g] += w * x
        totals[g] += w
        return tuple(sums), tuple(totals)

    @abstractmethod
    def add_point(self, point: Point) -> Self:
        """The state with one more counted result."""

    def add(self, x: float) -> Self:
        """One more result of weight 1 in the heaviest group (what next-score asks about);
        with no group that may decide (only habits categories, say) nothing is summed."""
        if not self.groups:
            return replace(self, count=self.count + 1)
        return self.add_point((x, self.heaviest, 1.0))

    @property
    def heaviest(self) -> int:
        """The group a hypothetical next result goes to: the heaviest (first of equals)."""
        return _heaviest(self.group_weights)

    def score(self) -> float | None:
        """The weighted mean; None before any result was summed."""
        if not self.count or not self.groups:
            return None
        return combine(self.group_weights, self.sums, self.totals)

    def _mean_with(self, x: float) -> float:
        """The weighted mean with x added at weight 1 to the heaviest group: the operations of
        `add_point` then `score`, without building the state (next-score asks a dozen times)."""
        g = self.heaviest
        num = 0.0
        den = 0.0
        rows = zip(self.group_weights, self.sums, self.totals, strict=True)
        for i, (big_w, s, t) in enumerate(rows):
            if i == g:
                s += 1.0 * x
                t += 1.0
            if t > 0:
                num += big_w * (s / t)
                den += big_w
        return num / den

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for this method (the groups are checked by `state_fits`)."""
        return calculation.method is self.method

    def to_dict(self) -> dict[str, object]:
        """Plain JSON, marked as weighted."""
        return {**super().to_dict(), "weighted": True}


@dataclass(frozen=True)
class WeightedAverageState(_WeightedState):
    """average, weighted."""

    method: ClassVar[CalculationMethod] = M.AVERAGE

    def add_point(self, point: Point) -> Self:
        """The state with one more counted result."""
        sums, totals = self._summing(*point)
        return type(self)(self.count + 1, self.groups, self.group_weights, sums, totals)

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        return self._mean_with(x) if self.groups else self.score()


@dataclass(frozen=True)
class WeightedNMasteryState(_WeightedState):
    """n_mastery, weighted: the weighted mean of the results at or above the threshold, once
    at least n of them are."""

    method: ClassVar[CalculationMethod] = M.N_MASTERY
    n: int = 1
    threshold: float = 0.0
    met: int = 0

    def add_point(self, point: Point) -> Self:
        """The state with one more counted result; only those at the threshold are summed."""
        sums, totals, met = self.sums, self.totals, self.met
        if point[0] >= self.threshold:
            sums, totals = self._summing(*point)
            met += 1
        return type(self)(
            self.count + 1,
            self.groups,
            self.group_weights,
            sums,
            totals,
            self.n,
            self.threshold,
            met,
        )

    def score(self) -> float | None:
        """The weighted mean of the met results; None short of n."""
        if self.met < self.n:
            return None
        return combine(self.group_weights, self.sums, self.totals)

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        if x < self.threshold or not self.groups:
            return self.score()
        return self._mean_with(x) if self.met + 1 >= self.n else None

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for n_mastery with this n and threshold."""
        return (
            calculation.method is self.method
            and calculation.n == self.n
            and scale.mastery_threshold == self.threshold
        )


@dataclass(frozen=True)
class WeightedRecentState(_WeightedState):
    """most_recent_average, weighted: the weighted mean of the last n results (O(n) a step)."""

    method: ClassVar[CalculationMethod] = M.MOST_RECENT_AVERAGE
    n: int = 1
    window: tuple[tuple[float, int, float], ...] = ()

    def add_point(self, point: Point) -> Self:
        """The state with one more result, the oldest leaving the window past n."""
        window = (*self.window, point)[-self.n :]
        sums = [0.0] * len(self.groups)
        totals = [0.0] * len(self.groups)
        for x, g, w in window:
            sums[g] += w * x
            totals[g] += w
        return type(self)(
            self.count + 1,
            self.groups,
            self.group_weights,
            tuple(sums),
            tuple(totals),
            self.n,
            window,
        )

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for most_recent_average with this n."""
        return calculation.method is self.method and calculation.n == self.n


def start_for(policy: MasteryPolicy) -> SeriesState:
    """An empty state for the policy: weighted for the means, else the method's own."""
    calculation = policy.calculation
    if calculation.method not in MEAN_METHODS:
        return start_series(calculation, policy.scale)
    groups, group_weights = groups_of(policy)
    zeros = (0.0,) * len(groups)
    base = (0, groups, group_weights, zeros, zeros)
    assert calculation.n is not None or calculation.method is M.AVERAGE
    if calculation.method is M.AVERAGE:
        return WeightedAverageState(*base)
    if calculation.method is M.N_MASTERY:
        assert calculation.n is not None
        return WeightedNMasteryState(*base, calculation.n, policy.scale.mastery_threshold)
    assert calculation.n is not None
    return WeightedRecentState(*base, calculation.n)


def add_result(state: SeriesState, evidence: Evidence, policy: MasteryPolicy) -> SeriesState:
    """The state with one more counted result (its category and weight for the means)."""
    # type() in a set, not isinstance: an ABC's isinstance costs a few µs per result.
    if type(state) in _WEIGHTED_TYPES:
        weighted = cast(_WeightedState, state)
        return weighted.add_point(point_of(evidence, policy, weighted.groups))
    return state.add(counted_score(evidence, policy))


def state_fits(state: SeriesState, policy: MasteryPolicy) -> bool:
    """Whether a stored state was built under this policy, categories included."""
    if not state.fits(policy.calculation, policy.scale):
        return False
    if policy.calculation.method not in MEAN_METHODS:
        return type(state) not in _WEIGHTED_TYPES
    if type(state) not in _WEIGHTED_TYPES:
        return False
    weighted = cast(_WeightedState, state)
    return (weighted.groups, weighted.group_weights) == groups_of(policy)


def state_from_dict(data: Mapping[str, object]) -> SeriesState:
    """Rebuild a state from `to_dict`'s output, weighted or not."""
    if not data.get("weighted"):
        return series_from_dict(data)
    kind = _WEIGHTED[CalculationMethod(str(data["method"]))]
    values: dict[str, Any] = {k: v for k, v in data.items() if k not in ("method", "weighted")}
    for key in ("groups", "group_weights", "sums", "totals"):
        values[key] = tuple(values[key])  # JSON lists
    if "window" in values:
        values["window"] = tuple(tuple(p) for p in values["window"])
    return kind(**values)


_WEIGHTED: dict[CalculationMethod, type[_WeightedState]] = {
    cls.method: cls for cls in (WeightedAverageState, WeightedNMasteryState, WeightedRecentState)
}
_WEIGHTED_TYPES = frozenset(_WEIGHTED.values())


def score_of(policy: MasteryPolicy, counted: Sequence[Evidence]) -> float | None:
    """The unrounded score of the counted results (oldest first): the full computation."""
    if policy.calculation.method not in MEAN_METHODS:
        xs = [counted_score(e, policy) for e in counted]
        return score_series(policy.calculation, xs, policy.scale)
    state = start_for(policy)
    for e in counted:
        state = add_result(state, e, policy)
    return state.score()


def weights_of(policy: MasteryPolicy, counted: Sequence[Evidence]) -> tuple[float, ...] | None:
    """Each counted result's share of the score (they sum to 1; Σ share·x is the score), or
    None when the score is no weighted sum (power law, mode) or there is none."""
    if policy.calculation.method not in MEAN_METHODS:
        xs = [counted_score(e, policy) for e in counted]
        return weights(policy.calculation, xs, policy.scale)
    start = start_for(policy)
    assert isinstance(start, _WeightedState)
    points = [point_of(e, policy, start.groups) for e in counted]
    state = start
    for point in points:
        state = state.add_point(point)
    if state.score() is None:
        return None
    in_score = [True] * len(points)
    if isinstance(state, WeightedRecentState):
        in_score = [i >= len(points) - state.n for i in range(len(points))]
    elif isinstance(state, WeightedNMasteryState):
        in_score = [x >= state.threshold for x, _, _ in points]
    active = sum(big_w for big_w, t in zip(state.group_weights, state.totals, strict=True) if t > 0)
    return tuple(
        state.group_weights[g] / active * w / state.totals[g] if used else 0.0
        for (_, g, w), used in zip(points, in_score, strict=True)
    )
