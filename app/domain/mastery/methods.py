"""The calculation methods: a series of normalised scores (oldest first) becomes one score.

These are the full computations from a whole series. `series.py` holds the incremental
states; both add scores in the same order with the same operations, so an incremental score
is bit-for-bit the full one (`running_total` rather than `sum`, whose float algorithm
changed in Python 3.12).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from app.domain.frameworks import WEIGHT_METHODS, Calculation, CalculationMethod, ModeTie
from app.domain.scales import Scale

M = CalculationMethod

# Power law: scores below this are taken as this, since ln 0 is undefined.
POWER_LAW_FLOOR = 0.01


# The methods that read each score against the scale (the rest need the series alone).
_ON_THE_SCALE = frozenset(
    {M.N_MASTERY, M.POWER_LAW, M.MODE, M.BEST_FIT, M.MAX_OF_AVERAGE_AND_POWER_LAW}
)


def score_series(calculation: Calculation, xs: Sequence[float], scale: Scale) -> float | None:
    """The unrounded score of a series; None for an empty series or n_mastery short of n."""
    if not xs:
        return None
    if calculation.method in WEIGHT_METHODS:
        return _decayed(calculation, xs)
    if calculation.method in _ON_THE_SCALE:
        return _on_the_scale(calculation, xs, scale)
    return _summarised(calculation, xs)


def _summarised(calculation: Calculation, xs: Sequence[float]) -> float:
    """latest, highest, average, median and most_recent_average."""
    method = calculation.method
    if method is M.LATEST:
        return xs[-1]
    if method is M.HIGHEST:
        return max(xs)
    if method is M.AVERAGE:
        return running_total(xs) / len(xs)
    if method is M.MEDIAN:
        return median_of_sorted(sorted(xs))
    recent = xs[-_n(calculation) :]  # most_recent_average
    return running_total(recent) / len(recent)


def _decayed(calculation: Calculation, xs: Sequence[float]) -> float:
    """decaying_average weighs the newest score against the mean of the earlier ones;
    standard_decaying_average weighs each score against everything before it."""
    newest, rest = decay_factors(_weight(calculation))
    if calculation.method is M.DECAYING_AVERAGE:
        if len(xs) == 1:
            return xs[0]
        return newest * xs[-1] + rest * (running_total(xs[:-1]) / (len(xs) - 1))
    d = xs[0]
    for x in xs[1:]:
        d = newest * x + rest * d
    return d


@lru_cache(maxsize=256)  # a handful of weights, asked on every result and next-score probe
def decay_factors(weight: float) -> tuple[float, float]:
    """The factors of the newest score and of what came before, as Canvas computes them.

    Canvas keeps the weight as a whole percent p and multiplies by 0.01·p and 0.01·(100 - p)
    (app/models/rollup_score.rb); 0.01·35 is not the double 0.35, nor 0.01·(100 - 35) the
    double 1 - 0.65, so a weight of whole hundredths takes Canvas's factors, bit for bit. Any
    other weight takes w and 1 - w.
    """
    percent = round(weight * 100)
    if percent / 100 == weight:
        return 0.01 * percent, 0.01 * (100 - percent)
    return weight, 1 - weight


def _on_the_scale(calculation: Calculation, xs: Sequence[float], scale: Scale) -> float | None:
    """n_mastery, power_law, mode and the fitted methods."""
    method = calculation.method
    if method is M.N_MASTERY:
        met = [x for x in xs if x >= scale.mastery_threshold]
        return running_total(met) / len(met) if len(met) >= _n(calculation) else None
    if method in (M.POWER_LAW, M.MAX_OF_AVERAGE_AND_POWER_LAW):
        sums = PowerLawSums()
        for x in xs:
            sums = sums.add(x)
        power = sums.value(xs[0], scale.highest)
        if method is M.POWER_LAW or power is None:
            return power
        return max(running_total(xs) / len(xs), power)
    if method is M.BEST_FIT:
        # Imported here: the fits build on this module's sums.
        from app.domain.mastery.fits import best_fit_score

        return best_fit_score(xs, scale.highest)
    window = xs[-calculation.n :] if calculation.n else xs
    return _mode(window, scale, calculation.tie or ModeTie.MOST_RECENT)


def _mode(xs: Sequence[float], scale: Scale, tie: ModeTie) -> float:
    floors = mode_floors(scale)
    tallies = [0] * len(floors)
    last_seen = [0] * len(floors)
    for position, x in enumerate(xs, start=1):
        i = floor_index(floors, x)
        tallies[i] += 1
        last_seen[i] = position
    return mode_of(floors, tallies, last_seen, tie)


def weights(
    calculation: Calculation, xs: Sequence[float], scale: Scale
) -> tuple[float, ...] | None:
    """Each score's weight when the score is a weighted sum of the series; None otherwise.

    None for power_law, mode and the fitted methods (not weighted sums) and when there is no
    score. The weights sum to 1 and the sum of weight * x is the unrounded score.
    """
    method = calculation.method
    if not xs or method in (M.POWER_LAW, M.MODE, M.BEST_FIT, M.MAX_OF_AVERAGE_AND_POWER_LAW):
        return None
    if method in WEIGHT_METHODS:
        return _decaying_weights(calculation, len(xs))
    if method is M.N_MASTERY:
        met = {i for i, x in enumerate(xs) if x >= scale.mastery_threshold}
        if len(met) < _n(calculation):
            return None
        return tuple(1 / len(met) if i in met else 0.0 for i in range(len(xs)))
    return _summary_weights(calculation, xs)


def _summary_weights(calculation: Calculation, xs: Sequence[float]) -> tuple[float, ...]:
    """The weights of latest, highest, average, median and most_recent_average."""
    n = len(xs)
    method = calculation.method
    if method is M.LATEST:
        return tuple(1.0 if i == n - 1 else 0.0 for i in range(n))
    if method is M.HIGHEST:
        top = max(range(n), key=lambda i: (xs[i], i))  # the most recent of equal highs
        return tuple(1.0 if i == top else 0.0 for i in range(n))
    if method is M.AVERAGE:
        return (1 / n,) * n
    if method is M.MEDIAN:
        by_value = sorted(range(n), key=lambda i: (xs[i], i))
        middle = (
            {by_value[n // 2]: 1.0} if n % 2 else {by_value[n // 2 - 1]: 0.5, by_value[n // 2]: 0.5}
        )
        return tuple(middle.get(i, 0.0) for i in range(n))
    m = min(_n(calculation), n)  # most_recent_average
    return tuple(1 / m if i >= n - m else 0.0 for i in range(n))


def _decaying_weights(calculation: Calculation, n: int) -> tuple[float, ...]:
    """The weights of the two decaying averages, unrolled from their recurrences."""
    w, rest = decay_factors(_weight(calculation))
    if calculation.method is M.DECAYING_AVERAGE:
        if n == 1:
            return (1.0,)
        return tuple(w if i == n - 1 else rest / (n - 1) for i in range(n))
    # d_n = (1-w)^(n-1)·x_1 + Σ_{k≥2} w·(1-w)^(n-k)·x_k
    return tuple(rest ** (n - 1) if k == 1 else w * rest ** (n - k) for k in range(1, n + 1))


def running_total(xs: Sequence[float]) -> float:
    """Left-to-right float sum, the same operations as a running total kept incrementally."""
    total = 0.0
    for x in xs:
        total += x
    return total


def median_of_sorted(ordered: Sequence[float]) -> float:
    """The middle value, or the mean of the two middle values."""
    n = len(ordered)
    middle = n // 2
    return ordered[middle] if n % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def mode_floors(scale: Scale) -> tuple[float, ...]:
    """Values a score is floored to for mode: 0 (below the lowest level) and each level."""
    return scale.values if scale.lowest <= 0 else (0.0, *scale.values)


def floor_index(floors: Sequence[float], x: float) -> int:
    """The index of the greatest floor at or below x (x ≥ 0, floors[0] ≤ 0)."""
    i = len(floors) - 1
    while floors[i] > x:
        i -= 1
    return i


def mode_of(
    floors: Sequence[float],
    tallies: Sequence[int],
    last_seen: Sequence[int],
    tie: ModeTie = ModeTie.MOST_RECENT,
) -> float:
    """The most frequent floored value; a tie goes to the one seen most recently, or to the
    higher or lower value (floors ascend, so the index orders them)."""
    if tie is ModeTie.HIGHEST:
        best = max(range(len(floors)), key=lambda i: (tallies[i], i))
    elif tie is ModeTie.LOWEST:
        best = max(range(len(floors)), key=lambda i: (tallies[i], -i))
    else:
        best = max(range(len(floors)), key=lambda i: (tallies[i], last_seen[i]))
    return floors[best]


class PowerLawSums:
    """Running sums for the least-squares fit ln x = ln a + b·ln k, k = 1…n."""

    __slots__ = ("count", "s_lk", "s_lk2", "s_lklx", "s_lx")

    def __init__(
        self,
        count: int = 0,
        s_lk: float = 0.0,
        s_lk2: float = 0.0,
        s_lx: float = 0.0,
        s_lklx: float = 0.0,
    ) -> None:
        self.count, self.s_lk, self.s_lk2, self.s_lx, self.s_lklx = count, s_lk, s_lk2, s_lx, s_lklx

    def add(self, x: float) -> PowerLawSums:
        """The sums with one more score."""
        lk = math.log(self.count + 1)
        lx = math.log(max(x, POWER_LAW_FLOOR))
        return PowerLawSums(
            self.count + 1,
            self.s_lk + lk,
            self.s_lk2 + lk * lk,
            self.s_lx + lx,
            self.s_lklx + lk * lx,
        )

    def value(self, first: float, highest: float) -> float | None:
        """a·nᵇ clamped to [0, highest]; the first score itself when n = 1."""
        n = self.count
        if n == 0:
            return None
        if n == 1:
            return first
        b = (n * self.s_lklx - self.s_lk * self.s_lx) / (n * self.s_lk2 - self.s_lk * self.s_lk)
        ln_a = (self.s_lx - b * self.s_lk) / n
        exponent = ln_a + b * math.log(n)
        # Clamp before exp: a steep fit on a scale with huge values must not overflow.
        return highest if exponent >= math.log(highest) else math.exp(exponent)


def _weight(calculation: Calculation) -> float:
    assert calculation.weight is not None  # Calculation fills the default
    return calculation.weight


def _n(calculation: Calculation) -> int:
    assert calculation.n is not None  # Calculation fills the default
    return calculation.n
