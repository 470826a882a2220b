"""Class-aligned denominators (docs/decisions/0029-class-aligned-denominators.md): a student
counts, in each class they study in, for the competencies its gradebook line items are aligned
to; groups that span classes are counted per class, protected, and the published cells summed,
as grade-level reports do (0026). Counts worked out by hand, published as the decision record's
ranges (tests/differencing.py, written apart from the service); REST and GraphQL alike."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.access import Tenant
from tests.api.district_data import Pupil, post_scores, seed_framework, seed_roster
from tests.api.gradebook_data import GRADEBOOK
from tests.api.graphql_data import data
from tests.conftest import Api, Container
from tests.differencing import published

# School 0 (class-0): 20 students; school 1 (class-1): 10 students. Framework fw: c000-c002.
CLASS_0 = [Pupil(f"s{i:02d}", school=0) for i in range(20)]
CLASS_1 = [Pupil(f"t{i}", school=1) for i in range(10)]
SUMMARY = "/v1/reports/summary"
NUMBERS = ["students", "decisions", "mastered", "not_yet", "insufficient_evidence", "no_evidence"]


async def _line_item(api: Api, id: str, class_id: str, *objectives: str, **extra: Any) -> None:
    body = {
        "lineItem": {
            "title": f"Quiz {id}",
            "assignDate": "2026-09-01T08:00:00Z",
            "dueDate": "2026-09-08T23:59:00Z",
            "class": {"sourcedId": class_id, "type": "class"},
            "resultValueMin": 0,
            "resultValueMax": 4,
            "learningObjectiveSet": [{"source": "case", "learningObjectiveIds": list(objectives)}],
            **extra,
        }
    }
    response = await api.put(f"{GRADEBOOK}/lineItems/{id}", body)
    assert response.status_code == 201, response.text


@pytest.fixture
async def district(api: Api, container: Container, tenant: Tenant) -> Api:
    await seed_roster(container, tenant, [*CLASS_0, *CLASS_1])
    await seed_framework(container, tenant, 3)
    # class-0 is aligned to c000 and c001 (and an objective that is no competency); class-1 to
    # c002 only: its quiz on c000 is deleted.
    await _line_item(api, "li-a", "class-0", "c000")
    await _line_item(api, "li-b", "class-0", "c001", "not-a-competency")
    await _line_item(api, "li-c", "class-1", "c002")
    await _line_item(api, "li-d", "class-1", "c000", status="tobedeleted")
    scores = [(p.id, "c000", 3.0) for p in CLASS_0]  # 20 mastered
    scores += [(f"s{i:02d}", "c001", 4.0) for i in range(10)]  # 10 mastered
    scores += [(f"s{i:02d}", "c001", 1.0) for i in range(10, 20)]  # 10 not yet
    scores += [(p.id, "c002", 4.0) for p in CLASS_0]  # not aligned to class-0: not counted
    scores += [(p.id, "c002", 3.0) for p in CLASS_1]  # 10 mastered
    scores += [(p.id, "c000", 4.0) for p in CLASS_1]  # only a deleted line item: not counted
    await post_scores(container, tenant, scores)
    return api


def _numbers(row: dict[str, Any]) -> list[Any]:
    return [row[k] for k in NUMBERS]


def _published(students: int, mastered: int, not_yet: int, c: int) -> list[int]:
    p = published(students, mastered, not_yet, 0, c)
    keys = ["students", "decisions", "mastered", "notYet", "insufficientEvidence", "noEvidence"]
    return [int(p[k] or 0) for k in keys]


async def _summary(api: Api, **params: Any) -> list[dict[str, Any]]:
    answer = await api.get(
        SUMMARY, params={"framework_id": "fw", "denominator": "class_aligned", **params}
    )
    assert answer.status_code == 200, answer.text
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


async def test_each_class_counts_for_its_aligned_competencies(district: Api) -> None:
    rows = await _summary(district, group_by="class")
    assert [r["class_id"] for r in rows] == ["class-0", "class-1"]
    # class-0: 20 students x c000, c001; mastered 20 + 10, not yet 10.
    assert _numbers(rows[0]) == _published(20, 30, 10, 2)
    assert _numbers(rows[0]) == [20, 40, 20, 0, 0, 20]
    # class-1: 10 students x c002; all 10 mastered.
    assert _numbers(rows[1]) == _published(10, 10, 0, 1) == [10, 10, 10, 0, 0, 0]
    # By competency, a class lists only its own.
    by_competency = await _summary(district, group_by=["class", "competency"])
    assert [(r["class_id"], r["competency_id"]) for r in by_competency] == [
        ("class-0", "c000"),
        ("class-0", "c001"),
        ("class-1", "c002"),
    ]
    assert [_numbers(r) for r in by_competency] == [
        _published(20, 20, 0, 1),
        _published(20, 10, 10, 1),
        _published(10, 10, 0, 1),
    ]


async def test_groups_that_span_classes_sum_the_published_class_cells(district: Api) -> None:
    # Every student is in grade 05: its row spans both classes.
    (total,) = await _summary(district, group_by="grade")
    # The sum of the two published class cells above.
    assert _numbers(total) == [30, 50, 30, 0, 0, 20]
    # Ranges summed: mastered 20-39 and 10-19, decisions 40-58 and 10-19: 30-58 of 50-77,
    # 38% to 100% (whole percents rounded outward), too wide to print a percentage.
    assert (total["percent_mastered_low"], total["percent_mastered_high"]) == (
        3000 // 77,
        100,
    )
    assert total["percent_mastered"] is None
    schools = await _summary(district, group_by="school")
    assert [_numbers(r) for r in schools] == [[20, 40, 20, 0, 0, 20], [10, 10, 10, 0, 0, 0]]
    # Against every competency (ALL), the same district counts 30 x 3 decisions.
    everything = await district.get(
        SUMMARY, params={"framework_id": "fw", "group_by": "grade", "denominator": "all"}
    )
    assert everything.json()["items"][0]["decisions"] == 90


async def test_a_class_filter_narrows_to_that_class_competencies(district: Api) -> None:
    (row,) = await _summary(district, group_by="grade", class_id="class-1")
    assert _numbers(row) == _published(10, 10, 0, 1)


async def test_graphql_answers_as_rest(district: Api) -> None:
    query = """{ masterySummary(frameworkId: "fw", groupBy: [CLASS], denominator: CLASS_ALIGNED)
        { rows { key { class { id } } students decisions mastered notYet noEvidence } } }"""
    rows = (await data(district, query))["masterySummary"]["rows"]
    assert rows == [
        {
            "key": {"class": {"id": "class-0"}},
            "students": 20,
            "decisions": 40,
            "mastered": 20,
            "notYet": 0,
            "noEvidence": 20,
        },
        {
            "key": {"class": {"id": "class-1"}},
            "students": 10,
            "decisions": 10,
            "mastered": 10,
            "notYet": 0,
            "noEvidence": 0,
        },
    ]
    trend = """{ masteryTrend(frameworkId: "fw", groupBy: [GRADE], from: "2026-09-01T00:00:00Z",
        to: "2026-10-15T00:00:00Z", interval: MONTH, denominator: CLASS_ALIGNED)
        { points { rows { students decisions mastered } } } }"""
    points = (await data(district, trend))["masteryTrend"]["points"]
    # The results were observed on 1 September: September's and October's ends see them all.
    assert [p["rows"] for p in points] == [[{"students": 30, "decisions": 50, "mastered": 30}]] * 2


async def test_a_hidden_class_hides_every_group_it_is_summed_into(
    district: Api, container: Container, tenant: Tenant
) -> None:
    few = [Pupil(f"f{i}", school=2) for i in range(5)]
    await seed_roster(container, tenant, few)
    await _line_item(district, "li-e", "class-2", "c000")
    await post_scores(container, tenant, [(p.id, "c000", 4.0) for p in few])
    rows = await _summary(district, group_by="class")
    # class-2's 5 students are hidden, and class-1's 10 beside them (complementary
    # suppression: the smallest shown group, or the total would give class-2 away).
    assert [(r["class_id"], r["suppressed"]) for r in rows] == [
        ("class-0", False),
        ("class-1", True),
        ("class-2", True),
    ]
    (total,) = await _summary(district, group_by="grade")
    assert total["suppressed"] is True
    assert _numbers(total) == [None] * 6


async def test_a_class_aligned_to_nothing_adds_no_students(
    district: Api, container: Container, tenant: Tenant
) -> None:
    # class-3's ten students have results, but no line item of class-3 names a competency:
    # they count for nothing, so the class has no row and the grade's sum is unchanged (30
    # students, not 40).
    unaligned = [Pupil(f"u{i}", school=3) for i in range(10)]
    await seed_roster(container, tenant, unaligned)
    await _line_item(district, "li-f", "class-3", "not-a-competency")
    await post_scores(container, tenant, [(p.id, "c000", 4.0) for p in unaligned])
    rows = await _summary(district, group_by="class")
    assert [r["class_id"] for r in rows] == ["class-0", "class-1"]
    (total,) = await _summary(district, group_by="grade")
    assert _numbers(total) == [30, 50, 30, 0, 0, 20]
