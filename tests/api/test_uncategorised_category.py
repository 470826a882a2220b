"""A framework's `uncategorised_category` (issue #15, decision 0036-habits-and-uncategorised):
results stored before the framework had categories count in the category it names. Scale 1-4,
threshold 3, the average (the mean per category, then the categories with evidence weighed by
their weights); values worked out by hand."""

from __future__ import annotations

from typing import Any

from tests.api.graphql_data import data
from tests.api.mastery_data import FRAMEWORK, post, result, seed_framework
from tests.api.roster_data import seed_roster
from tests.conftest import Api

SPLIT = [{"name": "practice", "weight": 1}, {"name": "summative", "weight": 3}]


async def _s1(api: Api) -> tuple[str, float | None, int]:
    found = (await api.get("/v1/students/student-1/mastery/s-1")).json()
    return found["status"], found["score"], found["evidence_count"]


async def _patch(api: Api, body: dict[str, Any]) -> dict[str, Any]:
    response = await api.patch("/v1/frameworks/fw-math", json=body)
    assert response.status_code == 200, response.text
    return response.json()


async def test_results_from_before_categories_count_in_the_named_category(api: Api) -> None:
    await seed_framework(api, {**FRAMEWORK, "calculation": {"method": "average"}})
    await post(api, result(2, 1), result(4, 2))
    assert await _s1(api) == ("mastered", 3.0, 2)  # (2 + 4) / 2

    await _patch(api, {"categories": SPLIT})
    # Both results now lack a category of the framework: listed uncategorised, not counted.
    assert await _s1(api) == ("no_evidence", None, 0)
    explanation = (await api.get("/v1/students/student-1/mastery/s-1")).json()["explanation"]
    assert [e["not_counted_because"] for e in explanation["evidence"]] == ["uncategorised"] * 2

    patched = await _patch(api, {"uncategorised_category": "practice"})
    assert patched["uncategorised_category"] == "practice"
    # Both count as practice: mean 3.0, the only category with evidence.
    assert await _s1(api) == ("mastered", 3.0, 2)

    await post(api, result(1, 3, category="summative"))
    # practice 3.0 (weight 1), summative 1.0 (weight 3): (1*3 + 3*1) / 4 = 1.5.
    assert await _s1(api) == ("not_yet", 1.5, 3)

    await _patch(api, {"uncategorised_category": "summative"})
    # All three in summative: (2 + 4 + 1) / 3 = 2.33.
    assert await _s1(api) == ("not_yet", 2.33, 3)

    await _patch(api, {"uncategorised_category": None})
    assert await _s1(api) == ("not_yet", 1.0, 1)  # only the summative 1 counts
    query = '{ framework(id: "fw-math") { uncategorisedCategory } }'
    assert (await data(api, query))["framework"] == {"uncategorisedCategory": None}


async def test_uncategorised_category_must_name_a_category_with_every_problem(api: Api) -> None:
    await seed_framework(api, {**FRAMEWORK, "categories": SPLIT})
    response = await api.patch(
        "/v1/frameworks/fw-math",
        json={"uncategorised_category": "homework", "missing_level": 7},
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert {(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]} == {
        (
            ("body", "uncategorised_category"),
            "must name one of the categories: practice, summative",
        ),
        (("body", "missing_level"), "must be a number from 1 to 4"),
    }


async def test_uncategorised_category_needs_categories(api: Api) -> None:
    await seed_roster(api)
    response = await api.post(
        "/v1/frameworks", json={**FRAMEWORK, "uncategorised_category": "practice"}
    )
    assert response.status_code == 422
    assert {(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]} == {
        (("body", "uncategorised_category"), "must be left out: the framework has no categories"),
    }


async def test_a_change_of_uncategorised_category_can_be_simulated(api: Api) -> None:
    await seed_framework(
        api, {**FRAMEWORK, "calculation": {"method": "average"}, "categories": SPLIT}
    )
    await post(api, result(1, 1, category="summative"))
    # Results stored while the framework had no categories, then categories again.
    await _patch(api, {"categories": []})
    await post(api, result(4, 2), result(4, 3))
    await _patch(api, {"categories": SPLIT})
    # Now only the summative 1 counts: 1.0, not yet. With the two 4s as practice:
    # (1*4 + 3*1) / 4 = 1.75, not yet; as summative: (1 + 4 + 4) / 3 = 3.0, mastered.
    assert await _s1(api) == ("not_yet", 1.0, 1)
    as_practice = await api.post(
        "/v1/frameworks/fw-math/simulate", json={"uncategorised_category": "practice"}
    )
    assert as_practice.status_code == 200, as_practice.text
    assert (as_practice.json()["became_mastered"], as_practice.json()["lost_mastery"]) == (0, 0)
    as_summative = await api.post(
        "/v1/frameworks/fw-math/simulate", json={"uncategorised_category": "summative"}
    )
    report = as_summative.json()
    assert (report["became_mastered"], report["lost_mastery"]) == (1, 0)
    assert report["students"] == [
        {"student_id": "student-1", "became_mastered": ["s-1"], "lost_mastery": []}
    ]
