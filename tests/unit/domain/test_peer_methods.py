"""The methods other gradebooks use, on their own published examples, and against independent
references written here from their published definitions (not from app code).

Sources:
- Canvas: spec/lib/outcomes/result_analytics_spec.rb ("#mastery calculation"; results listed
  newest first there, oldest first here), app/models/rollup_score.rb (the formulas), and the
  issue's [1, 2, 3, 4, 5] at 65 (Canvas's decaying_average 4.125 -> 4.13). Canvas's default
  rubric criterion is 5 points with mastery at 3: the scale 0..5, threshold 3.
- Infinite Campus's "mode of the last 3/5" and MasteryConnect's higher-on-a-tie mode, as the
  issue quotes them; Empower's best fit and Ascender's higher of average and power law.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    Level,
    MasteryPolicy,
    ModeTie,
    Scale,
)
from app.domain.mastery.decision import MasteryStatus, decide
from app.domain.mastery.methods import score_series

from .builders import series_evidence
from .test_canvas_rounding import ruby_round_2

M = CalculationMethod
S = MasteryStatus
CANVAS = Scale(tuple(Level(v, f"{v} points") for v in range(6)), 3)
ONE_TO_FOUR = Scale(tuple(Level(v, f"L{v}") for v in range(1, 5)), 3)


def canvas(method: M, **params: object) -> MasteryPolicy:
    return MasteryPolicy(CANVAS, Calculation(method, **params))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("policy", "scores", "status", "score"),
    [
        # decaying average, calc_int 75: 4 newest, 3, 1, 5 before: .75*4 + .25*3 = 3.75
        (canvas(M.DECAYING_AVERAGE, weight=0.75), [3, 1, 5, 4], S.MASTERED, 3.75),
        (canvas(M.DECAYING_AVERAGE, weight=0.75), [3], S.MASTERED, 3.0),
        # calc_int 65, 3 newest, 2 before: .65*3 + .35*2 = 2.65
        (canvas(M.DECAYING_AVERAGE, weight=0.65), [2, 3], S.NOT_YET, 2.65),
        (canvas(M.DECAYING_AVERAGE, weight=0.65), [2.123], S.NOT_YET, 2.12),
        # "correctly handles users with the same name": .65*4 + .35*5, .65*2 + .35*3
        (canvas(M.DECAYING_AVERAGE), [5, 4], S.MASTERED, 4.35),
        (canvas(M.DECAYING_AVERAGE), [3, 2], S.NOT_YET, 2.35),
        # The issue: .65*5 + .35*mean(1, 2, 3, 4) = 4.125 -> 4.13 in Canvas
        (canvas(M.DECAYING_AVERAGE), [1, 2, 3, 4, 5], S.MASTERED, 4.13),
        # ... and the recursive one, what `decaying_average` was here (the 4.47):
        # 1; 1.65; 2.5275; 3.484625; .35*3.484625 + .65*5 = 4.46961875
        (canvas(M.STANDARD_DECAYING_AVERAGE), [1, 2, 3, 4, 5], S.MASTERED, 4.47),
        # n_mastery, calc_int 3: [nil, nil, 3.75, nil, 3.0, 3.5] and the rounding case 3.33
        (canvas(M.N_MASTERY, n=3), [3, 1], S.INSUFFICIENT_EVIDENCE, None),
        (canvas(M.N_MASTERY, n=3), [3, 1, 2], S.INSUFFICIENT_EVIDENCE, None),
        (canvas(M.N_MASTERY, n=3), [4, 5, 1, 3, 2, 3], S.MASTERED, 3.75),  # (4+5+3+3)/4
        (canvas(M.N_MASTERY, n=1), [1, 2], S.INSUFFICIENT_EVIDENCE, None),
        (canvas(M.N_MASTERY, n=1), [1, 2, 3], S.MASTERED, 3.0),
        (canvas(M.N_MASTERY, n=1), [1, 2, 3, 4], S.MASTERED, 3.5),
        (canvas(M.N_MASTERY, n=3), [3, 4, 3], S.MASTERED, 3.33),  # 10/3
        (canvas(M.HIGHEST), [3, 1], S.MASTERED, 3.0),
    ],
)
def test_canvas_published_examples(
    policy: MasteryPolicy, scores: list[float], status: S, score: float | None
) -> None:
    decision = decide(policy, series_evidence(scores))
    assert (decision.status, decision.score) == (status, score)


def on_one_to_four(method: M, scores: list[float], **params: object) -> float | None:
    calculation = Calculation(method, **params)  # type: ignore[arg-type]
    return score_series(calculation, [float(x) for x in scores], ONE_TO_FOUR)


@pytest.mark.parametrize(
    ("params", "scores", "expected"),
    [
        ({"n": 3}, [1, 1, 1, 3, 3], 3.0),  # Infinite Campus, last 3: 1 3 3
        ({}, [1, 1, 1, 3, 3], 1.0),  # every result: 1 three times
        ({"n": 5}, [4, 1, 1, 1, 3, 3], 1.0),  # last 5: 1 1 1 3 3
        ({"tie": ModeTie.HIGHEST}, [4, 4, 3, 3], 4.0),  # MasteryConnect: the higher
        ({"tie": ModeTie.MOST_RECENT}, [4, 4, 3, 3], 3.0),  # seen last
        ({"tie": ModeTie.LOWEST}, [3, 3, 4, 4], 3.0),
        ({"n": 2, "tie": ModeTie.HIGHEST}, [1, 1, 1, 2, 4], 4.0),  # last 2: 2 4
    ],
)
def test_mode_windows_and_ties(
    params: dict[str, object], scores: list[float], expected: float
) -> None:
    assert on_one_to_four(M.MODE, scores, **params) == expected


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([1, 2, 3, 4], 4.0),  # a line fits exactly (squared error 0): its value at k = 4
        ([4, 3, 2, 1], 1.0),  # falling exactly
        ([3, 3, 3], 3.0),  # every fit is 3: the average, first in the tie order
        # 2·k^0.5 is a power law exactly: the power fit's value at k = 4 is 2·2 = 4
        ([2 * math.sqrt(k) for k in range(1, 5)], 4.0),
        ([2.5], 2.5),  # one result: that result
    ],
)
def test_best_fit_hand_worked(scores: list[float], expected: float) -> None:
    assert on_one_to_four(M.BEST_FIT, scores) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("scores", "rounded"),
    [
        ([1, 3, 2, 4], 3.66),  # power law 3.66 (the example) over the average 2.5
        ([4, 3, 2, 1], 2.5),  # power law 1.28 (the example) under the average 2.5
    ],
)
def test_max_of_average_and_power_law(scores: list[float], rounded: float) -> None:
    result = on_one_to_four(M.MAX_OF_AVERAGE_AND_POWER_LAW, scores)
    assert result is not None
    assert ruby_round_2(result) == rounded


# Scores in quarter points: exact in binary, so every order of summing gives the same mean.
QUARTERS = st.lists(st.integers(0, 20).map(lambda q: q / 4), min_size=1, max_size=15)
PERCENTS = st.integers(1, 99)


@given(QUARTERS, PERCENTS)
def test_decaying_average_is_canvas_bit_for_bit(scores: list[float], p: int) -> None:
    # rollup_score.rb decaying_average_set: latest·(0.01·w) + mean(older)·(0.01·(100 - w))
    latest, older = scores[-1], scores[:-1]
    canvas_score = (
        latest * (0.01 * p) + (math.fsum(older) / len(older)) * (0.01 * (100 - p))
        if older
        else latest
    )
    decision = decide(canvas(M.DECAYING_AVERAGE, weight=p / 100), series_evidence(scores))
    assert decision.score == ruby_round_2(canvas_score)


@given(QUARTERS, PERCENTS)
def test_standard_decaying_average_is_canvas_bit_for_bit(scores: list[float], p: int) -> None:
    # rollup_score.rb standard_decaying_average: d·(0.01·(100 - rate)) + x·(0.01·rate)
    d = scores[0]
    for x in scores[1:]:
        d = (d * (0.01 * (100 - p))) + (x * (0.01 * p))
    policy = canvas(M.STANDARD_DECAYING_AVERAGE, weight=p / 100)
    assert decide(policy, series_evidence(scores)).score == ruby_round_2(d)


@given(
    st.lists(st.floats(0, 4), min_size=1, max_size=15),
    st.none() | st.integers(1, 6),
    st.sampled_from(list(ModeTie)),
)
def test_mode_matches_a_counter(scores: list[float], n: int | None, tie: ModeTie) -> None:
    window = scores[-n:] if n else scores
    levels = [max(v for v in (0.0, 1.0, 2.0, 3.0, 4.0) if v <= x) for x in window]
    counts = Counter(levels)
    top = max(counts.values())
    tied = [v for v in counts if counts[v] == top]
    expected = {
        ModeTie.HIGHEST: max(tied),
        ModeTie.LOWEST: min(tied),
        ModeTie.MOST_RECENT: next(v for v in reversed(levels) if v in tied),
    }[tie]
    assert on_one_to_four(M.MODE, scores, n=n, tie=tie) == expected


def reference_fits(xs: list[float]) -> dict[str, tuple[float, float]]:
    """Each trend's (sum of squared errors, value at the latest result), by
    statistics.linear_regression (the power law on logs, scores below 0.01 taken as 0.01)."""
    n, ks = len(xs), list(range(1, len(xs) + 1))
    mean = statistics.fmean(xs)
    slope, intercept = statistics.linear_regression(ks, xs)
    b, ln_a = statistics.linear_regression(
        [math.log(k) for k in ks], [math.log(max(x, 0.01)) for x in xs]
    )

    def sse(f: object) -> float:
        return math.fsum((x - f(k)) ** 2 for k, x in zip(ks, xs, strict=True))  # type: ignore[operator]

    return {
        "average": (sse(lambda _k: mean), mean),
        "linear": (sse(lambda k: intercept + slope * k), intercept + slope * n),
        "power_law": (sse(lambda k: math.exp(ln_a) * k**b), math.exp(ln_a) * n**b),
    }


@given(st.lists(st.floats(0, 4), min_size=2, max_size=12))
def test_best_fit_keeps_a_least_squared_error_fit(xs: list[float]) -> None:
    fits = reference_fits(xs)
    least = min(sse for sse, _ in fits.values())
    result = on_one_to_four(M.BEST_FIT, xs)
    assert result is not None
    # The score is the clamped value of a fit whose error is the least (up to rounding).
    close = [
        min(max(value, 0.0), 4.0)
        for sse, value in fits.values()
        if sse <= least + 1e-9 * (1 + least)
    ]
    assert any(result == pytest.approx(v, rel=1e-7, abs=1e-7) for v in close)


@given(st.lists(st.floats(0, 4), min_size=2, max_size=12))
def test_max_of_average_and_power_law_matches_the_reference(xs: list[float]) -> None:
    fits = reference_fits(xs)
    expected = max(statistics.fmean(xs), min(fits["power_law"][1], 4.0))
    result = on_one_to_four(M.MAX_OF_AVERAGE_AND_POWER_LAW, xs)
    assert result == pytest.approx(expected, rel=1e-9, abs=1e-9)
