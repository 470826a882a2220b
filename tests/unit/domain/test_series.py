import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.frameworks import DEFAULT_SCALE, Calculation, CalculationMethod, ModeTie
from app.domain.mastery.methods import score_series
from app.domain.mastery.series import SeriesState, series_from_dict, start_series

from .builders import calculations, scales, scores_on

M = CalculationMethod


@given(st.data())
def test_the_incremental_score_equals_the_full_computation_after_every_result(
    data: st.DataObject,
) -> None:
    scale = data.draw(scales())
    calculation = data.draw(calculations())
    xs = data.draw(scores_on(scale, max_size=25))
    state = start_series(calculation, scale)
    assert state.score() is None
    for i, x in enumerate(xs, start=1):
        state = state.add(x)
        assert state.count == i
        # Bit for bit, not approximately: the same operations in the same order.
        assert state.score() == score_series(calculation, xs[:i], scale)


@given(st.data())
def test_a_state_survives_a_json_round_trip_and_goes_on_alike(data: st.DataObject) -> None:
    scale = data.draw(scales())
    calculation = data.draw(calculations())
    xs = data.draw(scores_on(scale, max_size=12))
    more = data.draw(scores_on(scale, max_size=5))
    state: SeriesState = start_series(calculation, scale)
    for x in xs:
        state = state.add(x)
    stored = json.loads(json.dumps(state.to_dict()))
    restored = series_from_dict(stored)
    assert restored == state
    assert SeriesState.from_dict(stored) == state
    assert SeriesState.start(calculation, scale) == start_series(calculation, scale)
    assert restored.fits(calculation, scale)
    for x in more:
        state, restored = state.add(x), restored.add(x)
    assert restored == state
    assert restored.score() == score_series(calculation, xs + more, scale)


@given(st.data())
def test_score_after_is_the_score_of_the_state_with_one_more(data: st.DataObject) -> None:
    scale = data.draw(scales())
    calculation = data.draw(calculations())
    xs = data.draw(scores_on(scale, max_size=12))
    x = data.draw(scores_on(scale, min_size=1, max_size=1))[0]
    state = start_series(calculation, scale)
    for value in xs:
        state = state.add(value)
    assert state.score_after(x) == state.add(x).score()


def test_a_state_fits_only_the_policy_it_was_started_for() -> None:
    decaying = start_series(Calculation(M.STANDARD_DECAYING_AVERAGE, 0.65), DEFAULT_SCALE)
    assert decaying.fits(Calculation(M.STANDARD_DECAYING_AVERAGE, 0.65), DEFAULT_SCALE)
    assert not decaying.fits(Calculation(M.STANDARD_DECAYING_AVERAGE, 0.5), DEFAULT_SCALE)
    assert not decaying.fits(Calculation(M.AVERAGE), DEFAULT_SCALE)
    n_mastery = start_series(Calculation(M.N_MASTERY, n=2), DEFAULT_SCALE)
    assert not n_mastery.fits(Calculation(M.N_MASTERY, n=2), DEFAULT_SCALE.with_threshold(2.5))
    mode = start_series(Calculation(M.MODE), DEFAULT_SCALE)
    assert mode.fits(Calculation(M.MODE), DEFAULT_SCALE.with_threshold(2))


def test_state_json_holds_plain_numbers_and_lists() -> None:
    state = start_series(Calculation(M.MOST_RECENT_AVERAGE, n=2), DEFAULT_SCALE)
    for x in (1.0, 2.0, 4.0):
        state = state.add(x)
    assert state.to_dict() == {
        "method": "most_recent_average",
        "count": 3,
        "n": 2,
        "window": [2.0, 4.0],
    }
    mode = start_series(Calculation(M.MODE), DEFAULT_SCALE).add(3.5).add(0.5).add(3.0)
    assert mode.to_dict() == {
        "method": "mode",
        "count": 3,
        "floors": [0.0, 1, 2, 3, 4],
        "tallies": [1, 0, 0, 2, 0],
        "last_seen": [2, 0, 0, 3, 0],
        "tie": "most_recent",
        "window": None,
        "recent": [],
    }
    # Over the last 2: 3.5 left the window, so level 3 is seen once, and 0 once.
    last_two = start_series(Calculation(M.MODE, n=2, tie=ModeTie.HIGHEST), DEFAULT_SCALE)
    last_two = last_two.add(3.5).add(0.5).add(3.0)
    assert last_two.to_dict() == {
        "method": "mode",
        "count": 3,
        "floors": [0.0, 1, 2, 3, 4],
        "tallies": [1, 0, 0, 1, 0],
        "last_seen": [2, 0, 0, 3, 0],
        "tie": "highest",
        "window": 2,
        "recent": [0, 3],
    }
    # A mode state stored before the window and the tie rule reads as all results, most recent.
    old = {k: v for k, v in mode.to_dict().items() if k not in ("tie", "window", "recent")}
    assert series_from_dict(old) == mode
    # Any other missing field is an error: a recursive average's state read as Canvas's
    # decaying_average (no earlier_total) must not load as a wrong state.
    recursive = {"method": "decaying_average", "count": 1, "weight": 0.65, "value": 3.0}
    with pytest.raises(KeyError):
        series_from_dict(recursive)
