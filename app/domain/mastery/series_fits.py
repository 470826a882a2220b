"""Series states of the fitted methods. max_of_average_and_power_law keeps the running total
and the power law's sums: O(1) per score. best_fit keeps the scores themselves: the power
law's squared errors depend on the fitted exponent, so no running sum gives them (O(count)
per score, like median)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Self

from app.domain.frameworks import Calculation, CalculationMethod
from app.domain.mastery.fits import best_fit_score
from app.domain.mastery.methods import PowerLawSums
from app.domain.mastery.series_state import SeriesState
from app.domain.scales import Scale

M = CalculationMethod


@dataclass(frozen=True)
class BestFitState(SeriesState):
    """best_fit: every score so far, oldest first."""

    method: ClassVar[CalculationMethod] = M.BEST_FIT
    highest: float = 1.0
    scores: tuple[float, ...] = ()

    def add(self, x: float) -> Self:
        """The state with one more score."""
        return type(self)(self.count + 1, self.highest, (*self.scores, x))

    def score(self) -> float | None:
        """The best fit's value at the latest result."""
        return best_fit_score(self.scores, self.highest)

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for best_fit on a scale with this highest value."""
        return calculation.method is self.method and scale.highest == self.highest


@dataclass(frozen=True)
class AverageOrPowerLawState(SeriesState):
    """max_of_average_and_power_law: the running total, the first score and the power law's
    running sums."""

    method: ClassVar[CalculationMethod] = M.MAX_OF_AVERAGE_AND_POWER_LAW
    highest: float = 1.0
    total: float = 0.0
    first: float | None = None
    s_lk: float = 0.0
    s_lk2: float = 0.0
    s_lx: float = 0.0
    s_lklx: float = 0.0

    def add(self, x: float) -> Self:
        """The state with one more score."""
        s = self._sums().add(x)
        first = x if self.first is None else self.first
        return type(self)(
            s.count, self.highest, self.total + x, first, s.s_lk, s.s_lk2, s.s_lx, s.s_lklx
        )

    def score(self) -> float | None:
        """The higher of the average and the power law's value at the latest result."""
        if self.first is None:
            return None
        power = self._sums().value(self.first, self.highest)
        assert power is not None
        return max(self.total / self.count, power)

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for max_of_average_and_power_law on a scale with this highest value."""
        return calculation.method is self.method and scale.highest == self.highest

    def _sums(self) -> PowerLawSums:
        return PowerLawSums(self.count, self.s_lk, self.s_lk2, self.s_lx, self.s_lklx)
