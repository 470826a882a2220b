"""Pacing forecasts: when a student should master a competency at the current rate.

The rule (docs/decisions/0052-pacing-forecasts.md): the latest WINDOW counted results, each its
score on the scale (as the decision counts it), are fitted by ordinary least squares against
time in days: score = a + b·t. The expected date is when that line reaches the scale's mastery
threshold T: t* = t̄ + (T - ȳ)/b. Its interval is Fieller's (the inverse of the line's
CONFIDENCE band): the days t where |a + b·t - T| ≤ q·s·√(1/n + (t - t̄)²/Sₜₜ), q the Student-t
quantile with n - 2 degrees of freedom. That set is a finite interval exactly when the slope is
significantly above 0 (b > q·se(b)); otherwise there is no date to claim.

No date, with the reason, when: fewer than MIN_RESULTS counted results; all on one day; the
slope is not clearly above 0 (flat, falling, or too noisy to tell); the interval's later end
lies beyond HORIZON_DAYS from now. A trend already at the threshold (mastery waits on the
method: more results, an average catching up) gives today, clamped so no date is in the past.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from statistics import NormalDist

from app.domain.evidence import Evidence, counted_in_order, counted_score
from app.domain.frameworks import MasteryPolicy
from app.domain.mastery.decision import masters
from app.domain.mastery.weighting import add_result, start_for

MIN_RESULTS = 3  # two points always fit a line exactly: a third is the first check of it
WINDOW = 10  # "the current rate": the latest results, not a whole year's history
HORIZON_DAYS = 730  # beyond two years a straight line says nothing about a school term
CONFIDENCE = 0.80  # the interval's two-sided level; back-tested in docs/forecast-backtest.md
_DAY = 86400.0

# Student's t 0.90 quantiles (two-sided 80 %) for 1…30 degrees of freedom, from the standard
# tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2); beyond, the Cornish-Fisher expansion.
_T90 = (
    3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372,
    1.363, 1.356, 1.350, 1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325,
    1.323, 1.321, 1.319, 1.318, 1.316, 1.315, 1.314, 1.313, 1.311, 1.310,
)  # fmt: skip


class NoForecast(StrEnum):
    """Why no date is claimed."""

    NOT_ENOUGH_RESULTS = "not_enough_results"
    ONE_DAY = "all_results_on_one_day"
    NOT_RISING = "trend_not_rising"
    TOO_FAR = "beyond_horizon"
    ROLLED_UP = "rolled_up"  # decided from its children: their forecasts are the answer
    OVERRIDDEN = "overridden"  # a teacher's decision holds whatever the results say


REASON_WORDS = {
    NoForecast.NOT_ENOUGH_RESULTS: f"fewer than {MIN_RESULTS} counted results",
    NoForecast.ONE_DAY: "every counted result is from one day",
    NoForecast.NOT_RISING: "the results are not clearly rising",
    NoForecast.TOO_FAR: "at this rate, not within two years",
    NoForecast.ROLLED_UP: "decided from its children",
    NoForecast.OVERRIDDEN: "a teacher's override holds",
}


@dataclass(frozen=True)
class Point:
    """One counted result: when it was observed and its score on the scale."""

    observed_at: datetime
    score: float


@dataclass(frozen=True)
class Forecast:
    """A date with its interval, or none with the reason; `results` is how many were fitted."""

    expected: date | None
    earliest: date | None
    latest: date | None
    reason: NoForecast | None
    results: int
    slope_per_week: float | None = None

    @classmethod
    def none(cls, reason: NoForecast, results: int = 0) -> Forecast:
        return cls(None, None, None, reason, results)

    def on_track(self, by: date) -> bool:
        """Whether the forecast says mastery by `by`: a date, and at the latest on `by`."""
        return self.expected is not None and self.expected <= by


def t_quantile(df: int) -> float:
    """Student's t 0.90 quantile with `df` ≥ 1 degrees of freedom."""
    if df <= len(_T90):
        return _T90[df - 1]
    z = NormalDist().inv_cdf(0.90)
    # Cornish-Fisher (Abramowitz & Stegun 26.7.5), first two terms: within 1e-4 from df 30.
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


Line = Callable[[float], float]
"""The fitted trend: score at a day counted from now."""
Mastering = Callable[[Line, float], float | None]  # the crossing helps a rule skip ahead
"""Given the trend and the day it reaches the threshold: the day mastery follows, or None."""


def forecast(
    points: Sequence[Point], threshold: float, now: datetime, mastering: Mastering | None = None
) -> Forecast:
    """The expected date the trend of `points` reaches `threshold`, seen at `now`; with
    `mastering`, shifted (interval too) by the lag from the crossing to mastery that it finds."""
    recent = sorted(points, key=lambda p: p.observed_at)[-WINDOW:]
    n = len(recent)
    if n < MIN_RESULTS:
        return Forecast.none(NoForecast.NOT_ENOUGH_RESULTS, n)
    origin = recent[0].observed_at
    ts = [(p.observed_at - origin).total_seconds() / _DAY for p in recent]
    ys = [p.score for p in recent]
    t_mean = math.fsum(ts) / n
    y_mean = math.fsum(ys) / n
    s_tt = math.fsum((t - t_mean) ** 2 for t in ts)
    if max(ts) - min(ts) < 1.0:
        return Forecast.none(NoForecast.ONE_DAY, n)
    b = math.fsum((t - t_mean) * (y - y_mean) for t, y in zip(ts, ys, strict=True)) / s_tt
    sse = math.fsum((y - y_mean - b * (t - t_mean)) ** 2 for t, y in zip(ts, ys, strict=True))
    s2 = sse / (n - 2)
    q = t_quantile(n - 2)
    # Fieller: with u = t - t̄ and d = T - ȳ, (b·u - d)² ≤ q²s²(1/n + u²/Sₜₜ) is
    # A·u² - 2·b·d·u + C ≤ 0 with A = b² - q²·s²/Sₜₜ and C = d² - q²·s²/n.
    a_coef = b * b - q * q * s2 / s_tt
    if b <= 0 or a_coef <= 0 or not math.isfinite(a_coef):
        return Forecast.none(NoForecast.NOT_RISING, n)
    d = threshold - y_mean
    c_coef = d * d - q * q * s2 / n
    root = math.sqrt(max(b * b * d * d - a_coef * c_coef, 0.0))
    u_low, u_high = (b * d - root) / a_coef, (b * d + root) / a_coef
    u_star = d / b
    start = (origin - now).total_seconds() / _DAY + t_mean  # t̄ in days from now
    lag = 0.0
    if start + u_star > HORIZON_DAYS:
        return Forecast.none(NoForecast.TOO_FAR, n)
    if mastering is not None:
        mastered = mastering(lambda day: y_mean + b * (day - start), start + u_star)
        if mastered is None:
            return Forecast.none(NoForecast.TOO_FAR, n)
        lag = mastered - (start + u_star)
    expected, earliest, latest = (max(start + u + lag, 0.0) for u in (u_star, u_low, u_high))
    if latest > HORIZON_DAYS:
        return Forecast.none(NoForecast.TOO_FAR, n)
    return Forecast(
        _day(now, expected), _day(now, earliest), _day(now, latest), None, n, round(b * 7, 4)
    )


def _day(now: datetime, days_ahead: float) -> date:
    """The calendar day (of `now`'s time zone) that many days after `now`."""
    return (now + timedelta(days=days_ahead)).date()


def competency_forecast(
    policy: MasteryPolicy,
    evidences: Iterable[Evidence],
    now: datetime,
    *,
    rolled_up: bool = False,
    overridden: bool = False,
) -> Forecast:
    """The forecast of one competency not yet mastered, from its whole evidence history: the
    results the decision counts, each its score on the scale as the decision counts it."""
    if overridden:
        return Forecast.none(NoForecast.OVERRIDDEN)
    if rolled_up:
        return Forecast.none(NoForecast.ROLLED_UP)
    counted = counted_in_order(evidences, policy, now)
    points = [Point(e.observed_at, counted_score(e, policy)) for e in counted]

    def mastering(line: Line, crossing: float) -> float | None:
        return _method_catches_up(policy, counted, now, line)

    return forecast(points, policy.scale.mastery_threshold, now, mastering)


def _method_catches_up(
    policy: MasteryPolicy, counted: Sequence[Evidence], now: datetime, line: Line
) -> float | None:
    """The day (from now) the decision becomes mastered if results go on coming at the
    student's pace (the median gap of the latest results), each on the trend: the method's lag
    (a decaying average catching up, min_evidence) added to the trend's crossing. None when
    not within the horizon."""
    recent = counted[-WINDOW:]
    gaps = sorted(
        (b.observed_at - a.observed_at).total_seconds() / _DAY
        for a, b in itertools.pairwise(recent)
    )
    pace = max(gaps[len(gaps) // 2], 1.0)
    last = recent[-1]
    day = (last.observed_at - now).total_seconds() / _DAY
    state = start_for(policy)
    for e in counted:
        state = add_result(state, e, policy)
    count, highest = len(counted), float(policy.scale.highest)
    while day <= HORIZON_DAYS:
        day += pace
        score = min(max(line(day), 0.0), highest)
        step = replace(last, score=score, max_score=None, mark=None, comment=None)
        state = add_result(state, step, policy)
        count += 1
        if masters(policy, count, state.score()):
            return day
    return None
