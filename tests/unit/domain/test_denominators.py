"""Whom a report counts each competency for (app.domain.denominators): values by hand."""

from __future__ import annotations

from dataclasses import replace

from app.domain.denominators import (
    Denominator,
    GroupCompetencies,
    class_competencies,
    education_levels,
    grade_competencies,
    summed_over,
)
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import MasteryStatus
from app.domain.reporting import Dimension, SummaryCell, blur, summary_cells

FRAMEWORK = Framework(
    id="f",
    title="Math",
    competencies=(
        Competency("g4", "4", "Grade 4", case={"educationLevel": ["04"]}),
        Competency("4.oa", "4.OA", "Operations", parent_id="g4"),
        Competency("4.oa.1", "4.OA.1", "Interpret", parent_id="4.oa"),
        # Taught in grades 4 and 5, by its own levels.
        Competency(
            "4.md.1", "4.MD.1", "Measure", parent_id="g4", case={"educationLevel": ["04", "05"]}
        ),
        Competency("5.nbt.1", "5.NBT.1", "Place value", case={"educationLevel": "05"}),
        Competency("practice", "MP.1", "Make sense of problems"),  # no level: every grade
    ),
)


def test_education_levels_are_a_competencys_own_or_its_nearest_ancestors() -> None:
    assert education_levels(FRAMEWORK, FRAMEWORK.competency("4.oa.1")) == {"04"}
    assert education_levels(FRAMEWORK, FRAMEWORK.competency("4.md.1")) == {"04", "05"}
    assert education_levels(FRAMEWORK, FRAMEWORK.competency("5.nbt.1")) == {"05"}
    assert education_levels(FRAMEWORK, FRAMEWORK.competency("practice")) is None


def test_a_student_counts_for_the_competencies_of_their_grade() -> None:
    every = list(FRAMEWORK.ordered)
    found = grade_competencies(FRAMEWORK, every)
    assert found == GroupCompetencies(
        by_group={
            "04": ("g4", "4.oa", "4.oa.1", "4.md.1", "practice"),
            "05": ("4.md.1", "5.nbt.1", "practice"),
        },
        others=("practice",),
    )
    assert found.of("05") == ("4.md.1", "5.nbt.1", "practice")
    assert found.of("08") == ("practice",)  # a grade the framework does not name
    assert found.of(None) == ("practice",)
    # ALL, or a scope without levels: everyone counts for everything.
    assert grade_competencies(FRAMEWORK, every, Denominator.ALL) is None
    assert grade_competencies(FRAMEWORK, [FRAMEWORK.competency("practice")]) is None


def _published(key: tuple[object, ...], students: int, c: int, mastered: int) -> SummaryCell:
    return blur(
        SummaryCell(key, students, students * c, mastered, 0, 0, students * c - mastered, None)
    )


def test_groups_spanning_grades_sum_their_grades_published_cells() -> None:
    """School A: grade 4, 25 students on 5 competencies, 60 mastered (published 20 students,
    50 mastered: 50-99 of 100-145); grade 5, 12 students on 3, 12 mastered (10; 0-29 of
    30-57). Summed: 30 students, 130 decisions, 50 mastered; the percentage between 50/202 =
    24% and 128/130 = 99%, too wide to print. School B has a hidden grade: hidden."""
    cells = [
        _published(("a", "04"), 25, 5, 60),
        _published(("a", "05"), 12, 3, 12),
        _published(("b", "04"), 30, 5, 0),
        SummaryCell(("b", "05"), None, None, None, None, None, None, None, True),
    ]
    a, b = summed_over(cells, 1)
    assert (a.key, a.students, a.decisions, a.mastered, a.no_evidence) == (("a",), 30, 130, 50, 80)
    assert a.bounds == ((50, 50 + 49 + 29), (130, 145 + 57))
    assert (a.percent_range, a.percent_mastered) == ((24, 99), None)
    assert (b.key, b.suppressed, b.students) == (("b",), True, None)


def test_a_class_counts_for_the_competencies_its_line_items_name() -> None:
    # 5.NBT.1 is named by its CFItem identifier (given in its CASE fields), the others by id;
    # an objective that names no competency is left out, and so is one out of scope.
    framework = replace(
        FRAMEWORK,
        competencies=tuple(
            replace(c, case={**c.case, "identifier": "cf-5nbt1"}) if c.id == "5.nbt.1" else c
            for c in FRAMEWORK.competencies
        ),
    )
    in_scope = [c for c in framework.ordered if c.id != "practice"]
    found = class_competencies(
        framework,
        in_scope,
        {
            "class-a": {"cf-5nbt1", "4.oa.1", "not-a-competency"},
            "class-b": {"practice"},
            "class-c": {"4.md.1"},
        },
    )
    assert found == GroupCompetencies(
        # In the framework's order, not the objectives'.
        {"class-a": ("4.oa.1", "5.nbt.1"), "class-c": ("4.md.1",)},
        others=(),
        dimension=Dimension.CLASS,
    )
    assert found.of("class-b") == ()
    assert found.of(None) == ()
    # Only the class-aligned rule reads classes; grade_competencies declines it.
    assert grade_competencies(framework, in_scope, Denominator.CLASS_ALIGNED) is None
    assert Denominator.CLASS_ALIGNED.dimension is Dimension.CLASS
    assert Denominator.ALL.dimension is None


def test_a_group_that_counts_for_no_competency_has_no_cell() -> None:
    # Class k1 counts for c1 and c2, k2 for none: 3 students in k1 (2 decisions on c1 mastered),
    # 4 in k2. Only k1 has a cell: 3 students x 2 competencies.
    by_class = GroupCompetencies({"k1": ("c1", "c2")}, others=(), dimension=Dimension.CLASS)
    cells = summary_cells(
        (Dimension.CLASS,),
        {("k1",): 3, ("k2",): 4},
        {("k1",): {MasteryStatus.MASTERED: 2}},
        ("c1", "c2"),
        (Dimension.CLASS, by_class.of),
    )
    # 2 of 6 is 33.33%.
    assert cells == [SummaryCell(("k1",), 3, 6, 2, 0, 0, 4, 33.33)]
