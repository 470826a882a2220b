"""Incremental series states: absorb one score at a time, give the same score as `score_series`.

A state is frozen and JSON-friendly (`to_dict`/`series_from_dict` use plain ints, floats and
lists), so storage keeps it beside the decision. Adding a score costs O(1) for every method
except most_recent_average (O(n), the window), mode (O(levels)) and median, which keeps the
sorted series (O(count) to copy; a median needs every score, unlike the others).
`score_after(x)` answers "the score with x added" without building the new state, which is
what the next score to master asks about a dozen times per decision.
"""

from __future__ import annotations

import bisect
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Self

from app.domain.frameworks import Calculation, CalculationMethod
from app.domain.mastery.methods import (
    PowerLawSums,
    floor_index,
    median_of_sorted,
    mode_floors,
    mode_of,
    running_total,
)
from app.domain.scales import Scale

M = CalculationMethod


@dataclass(frozen=True)
class SeriesState(ABC):
    """What a method needs to know of the scores absorbed so far (`count` of them)."""

    method: ClassVar[CalculationMethod]
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
        return start_series(calculation, scale)

    @staticmethod
    def from_dict(data: Mapping[str, object]) -> SeriesState:
        """Rebuild a state from `to_dict`'s output (`series_from_dict`)."""
        return series_from_dict(data)

    def to_dict(self) -> dict[str, object]:
        """Plain JSON: {"method", "count", ...}; tuples become lists."""
        out: dict[str, object] = {"method": self.method.value}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


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
    if method is M.LEGACY_DECAYING_AVERAGE:
        assert calculation.weight is not None
        return LegacyDecayingState(0, calculation.weight)
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


@dataclass(frozen=True)
class LatestState(SeriesState):
    """latest: the newest score."""

    method: ClassVar[CalculationMethod] = M.LATEST
    last: float | None = None

    def add(self, x: float) -> Self:
        """The state with one more score."""
        return type(self)(self.count + 1, x)

    def score(self) -> float | None:
        """The newest score."""
        return self.last

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        return x

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for latest."""
        return calculation.method is self.method


@dataclass(frozen=True)
class HighestState(SeriesState):
    """highest: the greatest score."""

    method: ClassVar[CalculationMethod] = M.HIGHEST
    best: float | None = None

    def add(self, x: float) -> Self:
        """The state with one more score."""
        return type(self)(self.count + 1, x if self.best is None else max(self.best, x))

    def score(self) -> float | None:
        """The greatest score."""
        return self.best

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        return x if self.best is None else max(self.best, x)

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for highest."""
        return calculation.method is self.method


@dataclass(frozen=True)
class AverageState(SeriesState):
    """average: a running total."""

    method: ClassVar[CalculationMethod] = M.AVERAGE
    total: float = 0.0

    def add(self, x: float) -> Self:
        """The state with one more score."""
        return type(self)(self.count + 1, self.total + x)

    def score(self) -> float | None:
        """The mean."""
        return self.total / self.count if self.count else None

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        return (self.total + x) / (self.count + 1)

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for average."""
        return calculation.method is self.method


@dataclass(frozen=True)
class MedianState(SeriesState):
    """median: every score, sorted."""

    method: ClassVar[CalculationMethod] = M.MEDIAN
    ordered: tuple[float, ...] = ()

    def add(self, x: float) -> Self:
        """The state with one more score (O(count): the sorted scores are copied)."""
        ordered = list(self.ordered)
        bisect.insort(ordered, x)
        return type(self)(self.count + 1, tuple(ordered))

    def score(self) -> float | None:
        """The median."""
        return median_of_sorted(self.ordered) if self.ordered else None

    def score_after(self, x: float) -> float | None:
        """The median with `x` added, in O(log count) without copying."""
        a, n = self.ordered, len(self.ordered)
        if n == 0:
            return x
        i = bisect.bisect_right(a, x)

        def at(k: int) -> float:  # element k of the sorted series with x inserted at i
            return a[k] if k < i else (x if k == i else a[k - 1])

        m = (n + 1) // 2
        return at(m) if (n + 1) % 2 else (at(m - 1) + at(m)) / 2

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for median."""
        return calculation.method is self.method


@dataclass(frozen=True)
class RecentAverageState(SeriesState):
    """most_recent_average: the last n scores."""

    method: ClassVar[CalculationMethod] = M.MOST_RECENT_AVERAGE
    n: int = 1
    window: tuple[float, ...] = ()

    def add(self, x: float) -> Self:
        """The state with one more score (O(n))."""
        return type(self)(self.count + 1, self.n, (*self.window, x)[-self.n :])

    def score(self) -> float | None:
        """The mean of the last min(n, count) scores."""
        return running_total(self.window) / len(self.window) if self.window else None

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for most_recent_average with this n."""
        return calculation.method is self.method and calculation.n == self.n


@dataclass(frozen=True)
class DecayingState(SeriesState):
    """decaying_average: the exponential moving average so far."""

    method: ClassVar[CalculationMethod] = M.DECAYING_AVERAGE
    weight: float = 0.65
    value: float | None = None

    def add(self, x: float) -> Self:
        """The state with one more score."""
        w = self.weight
        value = x if self.value is None else w * x + (1 - w) * self.value
        return type(self)(self.count + 1, w, value)

    def score(self) -> float | None:
        """The moving average."""
        return self.value

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        return x if self.value is None else self.weight * x + (1 - self.weight) * self.value

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for decaying_average with this weight."""
        return calculation.method is self.method and calculation.weight == self.weight


@dataclass(frozen=True)
class LegacyDecayingState(SeriesState):
    """legacy_decaying_average: the total of all scores but the newest, and the newest."""

    method: ClassVar[CalculationMethod] = M.LEGACY_DECAYING_AVERAGE
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
        w = self.weight
        return w * self.last + (1 - w) * (self.earlier_total / (self.count - 1))

    def score_after(self, x: float) -> float | None:
        """The score with `x` added."""
        if self.last is None:
            return x
        earlier = self.earlier_total + self.last
        return self.weight * x + (1 - self.weight) * (earlier / self.count)

    def fits(self, calculation: Calculation, scale: Scale) -> bool:
        """Started for legacy_decaying_average with this weight."""
        return calculation.method is self.method and calculation.weight == self.weight


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


_STATES: dict[CalculationMethod, type[SeriesState]] = {
    cls.method: cls
    for cls in (
        LatestState,
        HighestState,
        AverageState,
        MedianState,
        RecentAverageState,
        DecayingState,
        LegacyDecayingState,
        NMasteryState,
        PowerLawState,
        ModeState,
    )
}
