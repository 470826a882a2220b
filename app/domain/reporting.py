"""Equity reports: subgroups of students, summary cells, and the rule that decides what of them
may leave the service (docs/decisions/0010-disclosure-control.md).

A summary counts, for each group of students, the decisions on the competencies in scope. What
leaves the service is protected so that no combination of summaries, trends, filters and
groupings gives the exact count of a group smaller than the minimum cell size by subtraction:
- a group with fewer students than the minimum is hidden (every count and percentage), and so
  is the next-smallest group beside a lone hidden one (complementary suppression);
- every other count is blurred into a range whose width is fixed (COUNT_STEP students, or
  COUNT_STEP students' worth of decisions) and whose start is published: 20 students means 20
  to 29. The minimum is a multiple of the step, so every published range starts on a multiple
  of it; a published number is then always a range [start, start + width - 1] with the same
  remainders, and a sum or difference of up to nine of them can never pin a small group's count
  (the decision record works it out). Percentages are estimated from the ranges alone, so they
  tell nothing the counts do not."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from app.domain.errors import Invalid, Problem
from app.domain.mastery.decision import MasteryStatus, round_score
from app.domain.roster import RACE_FLAGS, Demographics


class Dimension(StrEnum):
    """What a summary can be grouped by."""

    SCHOOL = "school"
    CLASS = "class"
    GRADE = "grade"
    COMPETENCY = "competency"
    SEX = "sex"
    RACE_ETHNICITY = "race_ethnicity"
    ENGLISH_LEARNER = "english_learner"
    SPECIAL_EDUCATION = "special_education"
    ECONOMICALLY_DISADVANTAGED = "economically_disadvantaged"


class RaceEthnicity(StrEnum):
    """The federal (IPEDS/EDFacts) reporting categories of race and ethnicity."""

    HISPANIC_OR_LATINO = "hispanic_or_latino"
    AMERICAN_INDIAN_OR_ALASKA_NATIVE = "american_indian_or_alaska_native"
    ASIAN = "asian"
    BLACK_OR_AFRICAN_AMERICAN = "black_or_african_american"
    NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER = "native_hawaiian_or_other_pacific_islander"
    WHITE = "white"
    TWO_OR_MORE_RACES = "two_or_more_races"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class FlagSet:
    """Holds when the named flag is true."""

    flag: str

    def holds(self, demographics: Demographics) -> bool:
        """Whether it holds for these demographics."""
        return getattr(demographics, self.flag) is True


@dataclass(frozen=True)
class SeveralSet:
    """Holds when more than one of `flags` is true, or `also` is."""

    flags: tuple[str, ...]
    also: str

    def holds(self, demographics: Demographics) -> bool:
        """Whether it holds for these demographics."""
        several = sum(1 for f in self.flags if getattr(demographics, f) is True) > 1
        return several or getattr(demographics, self.also) is True


# The federal rule as data, first match wins; the database adapter compiles this same list to
# SQL, so reports group by it without storing it or writing it twice.
RACE_ETHNICITY_RULE: tuple[tuple[RaceEthnicity, FlagSet | SeveralSet], ...] = (
    (RaceEthnicity.HISPANIC_OR_LATINO, FlagSet("hispanic_or_latino")),
    (RaceEthnicity.TWO_OR_MORE_RACES, SeveralSet(RACE_FLAGS, "two_or_more_races")),
    *((RaceEthnicity(flag), FlagSet(flag)) for flag in RACE_FLAGS),
)


def race_ethnicity(demographics: Demographics | None) -> RaceEthnicity:
    """Hispanic/Latino when that flag is set; else two or more races when several race flags
    (or the two-or-more flag) are set; else the one race; else unknown."""
    if demographics is not None:
        for category, condition in RACE_ETHNICITY_RULE:
            if condition.holds(demographics):
                return category
    return RaceEthnicity.UNKNOWN


Key = tuple[object, ...]
"""A cell's values, one per grouped dimension, in the order they were asked for."""


@dataclass(frozen=True)
class SummaryCell:
    """One group's counts, exact (summary_cells) or as published (protect): then every count is
    the start of its range and all of them (and the percentage) are None when suppressed."""

    key: Key
    students: int | None
    decisions: int | None
    mastered: int | None
    not_yet: int | None
    insufficient_evidence: int | None
    no_evidence: int | None
    percent_mastered: float | None
    suppressed: bool = False
    # Published cells: what the published counts allow of mastered and of the decisions, each
    # (least, most); the percentage mastered lies in `percent_range` (whole percents).
    bounds: tuple[tuple[int, int], tuple[int, int]] | None = None
    percent_range: tuple[int, int] | None = None

    @property
    def percent_low(self) -> int | None:
        return self.percent_range[0] if self.percent_range else None

    @property
    def percent_high(self) -> int | None:
        return self.percent_range[1] if self.percent_range else None

    def hidden(self) -> SummaryCell:
        """The cell as a suppressed one answers."""
        return SummaryCell(self.key, None, None, None, None, None, None, None, True)


def percent(part: int, whole: int) -> float | None:
    """part of whole in percent, rounded half up to 2 decimals; None of nothing."""
    return round_score(part * 100 / whole) if whole else None


def summary_cells(
    dimensions: Sequence[Dimension],
    population: Mapping[Key, int],
    found: Mapping[Key, Mapping[MasteryStatus, int]],
    competency_ids: Sequence[str],
    of_group: tuple[Dimension, Callable[[object], Sequence[str]]] | None = None,
) -> list[SummaryCell]:
    """Every cell of a summary, unsuppressed. `population` counts the distinct students of
    each group (keyed without the competency); `found` counts stored decisions by status
    (keyed by every dimension). A student with no decision on a competency in scope counts
    as no evidence there, so a group's percentage is over all of its students. With
    `of_group` (a dimension among them, the grade or the class, and the competencies each of
    its values counts for), a group counts for those competencies alone, and a group that
    counts for none has no cell (app.domain.denominators)."""
    at = dimensions.index(Dimension.COMPETENCY) if Dimension.COMPETENCY in dimensions else None
    roster_dims: list[Dimension] = [d for d in dimensions if d is not Dimension.COMPETENCY]
    group_at = roster_dims.index(of_group[0]) if of_group is not None else None
    cells: list[SummaryCell] = []
    for roster_key in sorted(population, key=sort_key):
        students = population[roster_key]
        counted = competency_ids
        if of_group is not None and group_at is not None:
            counted = of_group[1](roster_key[group_at])
            if not counted:
                # Its students count for nothing here (a class aligned to none of these
                # competencies, a grade none is taught in): no cell, and no students in the
                # sums of the groups it is part of.
                continue
        if at is None:
            cells.append(_cell(roster_key, students, students * len(counted), found))
            continue
        for competency_id in counted:
            key = (*roster_key[:at], competency_id, *roster_key[at:])
            cells.append(_cell(key, students, students, found))
    return cells


def _cell(
    key: Key, students: int, expected: int, found: Mapping[Key, Mapping[MasteryStatus, int]]
) -> SummaryCell:
    counts = found.get(key, {})
    mastered = counts.get(MasteryStatus.MASTERED, 0)
    not_yet = counts.get(MasteryStatus.NOT_YET, 0)
    insufficient = counts.get(MasteryStatus.INSUFFICIENT_EVIDENCE, 0)
    # Stored no_evidence rows (every result voided) plus the pairs never decided.
    no_evidence = expected - mastered - not_yet - insufficient
    return SummaryCell(
        key,
        students,
        expected,
        mastered,
        not_yet,
        insufficient,
        no_evidence,
        percent(mastered, expected),
    )


def sort_key(key: Key) -> tuple[tuple[int, str], ...]:
    """The order of a report's keys."""
    # Unknown (None) values sort last; booleans and strings sort by their text.
    return tuple((1, "") if v is None else (0, str(v)) for v in key)


COUNT_STEP = 10
"""The width of every published range of students: 20 students means 20 to 29. Decision counts
are in ranges of COUNT_STEP students' worth (COUNT_STEP x the competencies in scope)."""

DEFAULT_MIN_CELL = 10
"""Groups with fewer students than this are hidden; settings may raise it by whole steps."""


def check_min_cell(min_cell: int) -> int:
    """The minimum cell size, if it is a positive multiple of COUNT_STEP (the guarantee needs the
    smallest shown range to start exactly at the minimum)."""
    if min_cell < COUNT_STEP or min_cell % COUNT_STEP:
        raise ValueError(f"the minimum cell size must be a multiple of {COUNT_STEP}: {min_cell}")
    return min_cell


def range_start(count: int, width: int) -> int:
    """The start of the range of `width` values that holds `count` (0-9 gives 0, 10-19 gives 10)."""
    return count - count % width


def blur(cell: SummaryCell) -> SummaryCell:
    """A shown cell as it is published: students in ranges of COUNT_STEP; mastered, not yet and
    insufficient evidence in ranges of COUNT_STEP x competencies; decisions the published
    students x competencies; no evidence the rest of them; the percentage mastered as far as
    those ranges tell it (with_percent)."""
    if not cell.students or cell.decisions is None:
        return cell  # hidden, or a group of nobody
    competencies = cell.decisions // cell.students  # every cell counts students x competencies
    unit = COUNT_STEP * competencies
    students = range_start(cell.students, COUNT_STEP)
    decisions = students * competencies
    mastered = range_start(cell.mastered or 0, unit) if unit else 0
    not_yet = range_start(cell.not_yet or 0, unit) if unit else 0
    insufficient = range_start(cell.insufficient_evidence or 0, unit) if unit else 0
    # A sum of range starts never passes the range start of the sum, so the rest is never
    # negative and never tells more about the students than their own range does.
    rest = decisions - mastered - not_yet - insufficient
    bounds = (
        (mastered, mastered + unit - 1),
        (decisions, decisions + (COUNT_STEP - 1) * competencies),
    )
    # One cell made, not a blurred one and then its copy with the percentage: a district's
    # summary publishes 10,000 cells (issue #14).
    estimate, told = percent_told(bounds)
    return SummaryCell(
        cell.key,
        students,
        decisions,
        mastered,
        not_yet,
        insufficient,
        rest,
        estimate,
        bounds=bounds,
        percent_range=told,
    )


PRINTABLE_PERCENT_WIDTH = 10
"""percentMastered is given when the published counts pin it within this many points."""


def with_percent(cell: SummaryCell, bounds: tuple[tuple[int, int], tuple[int, int]]) -> SummaryCell:
    """The cell with what its published counts tell of the percentage mastered (percent_told)."""
    estimate, told = percent_told(bounds)
    return replace(cell, percent_mastered=estimate, bounds=bounds, percent_range=told)


def percent_told(
    bounds: tuple[tuple[int, int], tuple[int, int]],
) -> tuple[float | None, tuple[int, int] | None]:
    """What published counts tell of the percentage mastered, from (least, most) mastered and
    (least, most) decisions: the range (least mastered over most decisions, most over least,
    whole percents rounded outward), and the estimate from the middles, half up to a whole
    percent, only when the range is at most PRINTABLE_PERCENT_WIDTH points wide: 0 of 10
    students reads "0-90%", never "31%". Nothing of no decisions."""
    (m_low, m_high), (d_low, d_high) = bounds
    if d_high <= 0:
        return None, None
    low = 100 * m_low // d_high
    high = 100 if d_low <= 0 else min(100, -(-100 * m_high // d_low))
    estimate: float | None = None
    if high - low <= PRINTABLE_PERCENT_WIDTH:
        part, whole = m_low + m_high, d_low + d_high
        estimate = float(min(100, (200 * part + whole) // (2 * whole)))
    return estimate, (low, high)


def suppressed_indexes(keys: Sequence[Key], students: Sequence[int], min_cell: int) -> set[int]:
    """Which cells to hide: those under `min_cell` students, then, until nothing changes, the
    smallest visible cell of any group (the cells equal in every dimension but one) that has
    exactly one hidden cell. Smallest by published range, then by position: choosing by exact
    counts would tell which of two cells in one range is the smaller."""
    hidden = {i for i, n in enumerate(students) if n < min_cell}
    width = len(keys[0]) if keys else 0
    changed = bool(hidden)
    while changed:
        changed = False
        for dim in range(width):
            groups: dict[Key, list[int]] = {}
            for i, key in enumerate(keys):
                groups.setdefault(key[:dim] + key[dim + 1 :], []).append(i)
            for members in groups.values():
                if len(members) < 2 or sum(1 for i in members if i in hidden) != 1:
                    continue
                visible = [i for i in members if i not in hidden]
                hidden.add(min(visible, key=lambda i: (range_start(students[i], COUNT_STEP), i)))
                changed = True
    return hidden


def protect(cells: Sequence[SummaryCell], min_cell: int = DEFAULT_MIN_CELL) -> list[SummaryCell]:
    """The cells as they may leave the service: small and complementary cells hidden, every
    other one blurred. Every count that leaves the service (GraphQL, REST, CSV, pages) passes
    here."""
    check_min_cell(min_cell)
    hidden = suppressed_indexes([c.key for c in cells], [c.students or 0 for c in cells], min_cell)
    return [c.hidden() if i in hidden else blur(c) for i, c in enumerate(cells)]


class Interval(StrEnum):
    WEEK = "week"
    MONTH = "month"


MAX_PERIODS = 260


@dataclass(frozen=True)
class Period:
    """One interval of a trend; its figures are as they stood at `end` (exclusive)."""

    start: datetime
    end: datetime


def periods(start: datetime, end: datetime, interval: Interval) -> list[Period]:
    """The weeks (from Monday, UTC) or months that cover [start, end]; the last one ends at
    `end` itself (inclusive), so a trend up to now shows now."""
    problems = []
    for name, moment in (("from", start), ("to", end)):
        if moment.utcoffset() is None:
            problems.append(Problem((name,), "must be a date-time with a time zone"))
    if not problems and end < start:
        problems.append(Problem(("to",), "must not be before from"))
    if problems:
        raise Invalid("The trend's period is invalid", problems)
    first = start.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if interval is Interval.WEEK:
        first -= timedelta(days=first.weekday())
    else:
        first = first.replace(day=1)
    last = end.astimezone(UTC) + timedelta(microseconds=1)
    found: list[Period] = []
    begin = first
    while begin < last:
        following = _next(begin, interval)
        found.append(Period(begin, min(following, last)))
        if len(found) > MAX_PERIODS:
            raise Invalid(
                "The trend has too many periods",
                [Problem(("from",), f"at most {MAX_PERIODS} {interval.value}s; narrow from/to")],
            )
        begin = following
    return found


def _next(moment: datetime, interval: Interval) -> datetime:
    if interval is Interval.WEEK:
        return moment + timedelta(days=7)
    if moment.month == 12:
        return moment.replace(year=moment.year + 1, month=1)
    return moment.replace(month=moment.month + 1)
