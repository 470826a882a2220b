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
from dataclasses import fields
from typing import Any

from app.domain.frameworks import Calculation, CalculationMethod
from app.domain.mastery.methods import mode_floors
from app.domain.mastery.series_counts import ModeState, NMasteryState
from app.domain.mastery.series_state import SeriesState
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
    "AverageState",
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
    if method is M.LATEST:
        return LatestState(0)
    if method is M.HIGHEST:
        return HighestState(0)
    if method is M.AVERAGE:
        return AverageState(0)
    if method is M.MEDIAN:
        return MedianState(0)
    if method is M.MOST_RECENT_AVERAGE:
        assert calculation.n is not None
        return RecentAverageState(0, calculation.n)
    if method is M.DECAYING_AVERAGE:
        assert calculation.weight is not None
        return DecayingState(0, calculation.weight)
    if method is M.STANDARD_DECAYING_AVERAGE:
        assert calculation.weight is not None
        return StandardDecayingState(0, calculation.weight)
    if method is M.N_MASTERY:
        assert calculation.n is not None
        return NMasteryState(0, calculation.n, scale.mastery_threshold)
    if method is M.POWER_LAW:
        return PowerLawState(0, scale.highest)
    floors = mode_floors(scale)
    return ModeState(0, floors, (0,) * len(floors), (0,) * len(floors))


def series_from_dict(data: Mapping[str, object]) -> SeriesState:
    """Rebuild a state from `to_dict`'s output (for instance after a JSON round trip)."""
    kind = _STATES[CalculationMethod(str(data["method"]))]
    values: dict[str, Any] = {
        f.name: tuple(v) if isinstance(v := data[f.name], list) else v for f in fields(kind)
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
    )
}
