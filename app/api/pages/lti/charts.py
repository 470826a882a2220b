"""The geometry of the pages' small charts, worked out here so that the templates only place
numbers: a student's dated scores as a line, and the share mastered per group as bars. Each
chart is drawn in SVG with a title and a description, and a table beside it says the same."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.reporting import SummaryCell

WIDTH = 320
HEIGHT = 96
_PAD = 8


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    when: datetime
    score: float


@dataclass(frozen=True)
class ProgressChart:
    dots: list[Dot]
    line: str  # an SVG polyline's points
    threshold_y: float
    width: int = WIDTH
    height: int = HEIGHT


def progress_chart(
    scores: Sequence[tuple[datetime, float]], low: float, high: float, threshold: float
) -> ProgressChart | None:
    """Scores in time order, evenly spaced left to right (the order matters to a student more
    than the gaps), from `low` at the bottom to `high` at the top; None without a score."""
    if not scores:
        return None
    ordered = sorted(scores, key=lambda s: s[0])
    top = max(high, *(s for _, s in ordered))
    bottom = min(low, *(s for _, s in ordered))
    span = (top - bottom) or 1.0
    step = (WIDTH - 2 * _PAD) / max(len(ordered) - 1, 1)

    def y(score: float) -> float:
        return round(HEIGHT - _PAD - (score - bottom) / span * (HEIGHT - 2 * _PAD), 1)

    dots = [
        Dot(round(_PAD + i * step, 1), y(score), when, score)
        for i, (when, score) in enumerate(ordered)
    ]
    return ProgressChart(dots, " ".join(f"{d.x},{d.y}" for d in dots), y(threshold))


@dataclass(frozen=True)
class Bar:
    """One group's share mastered, as the report publishes it: a range of whole percents (the
    bar to its low end, a lighter stretch to its high end), or nothing when suppressed."""

    label: str
    cell: SummaryCell
    y: int
    low_width: float
    range_width: float


BAR_HEIGHT = 22
BAR_GAP = 8


def bars(labelled: Sequence[tuple[str, SummaryCell]]) -> tuple[list[Bar], int]:
    """Bars of the published percentage ranges, one row each; and the chart's height."""
    found = []
    for i, (label, cell) in enumerate(labelled):
        low, high = cell.percent_range or (0, 0)
        found.append(
            Bar(
                label,
                cell,
                i * (2 * BAR_HEIGHT + BAR_GAP),
                round(low / 100 * WIDTH, 1),
                round((high - low) / 100 * WIDTH, 1),
            )
        )
    return found, max(len(found), 1) * (2 * BAR_HEIGHT + BAR_GAP)
