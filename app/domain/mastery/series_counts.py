"""Series states that count: n_mastery (how many scores reached the threshold) and mode (how
often each level was seen, and when last). Adding a score costs O(1) and O(levels)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Self

from app.domain.frameworks import Calculation, CalculationMethod
from app.domain.mastery.methods import floor_index, mode_floors, mode_of
from app.domain.mastery.series_state import SeriesState
from app.domain.scales import Scale

M = CalculationMethod


@dataclass(frozen=True)
class NMasteryState(SeriesState):
    """n_mastery: how many scores reached the threshold, and their total."""

    method: ClassVar[CalculationMethod] = M.N_MASTERY
    n: int = 1
    threshold: float = 0.0
    met_count: int = 0
    met_total: float = 0.0

    def add(self, x: float) -> Self:
        """The state with one more score."""
        if x < self.threshold:
            return type(self)(
                self.count + 1, self.n, self.threshold, self.met_count, self.met_total
            )
        return type(self)(
            self.count + 1, self.n, self.threshold, self.met_count + 1, self.met_total + x
        )

    def score(self) -> float | None:
        """The mean of the scores at or above the threshold, once there are n of them."""
        return self.met_total / self.met_count if self.met_count >= self.n else None

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        met = x >= self.threshold
        met_count = self.met_count + 1 if met else self.met_count
        met_total = self.met_total + x if met else self.met_total
        return met_total / met_count if met_count >= self.n else None

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for n_mastery with this n and threshold."""
        return (
            calculation.method is self.method
            and calculation.n == self.n
            and scale.mastery_threshold == self.threshold
        )


@dataclass(frozen=True)
class ModeState(SeriesState):
    """mode: per floored value, how often it was seen and when last (position 1…count)."""

    method: ClassVar[CalculationMethod] = M.MODE
    floors: tuple[float, ...] = (0.0,)
    tallies: tuple[int, ...] = (0,)
    last_seen: tuple[int, ...] = (0,)

    def add(self, x: float) -> Self:
        """The state with one more score (O(levels))."""
        i = floor_index(self.floors, x)
        tallies = list(self.tallies)
        tallies[i] += 1
        last_seen = list(self.last_seen)
        last_seen[i] = self.count + 1
        return type(self)(self.count + 1, self.floors, tuple(tallies), tuple(last_seen))

    def score(self) -> float | None:
        """The most frequent floored value; ties go to the most recently seen."""
        return mode_of(self.floors, self.tallies, self.last_seen) if self.count else None

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        i = floor_index(self.floors, x)
        tallies = list(self.tallies)
        tallies[i] += 1
        last_seen = list(self.last_seen)
        last_seen[i] = self.count + 1
        return mode_of(self.floors, tallies, last_seen)

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for mode on a scale with these levels."""
        return calculation.method is self.method and mode_floors(scale) == self.floors
