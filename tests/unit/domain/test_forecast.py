"""Pacing forecasts: dates worked out by hand, the reasons for no date, and the property that a
date is never claimed without enough evidence."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.evidence import Evidence, EvidenceKind
from app.domain.frameworks import MasteryPolicy
from app.domain.mastery.forecast import (
    HORIZON_DAYS,
    MIN_RESULTS,
    Forecast,
    NoForecast,
    Point,
    competency_forecast,
    forecast,
    t_quantile,
)

ORIGIN = datetime(2026, 10, 1, 12, tzinfo=UTC)


def pts(*pairs: tuple[float, float]) -> list[Point]:
    """(days after ORIGIN, score) pairs."""
    return [Point(ORIGIN + timedelta(days=d), s) for d, s in pairs]


def at(days: float) -> datetime:
    return ORIGIN + timedelta(days=days)


CASES = [
    pytest.param(
        # An exact line: b = 0.5/7 a day, t̄ = 7, ȳ = 1.5; t* = 7 + (3 - 1.5)/(0.5/7) = 28 days
        # after Oct 1 = Oct 29. No residual: the interval is the day itself.
        pts((0, 1.0), (7, 1.5), (14, 2.0)),
        at(14),
        Forecast(date(2026, 10, 29), date(2026, 10, 29), date(2026, 10, 29), None, 3, 0.5),
        id="exact-line",
    ),
    pytest.param(
        # t̄ = 10.5, ȳ = 1.9, Stt = 2·10.5² + 2·3.5² = 245, Sty = 2·(10.5·0.9) - 2·(3.5·0.1) =
        # 18.2, b = 18.2/245 = 0.0742857 a day (0.52 a week). Residuals -0.12, 0.36, -0.36,
        # 0.12: SSE = 0.288, s² = 0.144, q = t(2) = 1.886, q²s² = 0.512207.
        # t* = 10.5 + 1.1/b = 25.31 days: Oct 26 (19:23).
        # Fieller: A = b² - q²s²/Stt = 0.0055184 - 0.0020906 = 0.0034278;
        # C = 1.1² - q²s²/4 = 1.08195; √(b²d² - A·C) = √(0.0066772 - 0.0037087) = 0.054484;
        # u = (0.0817143 ∓ 0.054484)/A = 7.944 and 39.734, so t = 18.44 (before now, day 21:
        # clamped to now, Oct 22) and 50.23 (Nov 20, 17:31).
        pts((0, 1.0), (7, 2.0), (14, 1.8), (21, 2.8)),
        at(21),
        Forecast(date(2026, 10, 26), date(2026, 10, 22), date(2026, 11, 20), None, 4, 0.52),
        id="noisy-rise",
    ),
    pytest.param(
        # Already above the threshold on trend (b = 1/7 a day, 1 a week; t* = 7 + 0/b = day 7,
        # before now at day 14): mastery waits on the method; the date is today.
        pts((0, 2.0), (7, 3.0), (14, 4.0)),
        at(14),
        Forecast(date(2026, 10, 15), date(2026, 10, 15), date(2026, 10, 15), None, 3, 1.0),
        id="already-at-threshold",
    ),
    pytest.param(
        pts((0, 1.0), (7, 2.0)),
        at(7),
        Forecast.none(NoForecast.NOT_ENOUGH_RESULTS, 2),
        id="two-results",
    ),
    pytest.param(
        pts((0, 1.0), (0.2, 2.0), (0.4, 2.5)),
        at(1),
        Forecast.none(NoForecast.ONE_DAY, 3),
        id="one-day",
    ),
    pytest.param(
        pts((0, 3.0), (7, 2.5), (14, 2.0)),
        at(14),
        Forecast.none(NoForecast.NOT_RISING, 3),
        id="falling",
    ),
    pytest.param(
        # ȳ = 1.5, Sty = 5.25 - 1.75 - 1.75 + 5.25 = 7, b = 7/245 = 0.0286 a day > 0; residuals
        # -0.2, 0.6, -0.6, 0.2: SSE = 0.8, s² = 0.4, se(b) = √(0.4/245) = 0.0404, and
        # q·se = 1.886·0.0404 = 0.0762 > b: not clearly rising.
        pts((0, 1.0), (7, 2.0), (14, 1.0), (21, 2.0)),
        at(21),
        Forecast.none(NoForecast.NOT_RISING, 4),
        id="flat-noisy",
    ),
    pytest.param(
        # b = 0.01/7 a day: t* = 7 + (3 - 1.01)·700 = 1400 days after Oct 1, beyond two years.
        pts((0, 1.0), (7, 1.01), (14, 1.02)),
        at(14),
        Forecast.none(NoForecast.TOO_FAR, 3),
        id="too-far",
    ),
    pytest.param(
        # Only the latest 10 results count: two old high ones (4.0 on days -30 and -29) would
        # make the trend fall; without them, the exact line 0.2 + 0.25·k at k·7 days, k = 0…9.
        [
            Point(at(-30), 4.0),
            Point(at(-29), 4.0),
            *pts(*[(7.0 * k, 0.2 + 0.25 * k) for k in range(10)]),
        ],
        at(63),
        # b = 0.25/7 a day; t̄ = 31.5, ȳ = 0.2 + 0.25·4.5 = 1.325; t* = 31.5 + 1.675·28 = 78.4
        # days after Oct 1: Dec 18 (21:36).
        Forecast(date(2026, 12, 18), date(2026, 12, 18), date(2026, 12, 18), None, 10, 0.25),
        id="window-of-ten",
    ),
]


@pytest.mark.parametrize(("points", "now", "expected"), CASES)
def test_forecast_worked_by_hand(points: list[Point], now: datetime, expected: Forecast) -> None:
    assert forecast(points, 3.0, now) == expected


def test_t_quantiles_match_the_tables() -> None:
    # The table's ends, then the expansion against published 0.90 quantiles (40: 1.303,
    # 60: 1.296, 120: 1.289).
    assert t_quantile(1) == 3.078
    assert t_quantile(30) == 1.310
    assert t_quantile(40) == pytest.approx(1.303, abs=5e-4)
    assert t_quantile(60) == pytest.approx(1.296, abs=5e-4)
    assert t_quantile(120) == pytest.approx(1.289, abs=5e-4)


def _evidence(day: float, score: float, **kw: object) -> Evidence:
    return Evidence(
        id=f"e{day}",
        student_id="s1",
        competency_id="c1",
        score=score,
        max_score=4.0,
        observed_at=at(day),
        source="t",
        source_id=f"e{day}",
        **kw,  # type: ignore[arg-type]
    )


def test_competency_forecast_counts_what_the_decision_counts() -> None:
    policy = MasteryPolicy()  # the default scale: 1-4, threshold 3; formative not counted
    history = [
        _evidence(0, 1.0),
        _evidence(7, 1.5),
        _evidence(10, 4.0, kind=EvidenceKind.FORMATIVE),  # not counted
        _evidence(14, 2.0),
        _evidence(15, 4.0, voided_at=at(16)),  # voided: not counted
    ]
    found = competency_forecast(policy, history, at(14))
    # The exact line of the first case crosses 3 on day 28; the decision (standard decaying
    # average, 0.65) lags it. Results going on weekly on the line, 2.5, 3.0, 3.5 on days 21,
    # 28, 35: a = 1 → .65·1.5 + .35·1 = 1.325 → .65·2 + .35·1.325 = 1.764 → 2.242 (2.5) →
    # 2.735 (3.0) → .65·3.5 + .35·2.735 = 3.232 ≥ 3 on day 35: the lag is 7 days, Nov 5.
    assert (found.expected, found.earliest, found.latest) == (date(2026, 11, 5),) * 3
    assert competency_forecast(policy, history, at(14), overridden=True).reason is (
        NoForecast.OVERRIDDEN
    )
    assert competency_forecast(policy, history, at(14), rolled_up=True).reason is (
        NoForecast.ROLLED_UP
    )


points_strategy = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=200, allow_nan=False),
        st.floats(min_value=0, max_value=4, allow_nan=False),
    ),
    max_size=15,
)


@settings(max_examples=400, deadline=None)
@given(pairs=points_strategy, now_day=st.floats(min_value=0, max_value=400))
def test_never_a_date_without_enough_evidence(
    pairs: list[tuple[float, float]], now_day: float
) -> None:
    points = pts(*pairs)
    found = forecast(points, 3.0, at(now_day))
    recent = sorted(points, key=lambda p: p.observed_at)[-10:]
    if found.expected is None:
        assert found.earliest is None
        assert found.latest is None
        assert found.reason is not None
        return
    # A date: enough results over more than a day, a rising trend, an interval around it,
    # nothing in the past and nothing beyond the horizon.
    assert found.reason is None
    assert found.results == len(recent) >= MIN_RESULTS
    span = (recent[-1].observed_at - recent[0].observed_at).total_seconds() / 86400
    assert span >= 1.0
    assert found.slope_per_week is not None
    assert found.slope_per_week >= 0
    assert found.earliest is not None
    assert found.latest is not None
    today = at(now_day).date()
    assert today <= found.earliest <= found.expected <= found.latest
    assert found.latest <= (at(now_day) + timedelta(days=HORIZON_DAYS)).date()


@settings(max_examples=200, deadline=None)
@given(
    day=st.floats(min_value=0, max_value=200),
    scores=st.lists(st.floats(min_value=0, max_value=4), min_size=1, max_size=15),
)
def test_results_of_one_day_never_give_a_date(day: float, scores: list[float]) -> None:
    points = [Point(at(day) + timedelta(minutes=i), s) for i, s in enumerate(scores)]
    assert forecast(points, 3.0, at(day + 1)).expected is None


def test_the_teacher_page_says_the_forecast_in_words() -> None:
    from app.api.pages.lti.views import forecast_words

    dated = Forecast(date(2027, 1, 14), date(2026, 12, 18), date(2027, 2, 26), None, 5, 0.1)
    assert forecast_words(dated) == (
        "Expected 14 January 2027 (between 18 December 2026 and 26 February 2027)"
    )
    none = Forecast.none(NoForecast.NOT_RISING, 4)
    assert forecast_words(none) == "No date: the results are not clearly rising"


@settings(max_examples=200, deadline=None)
@given(pairs=points_strategy, now_day=st.floats(min_value=0, max_value=400))
def test_the_methods_lag_keeps_every_promise(
    pairs: list[tuple[float, float]], now_day: float
) -> None:
    # Through competency_forecast (the decision simulated on the trend), the same guarantees.
    history = [_evidence(d, s) for d, s in pairs]
    found = competency_forecast(
        MasteryPolicy(), history, at(max([now_day, *(d for d, _ in pairs)]))
    )
    if found.expected is None:
        assert found.reason is not None
        assert found.earliest is None
        assert found.latest is None
        return
    assert found.results >= MIN_RESULTS
    assert found.reason is None
    assert found.earliest is not None
    assert found.latest is not None
    assert found.earliest <= found.expected <= found.latest
