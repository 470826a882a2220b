"""Proficiency scales: ordered levels, the mastery threshold, and the performance bands that
name and colour ranges of scores for people (separate from the values that measure)."""

from __future__ import annotations

import bisect
import math
import re
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


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Band:
    """A performance band: scores at or above `at_least` (up to the next band) read as `label`,
    shown in `color` (#rrggbb) with an optional description. Status is never colour alone:
    pages and exports print the label."""

    at_least: float
    label: str
    color: str | None = None
    description: str | None = None

    def as_dict(self) -> dict[str, object]:
        """JSON: {"at_least", "label", "color", "description"}."""
        return {
            "at_least": self.at_least,
            "label": self.label,
            "color": self.color,
            "description": self.description,
        }


@dataclass(frozen=True)
class Scale:
    """Ordered proficiency levels and the score at which a competency counts as mastered."""

    levels: tuple[Level, ...]
    mastery_threshold: float
    # Words and colours, not measurement: changing them recomputes nothing (so they take no
    # part in equality, which is how a policy change is told apart). None: the level names.
    bands: tuple[Band, ...] = field(default=(), compare=False)
    _values: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _band_starts: tuple[float, ...] = field(init=False, repr=False, compare=False)
    # Without bands, each level's band, made once (a page reads 20,000 scores).
    _level_bands: tuple[Band, ...] = field(init=False, repr=False, compare=False)

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
        bands = tuple(self.bands)
        if not problems:
            _check_bands(bands, min(lv.value for lv in levels), problems)
        problems.raise_if_any("The scale is invalid")
        ordered = tuple(sorted(levels, key=lambda lv: lv.value))
        object.__setattr__(self, "levels", ordered)
        object.__setattr__(self, "_values", tuple(lv.value for lv in ordered))
        object.__setattr__(self, "bands", bands)
        object.__setattr__(self, "_band_starts", tuple(b.at_least for b in bands))
        object.__setattr__(self, "_level_bands", tuple(Band(lv.value, lv.label) for lv in ordered))

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

    def _levels_reached(self, score: float) -> int:
        """How many levels have a value at or below `score`."""
        return bisect.bisect_right(self._values, score)

    def level_for(self, score: float) -> Level | None:
        """The highest level whose value is at or below `score`; None below the lowest."""
        at = self._levels_reached(score)
        return self.levels[at - 1] if at else None

    def band_for(self, score: float | None) -> Band | None:
        """The band a score reads as: the last band starting at or below it; without bands, its
        level's name. None for no score (or one below the lowest level, without bands)."""
        if score is None:
            return None
        if not self.bands:
            at = self._levels_reached(score)
            return self._level_bands[at - 1] if at else None
        i = bisect.bisect_right(self._band_starts, score)
        return self.bands[max(i - 1, 0)]

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
        """The same levels and bands with another threshold (validated)."""
        return Scale(self.levels, mastery_threshold, self.bands)

    def carry(self, score: float, source: Scale) -> float:
        """A score on `source` as the same share of this scale's highest level, as a result
        out of `max_score` is normalised (a child's score in a parent on another scale:
        docs/decisions/0035-competency-scale.md). The same highest level: the score itself."""
        if source.highest == self.highest:
            return score
        return score / source.highest * self.highest

    def as_dict(self) -> dict[str, object]:
        """JSON shape: {"levels": [{"value", "label"}], "mastery_threshold", "bands"?}."""
        out: dict[str, object] = {
            "levels": [lv.as_dict() for lv in self.levels],
            "mastery_threshold": self.mastery_threshold,
        }
        if self.bands:
            out["bands"] = [b.as_dict() for b in self.bands]
        return out


def _check_bands(bands: tuple[Band, ...], lowest: float, problems: ProblemList) -> None:
    """Bands in rising order of `at_least`, the first from the lowest level or below (so every
    score on the scale has one), labels given and unique, colours #rrggbb."""
    labels: dict[str, int] = {}
    previous: float | None = None
    for i, band in enumerate(bands):
        if not is_number(band.at_least):
            problems.add(("bands", i, "at_least"), "must be a finite number")
        elif previous is not None and band.at_least <= previous:
            problems.add(("bands", i, "at_least"), "must be above the band before it")
        else:
            previous = band.at_least
        label = band.label.strip().casefold() if isinstance(band.label, str) else ""
        if not label:
            problems.add(("bands", i, "label"), "must not be empty")
        elif label in labels:
            problems.add(("bands", i, "label"), f"repeats the label of band {labels[label]}")
        else:
            labels[label] = i
        if band.color is not None and not (
            isinstance(band.color, str) and _COLOUR.fullmatch(band.color)
        ):
            problems.add(("bands", i, "color"), "must be a colour as #rrggbb")
    if bands and is_number(bands[0].at_least) and bands[0].at_least > lowest:
        problems.add(
            ("bands", 0, "at_least"),
            f"must be at most the lowest level, {format_number(lowest)}: bands cover the scale",
        )


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
