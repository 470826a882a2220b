"""Whom a report counts each competency for: its denominators.

A school reports grade 4's mastery of grade 4's standards, not of every standard of grades 3-8.
By default (GRADE_LEVEL) a student counts only for the competencies of their grade: those whose
education levels (CASE `educationLevel`, inherited from the nearest ancestor that has them)
include the student's grade; a competency without education levels anywhere up its tree counts
for every grade. ALL counts every student for every competency in scope (the rule before
docs/decisions/0026-as-of-and-denominators.md). Grades are compared as written, in the codes
CASE and OneRoster share ("KG", "01", ... "12")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.frameworks import Competency, Framework
from app.domain.reporting import Key, SummaryCell, sort_key, with_percent


class Denominator(StrEnum):
    """Which competencies a student counts for in a report."""

    GRADE_LEVEL = "grade_level"
    ALL = "all"


def education_levels(framework: Framework, competency: Competency) -> frozenset[str] | None:
    """The grades a competency is taught in: its own education levels, else its nearest
    ancestor's; None when neither it nor any ancestor has any (it is for every grade)."""
    for node in (competency, *framework.ancestors_of(competency.id)):
        levels = node.case.get("educationLevel")
        if isinstance(levels, str):
            levels = [levels]
        if isinstance(levels, list) and levels:
            return frozenset(str(level) for level in levels)
    return None


@dataclass(frozen=True)
class GradeCompetencies:
    """The competencies in scope a student counts for, by grade: `by_grade` for each grade the
    framework's education levels name, `others` (those without levels) for any other grade."""

    by_grade: Mapping[str, tuple[str, ...]]
    others: tuple[str, ...]

    def of(self, grade: object) -> tuple[str, ...]:
        """The competencies a student of `grade` (None: no grade) counts for."""
        return self.by_grade.get(str(grade), self.others) if grade is not None else self.others


def grade_competencies(
    framework: Framework,
    competencies: Sequence[Competency],
    rule: Denominator = Denominator.GRADE_LEVEL,
) -> GradeCompetencies | None:
    """The competencies in scope (in their order) each grade counts for; None when every
    student counts for every one of them (the rule is ALL, or none has education levels)."""
    if rule is Denominator.ALL:
        return None
    levels = {c.id: education_levels(framework, c) for c in competencies}
    named = sorted({grade for found in levels.values() for grade in found or ()})
    if not named:
        return None
    return GradeCompetencies(
        by_grade={
            grade: tuple(c.id for c in competencies if _counts_for(levels[c.id], grade))
            for grade in named
        },
        others=tuple(c.id for c in competencies if levels[c.id] is None),
    )


def _counts_for(levels: frozenset[str] | None, grade: str) -> bool:
    return levels is None or grade in levels


def summed_over_grades(cells: Sequence[SummaryCell], grade_at: int) -> list[SummaryCell]:
    """The published cells of a report grouped by grade too (the grade at `grade_at` of their
    keys) summed over the grades: a grade-level report of groups that span grades. A sum of
    published numbers tells nothing they do not, so it needs no protection of its own; a group
    with a hidden grade is hidden. Its counts are sums of range starts (students: at least
    this, fewer than this plus 10 per grade), its percentage as far as they tell it."""
    groups: dict[Key, list[SummaryCell]] = {}
    for cell in cells:
        groups.setdefault(cell.key[:grade_at] + cell.key[grade_at + 1 :], []).append(cell)
    out: list[SummaryCell] = []
    for key in sorted(groups, key=sort_key):
        members = groups[key]
        if any(m.suppressed or m.students is None for m in members):
            out.append(SummaryCell(key, None, None, None, None, None, None, None, True))
            continue

        def total(name: str, members: list[SummaryCell] = members) -> int:
            return sum(getattr(m, name) or 0 for m in members)

        summed = SummaryCell(
            key,
            total("students"),
            total("decisions"),
            total("mastered"),
            total("not_yet"),
            total("insufficient_evidence"),
            total("no_evidence"),
            None,
        )
        bounds = [m.bounds or ((0, 0), (0, 0)) for m in members]
        out.append(
            with_percent(
                summed,
                (
                    (sum(b[0][0] for b in bounds), sum(b[0][1] for b in bounds)),
                    (sum(b[1][0] for b in bounds), sum(b[1][1] for b in bounds)),
                ),
            )
        )
    return out
