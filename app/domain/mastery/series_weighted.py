"""Series states weighted towards the newest scores: the two decaying averages (Canvas's
weighted decaying_average and the recursive standard_decaying_average) and the power law
fit. Each keeps running sums: adding a score costs O(1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Self

from app.domain.frameworks import Calculation, CalculationMethod
from app.domain.mastery.methods import PowerLawSums, decay_factors
from app.domain.mastery.series_state import SeriesState
from app.domain.scales import Scale

M = CalculationMethod


@dataclass(frozen=True)
class StandardDecayingState(SeriesState):
    """standard_decaying_average: the exponential moving average so far."""

    method: ClassVar[CalculationMethod] = M.STANDARD_DECAYING_AVERAGE
    weight: float = 0.65
    value: float | None = None

    def add(self, x: float) -> Self:
        """The state with one more score."""
        return type(self)(self.count + 1, self.weight, self.score_after(x))

    def score(self) -> float | None:
        """The moving average."""
        return self.value

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        if self.value is None:
            return x
        newest, rest = decay_factors(self.weight)
        return newest * x + rest * self.value

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for standard_decaying_average with this weight."""
        return calculation.method is self.method and calculation.weight == self.weight


@dataclass(frozen=True)
class DecayingState(SeriesState):
    """decaying_average (Canvas's): the total of all scores but the newest, and the newest."""

    method: ClassVar[CalculationMethod] = M.DECAYING_AVERAGE
    weight: float = 0.65
    earlier_total: float = 0.0
    last: float | None = None

    def add(self, x: float) -> Self:
        """The state with one more score."""
        earlier = self.earlier_total if self.last is None else self.earlier_total + self.last
        return type(self)(self.count + 1, self.weight, earlier, x)

    def score(self) -> float | None:
        """w times the newest plus (1 - w) times the mean of the earlier scores."""
        if self.last is None or self.count == 1:
            return self.last
        newest, rest = decay_factors(self.weight)
        return newest * self.last + rest * (self.earlier_total / (self.count - 1))

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        if self.last is None:
            return x
        newest, rest = decay_factors(self.weight)
        return newest * x + rest * ((self.earlier_total + self.last) / self.count)

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for decaying_average with this weight."""
        return calculation.method is self.method and calculation.weight == self.weight


@dataclass(frozen=True)
class PowerLawState(SeriesState):
    """power_law: running sums of ln k, (ln k)², ln x and ln k·ln x, and the first score."""

    method: ClassVar[CalculationMethod] = M.POWER_LAW
    highest: float = 1.0
    first: float | None = None
    s_lk: float = 0.0
    s_lk2: float = 0.0
    s_lx: float = 0.0
    s_lklx: float = 0.0

    def add(self, x: float) -> Self:
        """The state with one more score."""
        s = self._sums().add(x)
        first = x if self.first is None else self.first
        return type(self)(s.count, self.highest, first, s.s_lk, s.s_lk2, s.s_lx, s.s_lklx)

    def score(self) -> float | None:
        """The fitted value at the newest result, clamped to [0, highest]."""
        return None if self.first is None else self._sums().value(self.first, self.highest)

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        first = x if self.first is None else self.first
        return self._sums().add(x).value(first, self.highest)

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for power_law on a scale with this highest value."""
        return calculation.method is self.method and scale.highest == self.highest

    def _sums(self) -> PowerLawSums:
        return PowerLawSums(self.count, self.s_lk, self.s_lk2, self.s_lx, self.s_lklx)
