"""Refreshing decisions and rollups on fakes: a parent is rolled up from its active children
(mastered when all of them are; its score the mean of theirs), leaves are read back as shown,
and a decision's history holds only the changes of status or level."""

from __future__ import annotations

import pytest

from app.domain.mastery.decision import MasteryStatus
from app.use_cases.catalog import UseCases
from app.use_cases.evidence import EvidenceInput
from app.use_cases.mastery import DecisionView
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT, day, given

MASTERED, NOT_YET = MasteryStatus.MASTERED, MasteryStatus.NOT_YET
NO_EVIDENCE = MasteryStatus.NO_EVIDENCE


@pytest.fixture
async def district(fakes: FakeAdapters) -> FakeAdapters:
    await given(fakes)
    return fakes


async def record(
    use_cases: UseCases, competency: str, score: float, when: float, student: str = "s1"
) -> None:
    await use_cases.evidence.record_evidence(
        CALLER, [EvidenceInput(student, competency, score, day(when), f"{competency}-{when}")]
    )


async def views(
    use_cases: UseCases, student: str = "s1"
) -> dict[str, tuple[MasteryStatus, float | None, float | None]]:
    found = await use_cases.mastery.student_mastery(CALLER, student, framework_id="math")
    return {v.competency_id: _seen(v) for v in found}


def _seen(v: DecisionView) -> tuple[MasteryStatus, float | None, float | None]:
    return (v.shown.status, v.shown.score, v.shown.level.value if v.shown.level else None)


async def test_a_parent_is_rolled_up_from_its_children(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await record(use_cases, "n1", 4, -3)
    # One of two active children mastered (n3 is retired and takes no part): not yet.
    assert await views(use_cases) == {
        "n": (NOT_YET, 4.0, 4),
        "n1": (MASTERED, 4.0, 4),
        "n2": (NO_EVIDENCE, None, None),
        "g": (NO_EVIDENCE, None, None),
    }
    await record(use_cases, "n2", 3, -2)
    # Both mastered: mastered, the mean of 4 and 3.
    assert (await views(use_cases))["n"] == (MASTERED, 3.5, 3)
    await record(use_cases, "n2", 1, -1)
    # n2: 0.35 x 3 + 0.65 x 1 = 1.7; n: the mean of 4 and 1.7, 2.85: not yet, Developing.
    assert (await views(use_cases))["n2"] == (NOT_YET, 1.7, 1)
    assert (await views(use_cases))["n"] == (NOT_YET, 2.85, 2)
    history = await use_cases.mastery.decision_history(CALLER, "s1", "n")
    assert [(h.status, h.level_value) for h in history] == [
        (NOT_YET, 4),
        (MASTERED, 3),
        (NOT_YET, 2),
    ]
    stored = district.database.tables(TENANT).decisions[("s1", "n")].record
    assert stored.state is None  # a rollup keeps no incremental state
    assert stored.computed.evidence_count == 3  # the children's results


async def test_history_records_only_changes_of_status_or_level(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await record(use_cases, "g", 3, -3)
    # 0.35 x 3 + 0.65 x 3.5 = 3.325: the score moves, the level (3) and status stay.
    await record(use_cases, "g", 3.5, -2)
    # 0.35 x 3.325 + 0.65 x 4 = 3.76375, 3.76: still Proficient and mastered.
    await record(use_cases, "g", 4, -1)
    assert (await views(use_cases))["g"] == (MASTERED, 3.76, 3)
    history = await use_cases.mastery.decision_history(CALLER, "s1", "g")
    assert [(h.status, h.score) for h in history] == [(MASTERED, 3.0)]
    # 0.35 x 3.76375 + 0.65 x 1 = 1.9673: Beginning, not yet: a new entry.
    await record(use_cases, "g", 1, 0)
    history = await use_cases.mastery.decision_history(CALLER, "s1", "g")
    assert [(h.status, h.level_value, h.score) for h in history] == [
        (MASTERED, 3, 3.0),
        (NOT_YET, 1, 1.97),
    ]


async def test_each_student_is_decided_apart(district: FakeAdapters, use_cases: UseCases) -> None:
    await use_cases.evidence.record_evidence(
        CALLER,
        [
            EvidenceInput("s1", "n1", 4, day(-2), "a"),
            EvidenceInput("s2", "n1", 2, day(-2), "b"),
            EvidenceInput("s2", "n2", 4, day(-1), "c"),
        ],
    )
    assert (await views(use_cases, "s1"))["n"] == (NOT_YET, 4.0, 4)
    # s2: n1 not yet (2), n2 mastered (4): one of two, not yet; the mean is 3.
    assert (await views(use_cases, "s2"))["n"] == (NOT_YET, 3.0, 3)
    grid = await use_cases.mastery.students_mastery(
        CALLER, ["s1", "s2", "s404"], framework_id="math"
    )
    assert sorted(grid) == ["s1", "s2"]  # an unknown id is left out


async def test_a_decision_as_it_stood(district: FakeAdapters, use_cases: UseCases) -> None:
    await record(use_cases, "g", 1, -3)
    district.clock.advance(days=1)
    await record(use_cases, "g", 4, -1)
    # As of day -2 only the first result was observed.
    then = await use_cases.mastery.student_mastery(CALLER, "s1", framework_id="math", as_of=day(-2))
    assert {v.competency_id: _seen(v) for v in then}["g"] == (NOT_YET, 1.0, 1)
    now = await views(use_cases)
    # 0.35 x 1 + 0.65 x 4 = 2.95: not yet, Developing.
    assert now["g"] == (NOT_YET, 2.95, 2)
