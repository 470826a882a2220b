"""A OneRoster line item's category onto the framework's categories (issue #15, decision
0036-habits-and-uncategorised): by the framework's `category_map`; unmapped results stay
uncategorised instead of being refused. Line item li-1 is scored 0..10 onto the scale 1-4
(x / 10 * 4), the average weighs categories practice 1 and summative 3."""

from __future__ import annotations

from typing import Any

from tests.api.gradebook_data import GRADEBOOK, line_item, put_result, result
from tests.api.mastery_data import FRAMEWORK, post, seed_framework
from tests.api.mastery_data import result as evidence
from tests.conftest import Api

SPLIT = [{"name": "practice", "weight": 1}, {"name": "summative", "weight": 3}]


async def _seed(api: Api, **settings: Any) -> None:
    await seed_framework(
        api,
        {**FRAMEWORK, "calculation": {"method": "average"}, "categories": SPLIT, **settings},
    )


async def _s1(api: Api) -> dict[str, Any]:
    return (await api.get("/v1/students/student-1/mastery/s-1")).json()


async def test_a_mapped_line_item_gives_its_results_the_category(api: Api) -> None:
    await _seed(api, category_map={"cat-quizzes": "practice"})
    response = await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1"))
    assert response.status_code == 201, response.text
    await put_result(api, "r-1", result(5))  # 5 / 10 * 4 = 2.0
    await post(api, evidence(4, 20, category="summative"))
    found = await _s1(api)
    # practice 2.0 (weight 1), summative 4.0 (weight 3): (2 + 12) / 4 = 3.5.
    assert (found["status"], found["score"]) == ("mastered", 3.5)
    # The gradebook result (normalised 2.0) is practice, the posted 4 summative.
    categories = {e["normalized_score"]: e["category"] for e in found["explanation"]["evidence"]}
    assert categories == {2.0: "practice", 4.0: "summative"}


async def test_an_unmapped_line_item_stays_uncategorised(api: Api) -> None:
    await _seed(api)
    response = await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1"))
    assert response.status_code == 201, response.text
    await put_result(api, "r-1", result(5))
    found = await _s1(api)
    assert (found["status"], found["evidence_count"]) == ("no_evidence", 0)
    [line] = found["explanation"]["evidence"]
    assert (line["category"], line["not_counted_because"]) == (None, "uncategorised")


async def test_an_unmapped_line_item_counts_in_the_uncategorised_category(api: Api) -> None:
    await _seed(api, uncategorised_category="summative")
    response = await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1"))
    assert response.status_code == 201, response.text
    await put_result(api, "r-1", result(10))  # 4.0, as summative
    found = await _s1(api)
    assert (found["status"], found["score"]) == ("mastered", 4.0)


async def test_moving_the_line_item_to_a_mapped_category_derives_its_results_again(
    api: Api,
) -> None:
    await _seed(api, category_map={"cat-homework": "practice", "cat-tests": "summative"})
    await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1"))
    await put_result(api, "r-1", result(5))  # 2.0, uncategorised: not counted
    assert (await _s1(api))["evidence_count"] == 0
    moved = line_item("s-1", category={"sourcedId": "cat-tests", "type": "category"})
    response = await api.put(f"{GRADEBOOK}/lineItems/li-1", moved)
    assert response.status_code == 200, response.text
    found = await _s1(api)
    assert (found["status"], found["score"], found["evidence_count"]) == ("not_yet", 2.0, 1)
    assert found["explanation"]["evidence"][0]["category"] == "summative"


async def test_a_category_map_must_name_the_framework_categories(api: Api) -> None:
    await _seed(api)
    response = await api.patch(
        "/v1/frameworks/fw-math",
        json={"category_map": {"cat-quizzes": "quizzes", "cat-tests": "summative"}},
    )
    assert response.status_code == 422
    assert {(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]} == {
        (
            ("body", "category_map", "cat-quizzes"),
            "must name one of the categories: practice, summative",
        ),
    }
    patched = await api.patch(
        "/v1/frameworks/fw-math", json={"category_map": {"cat-tests": "summative"}}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["category_map"] == {"cat-tests": "summative"}
