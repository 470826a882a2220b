"""Incremental series states: absorb one score at a time, give the same score as `score_series`.

A state is frozen and JSON-friendly (`to_dict`/`series_from_dict` use plain ints, floats and
lists), so storage keeps it beside the decision. Adding a score costs O(1) for every method
except most_recent_average (O(n), the window), mode (O(levels)) and median, which keeps the
sorted series (O(count) to copy; a median needs every score, unlike the others).
`score_after(x)` answers "the score with x added" without building the new state, which is
what the next score to master asks about a dozen times per decision.

This module picks a state for a calculation and rebuilds one from JSON; what a state is lies in
series_state, and the states by idea in series_summaries, series_weighted and series_counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.frameworks import Calculation, CalculationMethod, ModeTie
from app.domain.mastery.methods import mode_floors
from app.domain.mastery.series_counts import ModeState, NMasteryState
from app.domain.mastery.series_fits import AverageOrPowerLawState, BestFitState
from app.domain.mastery.series_state import SeriesState, field_names
from app.domain.mastery.series_summaries import (
    AverageState,
    HighestState,
    LatestState,
    MedianState,
    RecentAverageState,
)
from app.domain.mastery.series_weighted import (
    DecayingState,
    PowerLawState,
    StandardDecayingState,
)
from app.domain.scales import Scale

__all__ = [
    "AverageOrPowerLawState",
    "AverageState",
    "BestFitState",
    "DecayingState",
    "HighestState",
    "LatestState",
    "MedianState",
    "ModeState",
    "NMasteryState",
    "PowerLawState",
    "RecentAverageState",
    "SeriesState",
    "StandardDecayingState",
    "series_from_dict",
    "start_series",
]

M = CalculationMethod


def start_series(calculation: Calculation, scale: Scale) -> SeriesState:
    """An empty state for a calculation on a scale."""
    method = calculation.method
    if method in _PLAIN:
        return _PLAIN[method](0)
    if method in _ON_THE_HIGHEST:
        return _ON_THE_HIGHEST[method](0, scale.highest)
    if method is M.MOST_RECENT_AVERAGE:
        assert calculation.n is not None
        return RecentAverageState(0, calculation.n)
    if method in (M.DECAYING_AVERAGE, M.STANDARD_DECAYING_AVERAGE):
        assert calculation.weight is not None
        decaying = DecayingState if method is M.DECAYING_AVERAGE else StandardDecayingState
        return decaying(0, calculation.weight)
    if method is M.N_MASTERY:
        assert calculation.n is not None
        return NMasteryState(0, calculation.n, scale.mastery_threshold)
    floors = mode_floors(scale)
    tie = (calculation.tie or ModeTie.MOST_RECENT).value
    return ModeState(0, floors, (0,) * len(floors), (0,) * len(floors), tie, calculation.n)


# States that start from nothing but the method, and those that start from the scale's top.
_PLAIN: dict[CalculationMethod, type[LatestState | HighestState | AverageState | MedianState]] = {
    M.LATEST: LatestState,
    M.HIGHEST: HighestState,
    M.AVERAGE: AverageState,
    M.MEDIAN: MedianState,
}
_ON_THE_HIGHEST: dict[
    CalculationMethod, type[PowerLawState | BestFitState | AverageOrPowerLawState]
] = {
    M.POWER_LAW: PowerLawState,
    M.BEST_FIT: BestFitState,
    M.MAX_OF_AVERAGE_AND_POWER_LAW: AverageOrPowerLawState,
}


def series_from_dict(data: Mapping[str, object]) -> SeriesState:
    """Rebuild a state from `to_dict`'s output (for instance after a JSON round trip).

    A field a state's kind added later (`added_later`: mode's window and tie) takes its
    default when a state stored before lacks it; any other missing field is an error, not a
    silently wrong state."""
    kind = _STATES[CalculationMethod(str(data["method"]))]
    values: dict[str, Any] = {
        name: tuple(v) if isinstance(v := data[name], list) else v
        for name in field_names(kind)
        if name in data or name not in kind.added_later
    }
    return kind(**values)


_STATES: dict[CalculationMethod, type[SeriesState]] = {
    cls.method: cls
    for cls in (
        LatestState,
        HighestState,
        AverageState,
        MedianState,
        RecentAverageState,
        DecayingState,
        StandardDecayingState,
        NMasteryState,
        PowerLawState,
        ModeState,
        BestFitState,
        AverageOrPowerLawState,
    )
}
