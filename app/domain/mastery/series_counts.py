"""Series states that count: n_mastery (how many scores reached the threshold) and mode (how
often each level was seen, and when last). Adding a score costs O(1) and O(levels); mode over
the last n results also keeps those n levels, to drop the oldest as one arrives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Self

from app.domain.frameworks import Calculation, CalculationMethod, ModeTie
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
    """mode: per floored value, how often it was seen and when last (position 1…count), over
    all results or the last `window`; `recent` holds the window's floor indices, oldest first.
    States stored before the window and tie rule read as all results, most recent tie."""

    method: ClassVar[CalculationMethod] = M.MODE
    added_later: ClassVar[frozenset[str]] = frozenset({"tie", "window", "recent"})
    floors: tuple[float, ...] = (0.0,)
    tallies: tuple[int, ...] = (0,)
    last_seen: tuple[int, ...] = (0,)
    tie: str = ModeTie.MOST_RECENT.value
    window: int | None = None
    recent: tuple[int, ...] = ()

    def add(self, x: float) -> Self:
        """The state with one more score (O(levels), and O(n) for a window)."""
        tallies, last_seen, recent = self._added(x)
        return type(self)(
            self.count + 1, self.floors, tallies, last_seen, self.tie, self.window, recent
        )

    def score(self) -> float | None:
        """The most frequent floored value, ties by the tie rule."""
        if not self.count:
            return None
        return mode_of(self.floors, self.tallies, self.last_seen, ModeTie(self.tie))

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        tallies, last_seen, _ = self._added(x)
        return mode_of(self.floors, tallies, last_seen, ModeTie(self.tie))

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for mode on a scale with these levels, this window and tie rule."""
        return (
            calculation.method is self.method
            and mode_floors(scale) == self.floors
            and calculation.n == self.window
            and calculation.tie == self.tie
        )

    def _added(self, x: float) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        i = floor_index(self.floors, x)
        tallies = list(self.tallies)
        tallies[i] += 1
        last_seen = list(self.last_seen)
        last_seen[i] = self.count + 1
        recent = self.recent
        if self.window is not None:
            recent = (*recent, i)
            if len(recent) > self.window:
                # The oldest leaves the window; if it was its level's last sighting, that
                # level's tally is now 0, so its stale last_seen can never win.
                tallies[recent[0]] -= 1
                recent = recent[1:]
        return tuple(tallies), tuple(last_seen), recent
