"""A simulation counted per subgroup, published as reports are (docs/decisions/0010): every
number below is worked out by hand from the decision record's rule: groups under 10 hidden, the
smallest shown one beside a lone hidden one hidden too, every other count the start of its range
(students in tens, decisions in tens of students' worth: 20 with two competencies)."""

from __future__ import annotations

import pytest

from app.domain.errors import Invalid
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.simulation import Comparison
from app.domain.mastery.simulation_groups import (
    GroupChanges,
    Member,
    by_subgroup,
    check_simulation_grouping,
)
from app.domain.reporting import Dimension
from app.domain.roster import Demographics

M, N = MasteryStatus.MASTERED, MasteryStatus.NOT_YET


def _student(
    sid: str, c1: tuple[MasteryStatus, MasteryStatus], c2: tuple[MasteryStatus, MasteryStatus]
) -> list[Comparison]:
    return [Comparison(sid, "c1", *c1), Comparison(sid, "c2", *c2)]


def _learner(sid: str, english_learner: bool | None, grade: str = "05") -> Member:
    return Member(("school-0",), (grade,), Demographics(id=sid, english_learner=english_learner))


def _hidden(dimension: Dimension, value: object) -> GroupChanges:
    return GroupChanges(dimension, value, None, None, None, None, None, None, None, True)


def test_a_group_of_nine_is_hidden_and_so_is_the_smallest_beside_it() -> None:
    # English learners: 9 (hidden); not learners: 10 (the smallest shown: hidden beside them);
    # unknown: 30, of whom s00-s24 would master c1 and s00-s20 lose c2.
    members: dict[str, Member] = {}
    comparisons: list[Comparison] = []
    for i in range(9):
        members[f"el{i}"] = _learner(f"el{i}", True)
        comparisons += _student(f"el{i}", (N, M), (M, M))
    for i in range(10):
        members[f"no{i}"] = _learner(f"no{i}", False)
        comparisons += _student(f"no{i}", (N, N), (M, M))
    for i in range(30):
        members[f"s{i:02d}"] = _learner(f"s{i:02d}", None)
        c1 = (N, M) if i < 25 else (N, N)
        c2 = (M, N) if i <= 20 else (M, M)
        comparisons += _student(f"s{i:02d}", c1, c2)
    got = by_subgroup(comparisons, members, [Dimension.ENGLISH_LEARNER])
    # Unknown: 30 students (30-39), 60 decisions; 25 became mastered (20-39: 20), 21 lost (20),
    # unchanged the rest of the published ones: 60 - 20 - 20 = 20; students gaining 25 (20),
    # losing 21 (20).
    assert got == [
        _hidden(Dimension.ENGLISH_LEARNER, False),
        _hidden(Dimension.ENGLISH_LEARNER, True),
        GroupChanges(Dimension.ENGLISH_LEARNER, None, 30, 60, 20, 20, 20, 20, 20, False),
    ]


def test_a_group_of_ten_is_shown_and_nothing_is_hidden_beside_it() -> None:
    # Grade 05: 10 students, each would master c1: 10 became mastered of 20 decisions (0-19: 0).
    # Grade 06: 19 students, 5 would lose c2 (0). Neither is under 10: both shown.
    members: dict[str, Member] = {}
    comparisons: list[Comparison] = []
    for i in range(10):
        members[f"a{i}"] = _learner(f"a{i}", False, "05")
        comparisons += _student(f"a{i}", (N, M), (N, N))
    for i in range(19):
        members[f"b{i:02d}"] = _learner(f"b{i:02d}", False, "06")
        comparisons += _student(f"b{i:02d}", (M, M), (M, N) if i < 5 else (M, M))
    got = by_subgroup(comparisons, members, [Dimension.GRADE, Dimension.SCHOOL])
    assert got == [
        GroupChanges(Dimension.GRADE, "05", 10, 20, 0, 0, 20, 10, 0, False),
        GroupChanges(Dimension.GRADE, "06", 10, 20, 0, 0, 20, 0, 0, False),
        # School-0 holds all 29: 58 decisions, 10 became (0), 5 lost (0); 10 gaining, 5 losing.
        GroupChanges(Dimension.SCHOOL, "school-0", 20, 40, 0, 0, 40, 10, 0, False),
    ]


def test_a_student_without_roster_records_is_in_the_unknown_groups_only() -> None:
    # 12 students with no record: no school or grade (no group there); sex unknown (12 shown).
    comparisons = [c for i in range(12) for c in _student(f"x{i:02d}", (N, M), (N, M))]
    got = by_subgroup(comparisons, {}, [Dimension.SCHOOL, Dimension.SEX])
    # 24 decisions all became mastered: 24 is in 20-39, published 20; unchanged 20 - 20 = 0.
    assert got == [GroupChanges(Dimension.SEX, None, 10, 20, 20, 0, 0, 10, 0, False)]


def test_only_a_students_own_groups_once_each_may_be_asked_for() -> None:
    with pytest.raises(Invalid) as raised:
        check_simulation_grouping([Dimension.SEX, Dimension.CLASS, Dimension.SEX])
    assert [p.loc for p in raised.value.problems] == [("group_by", 1), ("group_by", 2)]
    check_simulation_grouping([Dimension.SCHOOL, Dimension.RACE_ETHNICITY])
