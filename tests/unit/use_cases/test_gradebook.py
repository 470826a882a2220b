"""The OneRoster gradebook on fakes: a result on a line item aligned to a competency becomes
evidence on the competency's scale (score / resultValueMax x 4); a line item whose score range
changes re-derives its results' evidence."""

from __future__ import annotations

import pytest

from app.domain.gradebook import ObjectiveScore
from app.domain.gradebook_reading import PutLineItem, PutResult
from app.domain.mastery.decision import MasteryStatus
from app.domain.roster import SchoolClass
from app.use_cases.catalog import UseCases
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT, day, given


@pytest.fixture
async def district(fakes: FakeAdapters) -> FakeAdapters:
    await given(fakes)
    async with fakes.database.uow(TENANT) as uow:
        k1 = SchoolClass(
            id="k1", title="Math 5", course_id="c1", school_id="org-s1", updated_at=day(-30)
        )
        await uow.roster(k1.kind).save(k1)
        await uow.commit()
    return fakes


def quiz(maximum: float) -> PutLineItem:
    return PutLineItem(
        sourced_id="li-1",
        title="Quiz 1",
        class_id="k1",
        result_value_max=maximum,
        objective_sets=((None, ("n1",)),),
    )


async def n1(use_cases: UseCases) -> tuple[MasteryStatus, float | None]:
    views = await use_cases.mastery.student_mastery(CALLER, "s1", framework_id="math")
    found = next(v for v in views if v.competency_id == "n1")
    return found.shown.status, found.shown.score


async def test_a_result_becomes_evidence_and_follows_its_line_item(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    saved = await use_cases.gradebook.put_line_item(CALLER, quiz(10))
    assert saved.created
    result = PutResult(
        sourced_id="res-1",
        line_item_id="li-1",
        student_id="s1",
        score_status="fully graded",
        score=8,
        score_date=day(-1).isoformat(),
        objective_results=((None, (ObjectiveScore("n1", 8),)),),
    )
    stored = await use_cases.gradebook.put_result(CALLER, result)
    assert stored.created
    # 8 of 10 on a scale up to 4: 3.2, mastered.
    assert await n1(use_cases) == (MasteryStatus.MASTERED, 3.2)
    tables = district.database.tables(TENANT)
    (evidence,) = [row.evidence for row in tables.evidence.values()]
    assert (evidence.source_id, evidence.score, evidence.max_score) == ("res-1", 8, 10)
    # Out of 20 now: 8 is 1.6, not yet; the same evidence, replaced.
    await use_cases.gradebook.put_line_item(CALLER, quiz(20))
    assert await n1(use_cases) == (MasteryStatus.NOT_YET, 1.6)
    assert len(tables.evidence) == 1
    assert [v.evidence.max_score for v in tables.evidence_versions] == [10]
