"""Series states that summarise the scores: latest, highest, average, median and the most
recent average. Adding a score costs O(1), but O(n) for the recent window and O(count) for
the median, which keeps every score (a median needs them all)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import ClassVar, Self

from app.domain.frameworks import Calculation, CalculationMethod
from app.domain.mastery.methods import median_of_sorted, running_total
from app.domain.mastery.series_state import SeriesState
from app.domain.scales import Scale

M = CalculationMethod


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
