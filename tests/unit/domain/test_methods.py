import math
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.frameworks import DEFAULT_SCALE, Calculation, CalculationMethod, Level, Scale
from app.domain.mastery.decision import round_score
from app.domain.mastery.methods import score_series, weights

from .builders import calculations, scales, scores_on

M = CalculationMethod
SERIES = [1.0, 3.0, 2.0, 4.0]


def score(
    method: M, xs: list[float], scale: Scale = DEFAULT_SCALE, **params: float
) -> float | None:
    return score_series(Calculation(method, **params), xs, scale)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("method", "params", "xs", "expected"),
    [
        (M.LATEST, {}, SERIES, 4.0),
        (M.HIGHEST, {}, SERIES, 4.0),
        (M.AVERAGE, {}, SERIES, 2.5),  # 10 / 4
        (M.MEDIAN, {}, SERIES, 2.5),  # sorted 1 2 3 4: (2 + 3) / 2
        (M.MEDIAN, {}, [3.0, 1.0, 2.0], 2.0),  # sorted 1 2 3: the middle
        (M.MOST_RECENT_AVERAGE, {"n": 3}, SERIES, 3.0),  # (3 + 2 + 4) / 3
        (M.MOST_RECENT_AVERAGE, {"n": 5}, SERIES, 2.5),  # fewer than n: all of them
        # d1 = 1; d2 = .65*3 + .35*1 = 2.3; d3 = .65*2 + .35*2.3 = 2.105;
        # d4 = .65*4 + .35*2.105 = 2.6 + 0.73675 = 3.33675
        (M.STANDARD_DECAYING_AVERAGE, {"weight": 0.65}, SERIES, 3.33675),
        (M.STANDARD_DECAYING_AVERAGE, {"weight": 0.5}, [2.0, 4.0], 3.0),  # .5*4 + .5*2
        # .65*4 + .35 * mean(1, 3, 2) = 2.6 + .35*2 = 3.3
        (M.DECAYING_AVERAGE, {"weight": 0.65}, SERIES, 3.3),
        (M.DECAYING_AVERAGE, {"weight": 0.65}, [2.0], 2.0),
        (M.N_MASTERY, {"n": 2}, SERIES, 3.5),  # 3 and 4 reach 3: (3 + 4) / 2
        (M.N_MASTERY, {"n": 3}, SERIES, None),  # only 2 reach the threshold
        (M.N_MASTERY, {"n": 1}, [2.9], None),
        (M.POWER_LAW, {}, [2.5], 2.5),  # n = 1: the score itself
        (M.MODE, {}, SERIES, 4.0),  # every level once: the most recent wins
        (M.MODE, {}, [3.0, 3.5, 2.0, 2.4], 2.0),  # floors 3 3 2 2: tie, 2 is more recent
        (M.MODE, {}, [3.7, 3.2, 1.0], 3.0),  # floors 3 3 1
        (M.MODE, {}, [0.5, 0.3, 2.0], 0.0),  # below the lowest level floors to 0
    ],
)
def test_methods_on_hand_worked_series(
    method: M, params: dict[str, float], xs: list[float], expected: float | None
) -> None:
    result = score(method, xs, **params)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("method", list(M))
def test_an_empty_series_has_no_score(method: M) -> None:
    assert score(method, []) is None


@pytest.mark.parametrize(
    ("xs", "expected"),
    [([1, 3, 2, 4], 3.66), ([2, 4, 1, 3], 2.16), ([4, 3, 2, 1], 1.28)],
)
def test_power_law_examples_from_the_issue(xs: list[float], expected: float) -> None:
    unrounded = score(M.POWER_LAW, [float(x) for x in xs])
    assert unrounded is not None
    assert round_score(unrounded) == expected


def independent_power_law(xs: list[float], highest: float) -> float:
    """Least squares of ln x on ln k by statistics.linear_regression, then a * n ** b."""
    if len(xs) == 1:
        return xs[0]
    ks = [math.log(k) for k in range(1, len(xs) + 1)]
    ys = [math.log(max(x, 0.01)) for x in xs]
    slope, intercept = statistics.linear_regression(ks, ys)
    return min(math.exp(intercept) * len(xs) ** slope, highest)


@given(st.lists(st.floats(0, 4), min_size=1, max_size=30))
def test_power_law_matches_an_independent_least_squares_fit(xs: list[float]) -> None:
    result = score(M.POWER_LAW, xs)
    assert result == pytest.approx(independent_power_law(xs, 4.0), rel=1e-9, abs=1e-9)


def test_power_law_is_clamped_to_the_highest_value() -> None:
    # 1, 3, 4 rises steeply: the fit at k = 3 is about 4.39, above the highest value 4.
    xs = [1.0, 3.0, 4.0]
    assert independent_power_law(xs, math.inf) == pytest.approx(4.3859, abs=1e-4)
    assert score(M.POWER_LAW, xs) == 4.0


def test_power_law_on_a_scale_of_huge_values_does_not_overflow() -> None:
    # The fit's exponent at k = 3 is about 796, past exp's limit of about 709.
    scale = Scale((Level(1, "low"), Level(1e300, "huge")), 1)
    assert score(M.POWER_LAW, [0.0, 1e300, 1e300], scale) == 1e300


@pytest.mark.parametrize(
    ("method", "params", "xs", "expected"),
    [
        (M.LATEST, {}, SERIES, (0, 0, 0, 1)),
        (M.HIGHEST, {}, [4.0, 1.0, 4.0], (0, 0, 1)),  # the most recent of equal highs
        (M.AVERAGE, {}, SERIES, (0.25, 0.25, 0.25, 0.25)),
        (M.MEDIAN, {}, SERIES, (0, 0.5, 0.5, 0)),  # the 3 and the 2
        (M.MEDIAN, {}, [3.0, 1.0, 2.0], (0, 0, 1)),
        (M.MOST_RECENT_AVERAGE, {"n": 2}, SERIES, (0, 0, 0.5, 0.5)),
        # .35^3, .65*.35^2, .65*.35, .65
        (M.STANDARD_DECAYING_AVERAGE, {"weight": 0.65}, SERIES, (0.042875, 0.079625, 0.2275, 0.65)),
        # (1 - .65) / 3 for each earlier score, .65 for the newest
        (M.DECAYING_AVERAGE, {"weight": 0.65}, SERIES, (0.35 / 3,) * 3 + (0.65,)),
        (M.N_MASTERY, {"n": 2}, SERIES, (0, 0.5, 0, 0.5)),
    ],
)
def test_weights_of_weighted_sum_methods(
    method: M, params: dict[str, float], xs: list[float], expected: tuple[float, ...]
) -> None:
    result = weights(Calculation(method, **params), xs, DEFAULT_SCALE)  # type: ignore[arg-type]
    assert result == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize(
    "method", [M.POWER_LAW, M.MODE, M.BEST_FIT, M.MAX_OF_AVERAGE_AND_POWER_LAW]
)
def test_power_law_mode_and_the_fits_have_no_weights(method: M) -> None:
    assert weights(Calculation(method), SERIES, DEFAULT_SCALE) is None


def test_n_mastery_short_of_n_has_no_weights() -> None:
    assert weights(Calculation(M.N_MASTERY, n=3), SERIES, DEFAULT_SCALE) is None


@given(st.data())
def test_weights_sum_to_one_and_reproduce_the_score(data: st.DataObject) -> None:
    scale = data.draw(scales())
    calculation = data.draw(calculations())
    xs = data.draw(scores_on(scale, min_size=1, max_size=20))
    ws = weights(calculation, xs, scale)
    unrounded = score_series(calculation, xs, scale)
    if ws is None:
        not_sums = (M.POWER_LAW, M.MODE, M.BEST_FIT, M.MAX_OF_AVERAGE_AND_POWER_LAW)
        assert calculation.method in not_sums or unrounded is None
        return
    assert len(ws) == len(xs)
    assert all(w >= 0 for w in ws)
    assert math.fsum(ws) == pytest.approx(1.0, abs=1e-9)
    assert unrounded is not None
    assert math.fsum(w * x for w, x in zip(ws, xs, strict=True)) == pytest.approx(
        unrounded, rel=1e-9, abs=1e-9
    )


@given(st.data())
def test_every_score_lies_within_zero_and_the_highest_value(data: st.DataObject) -> None:
    scale = data.draw(scales())
    calculation = data.draw(calculations())
    xs = data.draw(scores_on(scale, min_size=1, max_size=25))
    result = score_series(calculation, xs, scale)
    if result is not None:
        assert 0 <= result <= scale.highest
        assert 0 <= round_score(result) <= scale.highest
