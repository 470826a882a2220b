"""Trend fits: best_fit (Empower's "best fit") and max_of_average_and_power_law (Ascender's
"higher of average and power law").

best_fit fits three trends to the series by least squares, each against the result's number
k = 1…n: the average (a constant), a line a + b·k, and the power law a·kᵇ (fitted on logs, as
`power_law` is). It keeps the one whose sum of squared errors against the observed scores is
smallest; equal sums go to the simpler fit, in the order average, linear, power law. The score
is the kept fit's value at the latest result, clamped to [0, highest].
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.mastery.methods import PowerLawSums, running_total


class Trend(StrEnum):
    """The trends best_fit chooses among, in the order that breaks a tie."""

    AVERAGE = "average"
    LINEAR = "linear"
    POWER_LAW = "power_law"


@dataclass(frozen=True)
class Fit:
    """A fitted trend: value(k) = intercept + slope·k (average, linear) or
    intercept·k^slope (power law); `sse` is its sum of squared errors."""

    trend: Trend
    intercept: float
    slope: float
    sse: float

    def value_at(self, k: int) -> float:
        """The trend's value at result number k."""
        if self.trend is Trend.POWER_LAW:
            return self.intercept * math.pow(k, self.slope)
        return self.intercept + self.slope * k


def fits(xs: Sequence[float]) -> tuple[Fit, Fit, Fit]:
    """The average, linear and power-law fits of a non-empty series."""
    n = len(xs)
    mean = running_total(xs) / n
    average = _with_sse(Trend.AVERAGE, mean, 0.0, xs)
    if n == 1:
        # One point: every trend is that point.
        return average, _with_sse(Trend.LINEAR, mean, 0.0, xs), _power(xs[0], 0.0, xs)
    k_mean = (n + 1) / 2
    s_kk = running_total([(k - k_mean) ** 2 for k in range(1, n + 1)])
    s_kx = running_total([(k - k_mean) * (x - mean) for k, x in enumerate(xs, start=1)])
    slope = s_kx / s_kk
    linear = _with_sse(Trend.LINEAR, mean - slope * k_mean, slope, xs)
    sums = PowerLawSums()
    for x in xs:
        sums = sums.add(x)
    b = (n * sums.s_lklx - sums.s_lk * sums.s_lx) / (n * sums.s_lk2 - sums.s_lk * sums.s_lk)
    ln_a = (sums.s_lx - b * sums.s_lk) / n
    # exp of a huge ln a would overflow; such a fit is far from any score on a scale anyway.
    return average, linear, _power(math.exp(min(ln_a, 700.0)), b, xs)


def best_fit(xs: Sequence[float]) -> Fit:
    """The fit with the least sum of squared errors (ties: average, linear, power law)."""
    order = list(Trend)
    return min(fits(xs), key=lambda f: (f.sse, order.index(f.trend)))


def best_fit_score(xs: Sequence[float], highest: float) -> float | None:
    """The best fit's value at the latest result, clamped to [0, highest]."""
    if not xs:
        return None
    return _clamped(best_fit(xs).value_at(len(xs)), highest)


def _with_sse(trend: Trend, intercept: float, slope: float, xs: Sequence[float]) -> Fit:
    fit = Fit(trend, intercept, slope, 0.0)
    sse = running_total([(x - fit.value_at(k)) ** 2 for k, x in enumerate(xs, start=1)])
    return Fit(trend, intercept, slope, sse)


def _power(a: float, b: float, xs: Sequence[float]) -> Fit:
    try:
        return _with_sse(Trend.POWER_LAW, a, b, xs)
    except OverflowError:
        return Fit(Trend.POWER_LAW, a, b, math.inf)


def _clamped(value: float, highest: float) -> float:
    return min(max(value, 0.0), highest)
