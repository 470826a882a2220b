"""Proficiency scales: ordered levels and the mastery threshold."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import TypeGuard

from app.domain.errors import ProblemList


@dataclass(frozen=True)
class Level:
    """One step of a proficiency scale, such as 3 Proficient."""

    value: float
    label: str

    def as_dict(self) -> dict[str, float | str]:
        """JSON shape: {"value", "label"}."""
        return {"value": self.value, "label": self.label}


@dataclass(frozen=True)
class Scale:
    """Ordered proficiency levels and the score at which a competency counts as mastered."""

    levels: tuple[Level, ...]
    mastery_threshold: float
    _values: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        levels = tuple(self.levels)
        problems = ProblemList()
        _check_levels(levels, problems)
        t = self.mastery_threshold
        if not is_number(t):
            problems.add(("mastery_threshold",), "must be a finite number")
        elif not problems and not min(lv.value for lv in levels) <= t <= max(
            lv.value for lv in levels
        ):
            problems.add(
                ("mastery_threshold",), "must lie between the lowest and the highest level"
            )
        problems.raise_if_any("The scale is invalid")
        ordered = tuple(sorted(levels, key=lambda lv: lv.value))
        object.__setattr__(self, "levels", ordered)
        object.__setattr__(self, "_values", tuple(lv.value for lv in ordered))

    @property
    def highest(self) -> float:
        """The value of the highest level: normalised scores lie in [0, highest]."""
        return self._values[-1]

    @property
    def lowest(self) -> float:
        """The value of the lowest level."""
        return self._values[0]

    @property
    def values(self) -> tuple[float, ...]:
        """The level values, lowest first."""
        return self._values

    def level_for(self, score: float) -> Level | None:
        """The highest level whose value is at or below `score`; None below the lowest."""
        i = bisect.bisect_right(self._values, score)
        return self.levels[i - 1] if i else None

    def level_valued(self, value: float) -> Level | None:
        """The level with exactly this value, if there is one."""
        i = bisect.bisect_left(self._values, value)
        return self.levels[i] if i < len(self._values) and self._values[i] == value else None

    @property
    def threshold_name(self) -> str:
        """The threshold in words: its level's label when it is a level, else the number."""
        level = self.level_valued(self.mastery_threshold)
        return level.label if level else format_number(self.mastery_threshold)

    def with_threshold(self, mastery_threshold: float) -> Scale:
        """The same levels with another threshold (validated)."""
        return Scale(self.levels, mastery_threshold)

    def as_dict(self) -> dict[str, object]:
        """JSON shape: {"levels": [{"value", "label"}], "mastery_threshold"}."""
        return {
            "levels": [lv.as_dict() for lv in self.levels],
            "mastery_threshold": self.mastery_threshold,
        }


def _check_levels(levels: tuple[Level, ...], problems: ProblemList) -> None:
    if not levels:
        problems.add(("levels",), "must hold at least one level")
        return
    seen_values: dict[float, int] = {}
    seen_labels: dict[str, int] = {}
    for i, level in enumerate(levels):
        if not is_number(level.value) or level.value < 0:
            problems.add(("levels", i, "value"), "must be a finite number at or above 0")
        elif level.value in seen_values:
            first = seen_values[level.value]
            problems.add(("levels", i, "value"), f"repeats the value of level {first}")
        else:
            seen_values[level.value] = i
        label = level.label.strip().casefold() if isinstance(level.label, str) else ""
        if not label:
            problems.add(("levels", i, "label"), "must not be empty")
        elif label in seen_labels:
            problems.add(("levels", i, "label"), f"repeats the label of level {seen_labels[label]}")
        else:
            seen_labels[label] = i
    if seen_values and max(seen_values) <= 0:
        # Normalisation multiplies by the highest value: a scale topping at 0 measures nothing.
        problems.add(("levels",), "the highest level must be above 0")


def is_number(value: object) -> TypeGuard[float]:
    """A finite int or float (not a bool): what a score, value or threshold must be."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def format_number(value: float) -> str:
    """A threshold or level value as people write it: 3, 2.5, 2.75."""
    return f"{value:.10g}"


DEFAULT_SCALE = Scale(
    (Level(1, "Beginning"), Level(2, "Developing"), Level(3, "Proficient"), Level(4, "Advanced")),
    mastery_threshold=3,
)
