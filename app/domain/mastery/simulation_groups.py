"""A simulation's counts per subgroup, published as reports publish theirs.

Each group's numbers pass through the reports' own rule (app.domain.reporting.protect, decision
record 0010): a group under the minimum cell size is hidden, and so is the smallest shown one
beside a lone hidden one; every other count is the start of its range of ten students (or ten
students' worth of decisions). A simulation's group is then no easier to back into than a
report's, whatever a caller subtracts: every published number is a range [10a, 10a + 9].

The decisions map onto a summary cell as "mastered" (became mastered) and "not yet" (lost
mastery); "unchanged" is the rest, as a report's "no evidence" is, so it never tells more than
the other two. Counts of students (those who would gain, those who would lose, at least one
competency) are counts of students, blurred in ranges of ten as a report's students are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from app.domain.errors import Invalid, Problem
from app.domain.mastery.simulation import Change, Comparison
from app.domain.report_scope import SUBGROUPS
from app.domain.reporting import (
    COUNT_STEP,
    DEFAULT_MIN_CELL,
    Dimension,
    SummaryCell,
    protect,
    race_ethnicity,
    range_start,
    sort_key,
)
from app.domain.roster import Demographics

SIMULATION_DIMENSIONS: tuple[Dimension, ...] = (Dimension.SCHOOL, Dimension.GRADE, *SUBGROUPS)
"""What a simulation may be counted by: a student's own groups. Not the class (a student is in
several, each for some competencies: 0029) nor the competency (by_competency counts that)."""


def check_simulation_grouping(group_by: Sequence[Dimension]) -> None:
    """Raise `Invalid` naming every dimension a simulation cannot be counted by, or repeats."""
    problems = [
        Problem(("group_by", n), f"{d.value} is not one of {_NAMES}")
        for n, d in enumerate(group_by)
        if d not in SIMULATION_DIMENSIONS
    ]
    problems += [
        Problem(("group_by", n), f"{d.value} is repeated")
        for n, d in enumerate(group_by)
        if d in group_by[:n]
    ]
    if problems:
        raise Invalid("A simulation is counted by a student's own groups, once each", problems)


_NAMES = ", ".join(d.value for d in SIMULATION_DIMENSIONS)


@dataclass(frozen=True)
class Member:
    """The groups one student belongs to: active schools, grades, demographics (None: no
    record, every subgroup unknown), as reports group them."""

    schools: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    demographics: Demographics | None = None

    def values(self, dimension: Dimension) -> tuple[object, ...]:
        """The student's values of a dimension: none, one or (schools, grades) several."""
        if dimension is Dimension.SCHOOL:
            return self.schools
        if dimension is Dimension.GRADE:
            return self.grades
        if dimension is Dimension.RACE_ETHNICITY:
            return (race_ethnicity(self.demographics).value,)
        if self.demographics is None:
            return (None,)
        value = getattr(self.demographics, dimension.value)
        return (value.value if isinstance(value, Enum) else value,)


@dataclass(frozen=True)
class GroupChanges:
    """One group's counts as published: range starts, or every one None when suppressed."""

    dimension: Dimension
    value: object
    students: int | None
    decisions: int | None
    became_mastered: int | None
    lost_mastery: int | None
    unchanged: int | None
    students_gaining: int | None
    students_losing: int | None
    suppressed: bool

    def as_dict(self) -> dict[str, object]:
        """JSON: the dimension, its value, the counts and whether they are suppressed."""
        return {
            "dimension": self.dimension.value,
            "value": self.value,
            "students": self.students,
            "decisions": self.decisions,
            "became_mastered": self.became_mastered,
            "lost_mastery": self.lost_mastery,
            "unchanged": self.unchanged,
            "students_gaining": self.students_gaining,
            "students_losing": self.students_losing,
            "suppressed": self.suppressed,
        }


@dataclass
class _Exact:
    students: int = 0
    decisions: int = 0
    became: int = 0
    lost: int = 0
    gaining: int = 0
    losing: int = 0


def by_subgroup(
    comparisons: Iterable[Comparison],
    members: Mapping[str, Member],
    dimensions: Sequence[Dimension],
    min_cell: int = DEFAULT_MIN_CELL,
) -> list[GroupChanges]:
    """Each dimension's groups in the reports' order, counted from every compared student (a
    student with no roster record belongs to no school or grade and to the unknown subgroups)
    and protected dimension by dimension, as a summary grouped by that dimension is."""
    per_student: dict[str, _Exact] = {}
    for comparison in comparisons:
        mine = per_student.setdefault(comparison.student_id, _Exact(students=1))
        change = comparison.change
        mine.decisions += 1
        mine.became += change is Change.BECAME_MASTERED
        mine.lost += change is Change.LOST_MASTERY
    out: list[GroupChanges] = []
    for dimension in dimensions:
        groups: dict[object, _Exact] = {}
        for student, mine in per_student.items():
            for value in members.get(student, Member()).values(dimension):
                group = groups.setdefault(value, _Exact())
                group.students += 1
                group.decisions += mine.decisions
                group.became += mine.became
                group.lost += mine.lost
                group.gaining += mine.became > 0
                group.losing += mine.lost > 0
        out += _published(dimension, groups, min_cell)
    return out


_HIDDEN = (None, None, None, None, None, None, None, True)


def _published(
    dimension: Dimension, groups: Mapping[object, _Exact], min_cell: int
) -> list[GroupChanges]:
    values = sorted(groups, key=lambda v: sort_key((v,)))
    cells = [_as_cell(value, groups[value]) for value in values]
    published: list[GroupChanges] = []
    for value, cell in zip(values, protect(cells, min_cell), strict=True):
        exact = groups[value]
        if cell.suppressed:
            published.append(GroupChanges(dimension, value, *_HIDDEN))
            continue
        published.append(
            GroupChanges(
                dimension,
                value,
                cell.students,
                cell.decisions,
                cell.mastered,
                cell.not_yet,
                cell.no_evidence,
                range_start(exact.gaining, COUNT_STEP),
                range_start(exact.losing, COUNT_STEP),
                suppressed=False,
            )
        )
    return published


def _as_cell(value: object, exact: _Exact) -> SummaryCell:
    # The summary cell's statuses, read as changes: mastered = became mastered, not yet =
    # lost mastery, no evidence = unchanged (the rest); no decision is "insufficient".
    unchanged = exact.decisions - exact.became - exact.lost
    return SummaryCell(
        (value,), exact.students, exact.decisions, exact.became, exact.lost, 0, unchanged, None
    )
