"""Evidence categories, weights and marks over REST, values worked by hand (scale 1-4,
threshold 3; average: the mean per category, then the categories with evidence weighed by
their weights)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.graphql_data import data
from tests.api.mastery_data import FRAMEWORK, by_competency, post, result, seed_framework
from tests.conftest import Api

SPLIT = [
    {"name": "formative", "weight": 10},
    {"name": "practice", "weight": 20},
    {"name": "summative", "weight": 70},
]
WEIGHTED: dict[str, Any] = {
    **FRAMEWORK,
    "calculation": {"method": "average"},
    "categories": SPLIT,
}


async def test_a_framework_reads_back_its_categories_and_patches_them(api: Api) -> None:
    created = await seed_framework(api, WEIGHTED)
    assert created["categories"] == [
        {"name": "formative", "weight": 10, "counted": True, "habits_of_work": False},
        {"name": "practice", "weight": 20, "counted": True, "habits_of_work": False},
        {"name": "summative", "weight": 70, "counted": True, "habits_of_work": False},
    ]
    assert created["missing_level"] is None
    patched = await api.patch(
        "/v1/frameworks/fw-math",
        json={
            "categories": [
                {"name": "formative", "weight": 0, "counted": False},
                {"name": "summative", "weight": 1},
            ],
            "missing_level": 2,
        },
    )
    assert patched.status_code in (200, 202), patched.text
    fetched = (await api.get("/v1/frameworks/fw-math")).json()
    assert [(c["name"], c["weight"], c["counted"]) for c in fetched["categories"]] == [
        ("formative", 0, False),
        ("summative", 1, True),
    ]
    assert fetched["missing_level"] == 2


async def test_invalid_categories_list_every_problem(api: Api) -> None:
    await seed_framework(api)
    response = await api.patch(
        "/v1/frameworks/fw-math",
        json={
            "categories": [{"name": "a", "weight": 0}, {"name": "a", "weight": 1}],
            "missing_level": 7,
        },
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert {(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]} == {
        (("body", "categories", 0, "weight"), "must be above 0 for a counted category"),
        (("body", "categories", 1, "name"), "repeats the category 'a'"),
        (("body", "missing_level"), "must be a number from 1 to 4"),
    }


async def test_a_10_20_70_split_decides_and_the_explanation_shows_the_shares(api: Api) -> None:
    await seed_framework(api, WEIGHTED)
    answer = await post(
        api,
        result(1, 1, category="formative"),
        result(3, 2, category="formative"),
        result(2, 3, category="practice"),
        result(4, 4, category="practice", weight=1),
        result(4, 5, category="summative"),
    )
    leaf = by_competency(answer["decisions"])["s-1"]
    # formative 2, practice 3, summative 4: (10*2 + 20*3 + 70*4) / 100 = 3.6
    assert (leaf["score"], leaf["status"]) == (3.6, "mastered")
    detail = (await api.get("/v1/students/student-1/mastery/s-1")).json()
    rows = detail["explanation"]["evidence"]
    assert [r["category"] for r in rows] == [
        "formative",
        "formative",
        "practice",
        "practice",
        "summative",
    ]
    # 10/100 * 1/2, 20/100 * 1/2, 70/100
    assert [round(r["weight"], 9) for r in rows] == [0.05, 0.05, 0.1, 0.1, 0.7]
    assert detail["explanation"]["summary"].endswith(
        "(weighted by category: formative 10, practice 20, summative 70)."
    )
    listed = (await api.get("/v1/evidence", params={"student_id": "student-1"})).json()["items"]
    pairs = sorted(((e["category"], e["weight"]) for e in listed), key=lambda p: (p[0], p[1] or 0))
    assert pairs == [
        ("formative", None),
        ("formative", None),
        ("practice", None),
        ("practice", 1.0),
        ("summative", None),
    ]


async def test_a_result_must_name_one_of_the_frameworks_categories(api: Api) -> None:
    await seed_framework(api, WEIGHTED)
    response = await api.post(
        "/v1/evidence",
        json={
            "items": [
                result(3, 1, category="homework"),
                result(3, 2),
                result(3, 3, category="summative", weight=0),
                result(3, 4, competency="s-2", category="summative"),
            ]
        },
    )
    assert response.status_code == 422
    assert {(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]} == {
        (("body", "items", 0, "category"), "must be one of formative, practice, summative"),
        (("body", "items", 1, "category"), "is required: one of formative, practice, summative"),
        (("body", "items", 2, "weight"), "must be a finite number above 0"),
    }
    # A failing batch writes nothing.
    assert (await api.get("/v1/evidence")).json()["items"] == []


async def test_marks_missing_exempt_and_incomplete(api: Api) -> None:
    await seed_framework(api, {**FRAMEWORK, "calculation": {"method": "average"}})
    answer = await post(
        api,
        result(4, 1),
        {**result(0, 2), "score": None, "mark": "missing"},
        {**result(0, 3), "score": None, "mark": "exempt"},
        result(2, 4, mark="incomplete"),
    )
    leaf = by_competency(answer["decisions"])["s-1"]
    # 4 and missing as the lowest level 1: (4 + 1) / 2 = 2.5; exempt and incomplete not counted.
    assert (leaf["score"], leaf["evidence_count"]) == (2.5, 2)
    rows = (await api.get("/v1/students/student-1/mastery/s-1")).json()["explanation"]["evidence"]
    assert [
        (r["mark"], r["counted"], r["not_counted_because"], r["normalized_score"]) for r in rows
    ] == [
        (None, True, None, 4.0),
        ("missing", True, None, 1.0),
        ("exempt", False, "exempt", 0.0),
        ("incomplete", False, "incomplete", 2.0),
    ]
    # Missing counted as 2 once the framework says so: (4 + 2) / 2 = 3.
    changed = await api.patch("/v1/frameworks/fw-math", json={"missing_level": 2})
    # A small district's decisions are recomputed in the request itself.
    assert changed.status_code == 200, changed.text
    after = (await api.get("/v1/students/student-1/mastery/s-1")).json()
    assert after["score"] == 3.0


async def test_a_score_is_required_without_a_mark(api: Api) -> None:
    await seed_framework(api)
    response = await api.post(
        "/v1/evidence", json={"items": [{**result(3, 1), "score": None}, result(3, 2, mark="late")]}
    )
    assert response.status_code == 422
    assert {(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]} >= {
        (("body", "items", 0, "score"), "is required unless the result has a mark"),
    }
    assert any(
        tuple(e["loc"])[:4] == ("body", "items", 1, "mark") for e in response.json()["errors"]
    )


async def test_habits_of_work_are_not_counted_in_the_academic_decision(api: Api) -> None:
    categories = [
        {"name": "summative", "weight": 1},
        {"name": "work habits", "weight": 1, "habits_of_work": True},
    ]
    await seed_framework(
        api, {**FRAMEWORK, "calculation": {"method": "average"}, "categories": categories}
    )
    answer = await post(
        api, result(4, 1, category="summative"), result(1, 2, category="work habits")
    )
    assert by_competency(answer["decisions"])["s-1"]["score"] == 4.0
    explanation = (await api.get("/v1/students/student-1/mastery/s-1")).json()["explanation"]
    assert [r["not_counted_because"] for r in explanation["evidence"]] == [None, "habits_of_work"]
    # Decided apart: the habits result alone, 1.0 (Beginning), not yet.
    assert explanation["habits_of_work"] == {
        "status": "not_yet",
        "score": 1.0,
        "level": {"value": 1.0, "label": "Beginning"},
        "evidence_count": 1,
    }
    assert explanation["summary"].endswith("Habits of work, decided apart: 1.00.")
    query = """{ student(id: "student-1") { mastery(frameworkId: "fw-math") {
        competencyId explanation { habitsOfWork { status score } } } } }"""
    found = {m["competencyId"]: m for m in (await data(api, query))["student"]["mastery"]}
    assert found["s-1"]["explanation"]["habitsOfWork"] == {"status": "NOT_YET", "score": 1.0}


async def test_graphql_shows_categories_marks_and_shares(api: Api) -> None:
    await seed_framework(api, {**WEIGHTED, "missing_level": 2})
    await post(
        api,
        result(2, 1, category="practice", weight=3),
        {**result(0, 2, category="summative"), "score": None, "mark": "missing"},
        result(4, 3, category="formative", mark="exempt"),
    )
    query = """{
      framework(id: "fw-math") { missingLevel categories { name weight counted habitsOfWork } }
      student(id: "student-1") { mastery(frameworkId: "fw-math") {
        competencyId score
        explanation { evidence { category mark weight counted notCountedBecause } }
        evidence(first: 5) { nodes { category weight mark } }
      } }
    }"""
    found = await data(api, query)
    assert found["framework"] == {
        "missingLevel": 2.0,
        "categories": [
            {"name": "formative", "weight": 10.0, "counted": True, "habitsOfWork": False},
            {"name": "practice", "weight": 20.0, "counted": True, "habitsOfWork": False},
            {"name": "summative", "weight": 70.0, "counted": True, "habitsOfWork": False},
        ],
    }
    mastery = {m["competencyId"]: m for m in found["student"]["mastery"]}["s-1"]
    # practice 2, summative missing as 2: (20*2 + 70*2) / 90 = 2; shares 20/90 and 70/90.
    assert mastery["score"] == 2.0
    lines = mastery["explanation"]["evidence"]
    assert [(x["category"], x["mark"], x["counted"]) for x in lines] == [
        ("practice", None, True),
        ("summative", "MISSING", True),
        ("formative", "EXEMPT", False),
    ]
    assert [x["weight"] for x in lines[:2]] == [pytest.approx(20 / 90), pytest.approx(70 / 90)]
    assert lines[2]["notCountedBecause"] == "exempt"
    assert sorted(
        (n["category"], n["weight"], n["mark"]) for n in mastery["evidence"]["nodes"]
    ) == [("formative", None, "EXEMPT"), ("practice", 3.0, None), ("summative", None, "MISSING")]


async def test_a_change_of_category_weights_can_be_simulated(api: Api) -> None:
    halves = [{"name": "practice", "weight": 50}, {"name": "summative", "weight": 50}]
    await seed_framework(
        api, {**FRAMEWORK, "calculation": {"method": "average"}, "categories": halves}
    )
    await post(api, result(2, 1, category="practice"), result(4, 2, category="summative"))
    # Now (50*2 + 50*4) / 100 = 3.0, mastered; under 80/20, (80*2 + 20*4) / 100 = 2.4, not yet.
    # d-nbt needs both children (s-2 has no results): not mastered either way; s-2 has no
    # results under either.
    candidate = {
        "categories": [{"name": "practice", "weight": 80}, {"name": "summative", "weight": 20}]
    }
    simulated = await api.post("/v1/frameworks/fw-math/simulate", json=candidate)
    assert simulated.status_code == 200, simulated.text
    report = simulated.json()
    assert (report["became_mastered"], report["lost_mastery"], report["unchanged"]) == (0, 1, 2)
    assert {c["competency_id"]: c["lost_mastery"] for c in report["by_competency"]} == {
        "s-1": 1,
        "s-2": 0,
        "d-nbt": 0,
    }
    assert report["students"] == [
        {"student_id": "student-1", "became_mastered": [], "lost_mastery": ["s-1"]}
    ]
