"""The read models' contract (what reports and GraphQL's batches count), on the fakes, SQLite
and PostgreSQL. Every count below is worked out by hand from this roster:

    student  schools        grades   classes (as a student)     demographics
    s-1      org-s1         05       class-1                    female, hispanic, EL
    s-2      org-s1         05       class-1 (class-2 retired)  male, white
    s-3      org-s2         06       class-2                    female, asian + white
    s-4      org-s1 org-s2  05 06    class-1 class-2            none
    s-5      retired: counted nowhere
    s-6      org-s1         05       class-3 (a retired class)  retired: none

and these decisions of the math framework (shown status when written):

    s-1 m1a mastered, m1b not_yet; s-2 m1a mastered (an override of a not_yet);
    s-3 m1a insufficient_evidence, m2 mastered; s-4 m1a not_yet; s-5 m1a mastered;
    and s-1 has a science decision, which no math report counts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.access import TenantId
from app.domain.denominators import GroupCompetencies
from app.domain.frameworks import DEFAULT_CALCULATION, DEFAULT_SCALE
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.mastery.override import Override
from app.domain.mastery.record import ChangeCause, DecisionChange, DecisionRecord
from app.domain.reporting import Dimension
from app.domain.roster import EnrollmentRole, Sex
from app.ports.reports import ReportScope
from tests.contracts.conftest import Backend
from tests.contracts.records import (
    CLASS,
    CLASS_2,
    COURSE,
    DISTRICT,
    OTHER_SCHOOL,
    SCHOOL,
    TEACHER,
    YEAR,
    day,
    demographics,
    enrollment,
    retired,
    store,
    student,
)

M, N, I = MasteryStatus.MASTERED, MasteryStatus.NOT_YET, MasteryStatus.INSUFFICIENT_EVIDENCE  # noqa: E741
S1, S2 = "org-s1", "org-s2"


def decision(
    student_id: str,
    competency: str,
    status: MasteryStatus,
    framework: str = "math",
    override: Override | None = None,
) -> DecisionRecord:
    computed = ComputedDecision(status, None, None, 1, DEFAULT_CALCULATION)
    return DecisionRecord(student_id, competency, framework, computed, None, override, None, day(1))


def entry(
    student_id: str,
    status: MasteryStatus,
    at: float,
    competency: str = "m1a",
    valid: float | None = None,
) -> DecisionChange:
    """A history entry recorded on day `at`, holding from day `valid` (the same by default)."""
    return DecisionChange(
        student_id,
        competency,
        "math",
        day(at),
        ChangeCause.EVIDENCE,
        status,
        None,
        None,
        status,
        None,
        False,
        day(at if valid is None else valid),
    )


@pytest.fixture
async def district(backend: Backend, tenant: TenantId) -> TenantId:
    class_3 = retired(replace(CLASS, id="class-3"))
    users = [
        student("s-1"),
        student("s-2"),
        student("s-3", orgs=(S2,), grades=("06",)),
        student("s-4", orgs=(S1, S2), grades=("05", "06")),
        retired(student("s-5")),
        student("s-6"),
        TEACHER,
    ]
    places = [
        enrollment("e-1", "s-1"),
        enrollment("e-2", "s-2"),
        retired(enrollment("e-2b", "s-2", "class-2")),
        enrollment("e-3", "s-3", "class-2"),
        enrollment("e-4", "s-4"),
        enrollment("e-4b", "s-4", "class-2"),
        enrollment("e-5", "s-5"),
        enrollment("e-6", "s-6", "class-3"),
        enrollment("e-7", "t-1", role=EnrollmentRole.TEACHER),
    ]
    people = [
        demographics("s-1", Sex.FEMALE, hispanic_or_latino=True, english_learner=True),
        demographics("s-2", Sex.MALE, white=True, english_learner=False),
        demographics("s-3", Sex.FEMALE, asian=True, white=True),
        retired(demographics("s-6", Sex.FEMALE)),
    ]
    schools = [DISTRICT, SCHOOL, OTHER_SCHOOL, YEAR, COURSE, CLASS, CLASS_2, class_3]
    mastered = Override(None, M, "portfolio", None, day(1), "t-1")
    decisions = [
        decision("s-1", "m1a", M),
        decision("s-1", "m1b", N),
        decision("s-1", "s1a", M, framework="science"),
        decision("s-2", "m1a", N, override=mastered),
        decision("s-3", "m1a", I),
        decision("s-3", "m2", M),
        decision("s-4", "m1a", N),
        decision("s-5", "m1a", M),
    ]
    history = [
        entry("s-1", N, 1),
        entry("s-5", M, 1),
        entry("s-3", I, 2),
        entry("s-4", M, 2),
        entry("s-4", N, 2),  # at the same instant, after: the last word
        entry("s-1", M, 3),
    ]
    async with backend.uow(tenant) as uow:
        await store(uow, *schools, *users, *places, *people)
        await uow.decisions.save_many(decisions, history, lambda _: DEFAULT_SCALE, day(2))
        await uow.commit()
    return tenant


def scope(
    *dims: Dimension, competencies: tuple[str, ...] = ("m1a", "m1b", "m2"), **filters: object
) -> ReportScope:
    excluded = tuple(c for c in ("m1a", "m1b", "m2") if c not in competencies)
    return ReportScope(
        "math",
        competencies,
        dimensions=dims,
        excluded_competency_ids=excluded,
        **filters,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (scope(), {(): 5}),
        (scope(Dimension.SCHOOL), {(S1,): 4, (S2,): 2}),
        (scope(Dimension.CLASS), {("class-1",): 3, ("class-2",): 2}),
        (scope(Dimension.GRADE), {("05",): 4, ("06",): 2}),
        (scope(Dimension.SEX), {("female",): 2, ("male",): 1, (None,): 2}),
        (
            scope(Dimension.RACE_ETHNICITY),
            {
                ("hispanic_or_latino",): 1,
                ("white",): 1,
                ("two_or_more_races",): 1,
                ("unknown",): 2,
            },
        ),
        (scope(Dimension.ENGLISH_LEARNER), {(True,): 1, (False,): 1, (None,): 3}),
        (
            scope(Dimension.SCHOOL, Dimension.GRADE),
            {(S1, "05"): 4, (S1, "06"): 1, (S2, "05"): 1, (S2, "06"): 2},
        ),
        # The competency is no group of students: left out of the population's keys.
        (scope(Dimension.COMPETENCY, Dimension.SCHOOL), {(S1,): 4, (S2,): 2}),
        (scope(school_id=S2), {(): 2}),
        (scope(Dimension.SCHOOL, school_id=S2), {(S2,): 2}),
        (scope(Dimension.CLASS, class_id="class-1"), {("class-1",): 3}),
        (scope(class_id="class-2"), {(): 2}),
        (scope(Dimension.GRADE, grade="06"), {("06",): 2}),
        (scope(subgroups={Dimension.SEX: "female"}), {(): 2}),
        (scope(subgroups={Dimension.RACE_ETHNICITY: "unknown"}), {(): 2}),
    ],
)
async def test_population(
    backend: Backend,
    district: TenantId,
    asked: ReportScope,
    expected: dict[tuple[object, ...], int],
) -> None:
    assert await backend.reads(district).population(asked) == expected


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (scope(), {(): {M: 3, N: 2, I: 1}}),
        (
            scope(Dimension.COMPETENCY),
            {("m1a",): {M: 2, N: 1, I: 1}, ("m1b",): {N: 1}, ("m2",): {M: 1}},
        ),
        (
            scope(Dimension.SCHOOL, Dimension.COMPETENCY),
            {
                (S1, "m1a"): {M: 2, N: 1},
                (S1, "m1b"): {N: 1},
                (S2, "m1a"): {I: 1, N: 1},
                (S2, "m2"): {M: 1},
            },
        ),
        (scope(competencies=("m1a",)), {(): {M: 2, N: 1, I: 1}}),
        (scope(competencies=("m1b", "m2")), {(): {N: 1, M: 1}}),
        (scope(subgroups={Dimension.SEX: "female"}), {(): {M: 2, N: 1, I: 1}}),
        (scope(Dimension.CLASS, class_id="class-2"), {("class-2",): {I: 1, M: 1, N: 1}}),
    ],
)
async def test_decision_counts(
    backend: Backend,
    district: TenantId,
    asked: ReportScope,
    expected: dict[tuple[object, ...], dict[MasteryStatus, int]],
) -> None:
    assert await backend.reads(district).decision_counts(asked) == expected


async def test_decision_counts_before_each_cut(backend: Backend, district: TenantId) -> None:
    reads = backend.reads(district)
    counts = await reads.decision_counts_before(scope(), [day(1), day(2), day(3), day(4)])
    assert counts == [
        {},  # nothing strictly before day 1
        {(): {N: 1}},
        {(): {N: 2, I: 1}},
        {(): {M: 1, N: 1, I: 1}},
    ]
    by_school = await reads.decision_counts_before(scope(Dimension.SCHOOL), [day(4)])
    assert by_school == [{(S1,): {M: 1, N: 1}, (S2,): {N: 1, I: 1}}]
    assert await reads.decision_counts_before(scope(), []) == []


async def test_decision_counts_before_read_valid_time_and_known_before_transaction_time(
    backend: Backend, district: TenantId
) -> None:
    """On m2 alone (s-1..s-4 are in scope): results observed in October and loaded later.

    entry (recorded day, holds from day)        s-1          s-2          s-3
    1st                                         N (20, 5)    M (20, 8)    N (30, 25)
    2nd                                         M (20, 12)   N (31, 6)    M (32, 26)

    s-2's 2nd entry is a correction recorded later that holds from day 6 by itself but never
    before the entry it follows (day 8): carried forward, it holds from day 8."""
    later = [
        entry("s-1", N, 20, "m2", valid=5),
        entry("s-2", M, 20, "m2", valid=8),
        entry("s-1", M, 20, "m2", valid=12),
        entry("s-3", N, 30, "m2", valid=25),
        entry("s-2", N, 31, "m2", valid=6),
        entry("s-3", M, 32, "m2", valid=26),
    ]
    async with backend.uow(district) as uow:
        await uow.decisions.save_many([], later, lambda _: DEFAULT_SCALE, day(32))
        await uow.commit()
    reads = backend.reads(district)
    m2 = scope(competencies=("m2",))
    cuts = [day(5), day(6), day(9), day(13), day(27)]
    # The district's own history has no m2 entry: only these count.
    assert await reads.decision_counts_before(m2, cuts) == [
        {},  # nothing holds before day 5
        {(): {N: 1}},  # s-1 N from day 5
        {(): {N: 2}},  # s-1 N; s-2: the correction holds from day 8 (carried), so N
        {(): {M: 1, N: 1}},  # s-1 M from 12; s-2 N
        {(): {M: 2, N: 1}},  # s-3 M from 26 (N from 25 replaced)
    ]
    # What the service had recorded by day 21 (the day-20 entries): s-2 mastered still.
    assert await reads.decision_counts_before(m2, cuts, known_before=day(21)) == [
        {},
        {(): {N: 1}},
        {(): {N: 1, M: 1}},
        {(): {M: 2}},
        {(): {M: 2}},
    ]
    # Known before day 31: s-3's N (recorded day 30) is known, its M (day 32) not yet.
    assert (await reads.decision_counts_before(m2, [day(27)], known_before=day(31))) == [
        {(): {M: 2, N: 1}}
    ]


async def test_grade_level_counts_each_grade_on_its_own_competencies(
    backend: Backend, district: TenantId
) -> None:
    """Grade 05 counts m1a alone, grade 06 m1b and m2. Now: 05 has s-1 (m1a mastered), s-2
    (mastered) and s-4 (not yet); 06 has s-3 (m2 mastered; its m1a is not grade 06's) and
    s-4 (nothing on m1b or m2). Before day 4, from the history (all on m1a): 05 s-1 mastered
    and s-4 not yet; 06 nothing (s-3's and s-4's m1a are not grade 06's)."""
    levels = GroupCompetencies({"05": ("m1a",), "06": ("m1b", "m2")}, others=())
    by_grade = replace(scope(Dimension.GRADE), group_competencies=levels)
    reads = backend.reads(district)
    assert await reads.decision_counts(by_grade) == {("05",): {M: 2, N: 1}, ("06",): {M: 1}}
    assert await reads.decision_counts_before(by_grade, [day(4)]) == [{("05",): {M: 1, N: 1}}]
    # With the competency too: each grade's competencies alone.
    both = replace(scope(Dimension.GRADE, Dimension.COMPETENCY), group_competencies=levels)
    assert await reads.decision_counts(both) == {
        ("05", "m1a"): {M: 2, N: 1},
        ("06", "m2"): {M: 1},
    }


async def test_members_and_their_classes(backend: Backend, district: TenantId) -> None:
    reads = backend.reads(district)
    assert await reads.members(["class-1", "class-3", "class-x"], "student") == {
        "class-1": ["s-1", "s-2", "s-4"],
        "class-3": [],  # retired
        "class-x": [],
    }
    assert await reads.members(["class-1"], "teacher") == {"class-1": ["t-1"]}
    assert await reads.classes_of(["s-4", "s-2", "s-6", "t-1"], "student") == {
        "s-4": ["class-1", "class-2"],
        "s-2": ["class-1"],
        "s-6": [],
        "t-1": [],
    }


async def test_read_models_see_only_the_tenants_committed_rows(
    backend: Backend, district: TenantId, other_tenant: TenantId
) -> None:
    reads = backend.reads(other_tenant)
    # Grouped by nothing: one group, of nobody.
    assert await reads.population(scope()) == {(): 0}
    assert await reads.population(scope(Dimension.SCHOOL)) == {}
    assert await reads.decision_counts(scope()) == {}
    assert await reads.members(["class-1"], "student") == {"class-1": []}
    async with backend.uow(district) as uow:
        await uow.roster(student("s-7").kind).save(student("s-7"))
        # Uncommitted: the read models open their own session and do not see it.
        assert await backend.reads(district).population(scope()) == {(): 5}
    assert await backend.reads(district).population(scope()) == {(): 5}
