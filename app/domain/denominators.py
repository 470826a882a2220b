"""Whom a report counts each competency for: its denominators.

A school reports grade 4's mastery of grade 4's standards, not of every standard of grades 3-8.
By default (GRADE_LEVEL) a student counts only for the competencies of their grade: those whose
education levels (CASE `educationLevel`, inherited from the nearest ancestor that has them)
include the student's grade; a competency without education levels anywhere up its tree counts
for every grade. CLASS_ALIGNED counts a student, in each class they study in, for the
competencies that class's gradebook line items are aligned to (their learningObjectiveSet, by
competency id or CFItem identifier); a class aligned to none counts for none
(docs/decisions/0029-class-aligned-denominators.md). ALL counts every student for every
competency in scope (the rule before docs/decisions/0026-as-of-and-denominators.md). Grades are
compared as written, in the codes CASE and OneRoster share ("KG", "01", ... "12")."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.case.identifiers import item_identifier
from app.domain.frameworks import Competency, Framework
from app.domain.reporting import Dimension, Key, SummaryCell, sort_key, with_percent


class Denominator(StrEnum):
    """Which competencies a student counts for in a report."""

    GRADE_LEVEL = "grade_level"
    CLASS_ALIGNED = "class_aligned"
    ALL = "all"

    @property
    def dimension(self) -> Dimension | None:
        """The roster dimension whose values decide what a student counts for, if any."""
        return _BY_DIMENSION.get(self)


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
class GroupCompetencies:
    """The competencies in scope a student counts for, by the value of one roster dimension
    (their grade, or the class they are counted in): `by_group` for each value named, `others`
    for any other value (grades: the competencies without levels; classes: none)."""

    by_group: Mapping[str, tuple[str, ...]]
    others: tuple[str, ...]
    dimension: Dimension = Dimension.GRADE

    def of(self, group: object) -> tuple[str, ...]:
        """The competencies a student of `group` (None: no grade or class) counts for."""
        return self.by_group.get(str(group), self.others) if group is not None else self.others


def grade_competencies(
    framework: Framework,
    competencies: Sequence[Competency],
    rule: Denominator = Denominator.GRADE_LEVEL,
) -> GroupCompetencies | None:
    """The competencies in scope (in their order) each grade counts for; None when every
    student counts for every one of them (the rule is ALL, or none has education levels)."""
    if rule is not Denominator.GRADE_LEVEL:
        return None
    levels = {c.id: education_levels(framework, c) for c in competencies}
    named = sorted({grade for found in levels.values() for grade in found or ()})
    if not named:
        return None
    return GroupCompetencies(
        by_group={
            grade: tuple(c.id for c in competencies if _counts_for(levels[c.id], grade))
            for grade in named
        },
        others=tuple(c.id for c in competencies if levels[c.id] is None),
    )


def class_competencies(
    framework: Framework,
    competencies: Sequence[Competency],
    objectives_by_class: Mapping[str, Collection[str]],
) -> GroupCompetencies:
    """The competencies in scope (in their order) each class counts for: those its line items
    name as learning objectives, by competency id or by the CFItem identifier served for it (as
    a result's evidence resolves them; the identifier wins over an equal id). A class aligned
    to none of them counts for none."""
    named: dict[str, str] = {c.id: c.id for c in framework.competencies}
    named.update({item_identifier(c): c.id for c in framework.competencies})
    by_class: dict[str, tuple[str, ...]] = {}
    for class_id, objectives in objectives_by_class.items():
        aligned = {named[o] for o in objectives if o in named}
        counted = tuple(c.id for c in competencies if c.id in aligned)
        if counted:
            by_class[class_id] = counted
    return GroupCompetencies(by_class, others=(), dimension=Dimension.CLASS)


def _counts_for(levels: frozenset[str] | None, grade: str) -> bool:
    return levels is None or grade in levels


def summed_over(cells: Sequence[SummaryCell], at: int) -> list[SummaryCell]:
    """The published cells of a report grouped by grade (or class) too, the value at `at` of
    their keys, summed over it: a grade-level report of groups that span grades, a
    class-aligned one of groups that span classes. A sum of published numbers tells nothing
    they do not, so it needs no protection of its own; a group with a hidden member is hidden.
    Its counts are sums of range starts (students: at least this, fewer than this plus 10 per
    grade or class), its percentage as far as they tell it."""
    groups: dict[Key, list[SummaryCell]] = {}
    for cell in cells:
        groups.setdefault(cell.key[:at] + cell.key[at + 1 :], []).append(cell)
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


_BY_DIMENSION = {
    Denominator.GRADE_LEVEL: Dimension.GRADE,
    Denominator.CLASS_ALIGNED: Dimension.CLASS,
}
