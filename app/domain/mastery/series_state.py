"""What every incremental series state is: a frozen, JSON-friendly summary of the scores
absorbed so far that gives the same score as `score_series` on the whole series, and answers
"the score with x added" (`score_after`) without building the new state.

The states themselves, one per calculation method, live beside it by idea: summaries of the
series (series_summaries), weighted towards the newest (series_weighted), and counts
(series_counts); `series.start_series` picks one."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from typing import ClassVar, Self

from app.domain.frameworks import Calculation, CalculationMethod
from app.domain.scales import Scale


@dataclass(frozen=True)
class SeriesState(ABC):
    """What a method needs to know of the scores absorbed so far (`count` of them)."""

    method: ClassVar[CalculationMethod]
    # Fields a stored state may lack, having been stored before they existed.
    added_later: ClassVar[frozenset[str]] = frozenset()
    count: int

    @abstractmethod
    def add(self, x: float) -> Self:
        """The state with one more normalised score, the newest."""

    @abstractmethod
    def score(self) -> float | None:
        """The unrounded score, equal to `score_series` on the whole series."""

    @abstractmethod
    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Whether this state was started for this calculation and scale."""

    def score_after(self, x: float) -> float | None:
        """The score if `x` were added; states override it to skip building the new state."""
        return self.add(x).score()

    @staticmethod
    def start(calculation: Calculation, scale: Scale) -> SeriesState:
        """An empty state for a calculation on a scale (`start_series`)."""
        # Imported here: the states are defined in modules that import this one.
        from app.domain.mastery.series import start_series

        return start_series(calculation, scale)

    @staticmethod
    def from_dict(data: Mapping[str, object]) -> SeriesState:
        """Rebuild a state from `to_dict`'s output (`series_from_dict`)."""
        from app.domain.mastery.series import series_from_dict

        return series_from_dict(data)

    def to_dict(self) -> dict[str, object]:
        """Plain JSON: {"method", "count", ...}; tuples become lists."""
        out: dict[str, object] = {"method": self.method.value}
        for name in field_names(type(self)):
            value = getattr(self, name)
            out[name] = list(value) if isinstance(value, tuple) else value
        return out


@cache
def field_names(kind: type) -> tuple[str, ...]:
    """A state class's field names. dataclasses.fields() filters the class's fields on every
    call; states are stored and read back for every decision a batch changes (thousands)."""
    return tuple(f.name for f in fields(kind))
