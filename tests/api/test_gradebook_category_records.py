"""OneRoster 1.2 gradebook categories (getAllCategories, getCategory, putCategory,
deleteCategory) and what their title does: a framework's category_map may name the title, or
a framework category may carry it (any case), and a change of title or a deletion derives the
results of the category's line items again (issue #15; 0036 could not read titles).

Numbers: line item li-1 is scored 0..10 onto the scale 1-4 (x / 10 * 4), so result 5 is 2.0;
the framework's average weighs categories practice 1 and summative 3; threshold 3."""

from __future__ import annotations

from typing import Any

from tests.api.gradebook_data import GRADEBOOK, line_item, put_result, result
from tests.api.mastery_data import FRAMEWORK, post, seed_framework
from tests.api.mastery_data import result as evidence
from tests.conftest import Api

SPLIT = [{"name": "practice", "weight": 1}, {"name": "summative", "weight": 3}]
URL = f"{GRADEBOOK}/categories"


def category(title: str, **extra: Any) -> dict[str, Any]:
    return {"category": {"title": title, **extra}}


async def _put(api: Api, sourced_id: str, body: dict[str, Any], status: int) -> dict[str, Any]:
    response = await api.put(f"{URL}/{sourced_id}", body)
    assert response.status_code == status, response.text
    found: dict[str, Any] = response.json()["category"]
    return found


async def test_a_category_is_created_read_and_replaced_in_the_binding(api: Api) -> None:
    await seed_framework(api)
    created = await _put(
        api, "cat-quizzes", category("Quizzes", weight=20, metadata={"lms": "x"}), 201
    )
    assert set(created) == {
        "sourcedId",
        "status",
        "dateLastModified",
        "metadata",
        "title",
        "weight",
    }
    assert (created["sourcedId"], created["status"], created["title"], created["weight"]) == (
        "cat-quizzes",
        "active",
        "Quizzes",
        20.0,
    )
    assert created["metadata"] == {"lms": "x"}
    assert created["dateLastModified"].endswith("Z")
    # The same content again: 200, and its dateLastModified stays.
    again = await _put(
        api, "cat-quizzes", category("Quizzes", weight=20, metadata={"lms": "x"}), 200
    )
    assert again == created
    got = await api.get(f"{URL}/cat-quizzes")
    assert (got.status_code, got.json()) == (200, {"category": created})
    replaced = await _put(api, "cat-quizzes", category("Quizzes and checks"), 200)
    assert not {"weight", "metadata"} & set(replaced)
    assert replaced["title"] == "Quizzes and checks"
    only = await api.get(f"{URL}/cat-quizzes", params={"fields": "title"})
    assert only.json() == {"category": {"title": "Quizzes and checks"}}


async def test_category_problems_are_listed_together(api: Api) -> None:
    await seed_framework(api)
    response = await api.put(
        f"{URL}/cat-1",
        {"category": {"sourcedId": "cat-2", "title": " ", "weight": -1, "status": "gone"}},
    )
    assert response.status_code == 422
    fields = response.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert [f["imsx_codeMinorFieldName"] for f in fields] == [
        "category.sourcedId",
        "category.weight",
        "category.title",
        "category.status",
    ]
    missing = await api.get(f"{URL}/cat-1")
    assert missing.status_code == 404
    assert missing.json()["imsx_description"] == "No category 'cat-1'"


async def test_categories_page_filter_sort_and_delete(api: Api) -> None:
    await seed_framework(api)
    for sourced_id, title, weight in [
        ("cat-a", "Homework", 10),
        ("cat-b", "Tests", 70),
        ("cat-c", "Practice", 20),
    ]:
        await _put(api, sourced_id, category(title, weight=weight), 201)
    page = await api.get(URL, params={"limit": 2, "sort": "weight", "orderBy": "desc"})
    assert page.status_code == 200, page.text
    assert [c["sourcedId"] for c in page.json()["categories"]] == ["cat-b", "cat-c"]
    assert page.headers["x-total-count"] == "3"
    assert 'rel="next"' in page.headers["link"]
    heavy = await api.get(URL, params={"filter": "weight>='20'", "fields": "title"})
    assert heavy.json() == {"categories": [{"title": "Tests"}, {"title": "Practice"}]}
    deleted = await api.delete(f"{URL}/cat-a")
    assert deleted.status_code == 204
    assert (await api.get(f"{URL}/cat-a")).status_code == 404
    assert (await api.delete(f"{URL}/cat-a")).status_code == 404
    active = await api.get(URL)
    assert [c["sourcedId"] for c in active.json()["categories"]] == ["cat-b", "cat-c"]
    gone = await api.get(URL, params={"filter": "status='tobedeleted'"})
    assert [(c["sourcedId"], c["status"]) for c in gone.json()["categories"]] == [
        ("cat-a", "tobedeleted")
    ]


async def _seed(api: Api, **settings: Any) -> None:
    await seed_framework(
        api,
        {**FRAMEWORK, "calculation": {"method": "average"}, "categories": SPLIT, **settings},
    )
    # li-1 is in gradebook category cat-quizzes; result 5 is 2.0; the posted result is a
    # summative 4.0.
    response = await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1"))
    assert response.status_code == 201, response.text
    await post(api, evidence(4, 20, category="summative"))


async def _s1(api: Api) -> tuple[str, float | None, int, list[Any]]:
    found = (await api.get("/v1/students/student-1/mastery/s-1")).json()
    categories = sorted(
        (e["normalized_score"], e["category"]) for e in found["explanation"]["evidence"]
    )
    return found["status"], found["score"], found["evidence_count"], categories


async def test_a_framework_category_named_as_the_title_takes_the_results(api: Api) -> None:
    await _seed(api)
    await _put(api, "cat-quizzes", category("  PRACTICE "), 201)
    await put_result(api, "r-1", result(5))
    # practice 2.0 (weight 1), summative 4.0 (weight 3): (2 + 12) / 4 = 3.5.
    assert await _s1(api) == ("mastered", 3.5, 2, [(2.0, "practice"), (4.0, "summative")])


async def test_the_category_map_may_name_the_title(api: Api) -> None:
    await _seed(api, category_map={"Quizzes": "practice"})
    await _put(api, "cat-quizzes", category("Quizzes"), 201)
    await put_result(api, "r-1", result(5))
    assert await _s1(api) == ("mastered", 3.5, 2, [(2.0, "practice"), (4.0, "summative")])


async def test_the_map_of_the_sourced_id_wins_over_the_title(api: Api) -> None:
    await _seed(api, category_map={"cat-quizzes": "summative", "Quizzes": "practice"})
    await _put(api, "cat-quizzes", category("Quizzes"), 201)
    await put_result(api, "r-1", result(5))
    # Both summative, one weight: (2 + 4) / 2 = 3.0, at the threshold.
    assert await _s1(api) == ("mastered", 3.0, 2, [(2.0, "summative"), (4.0, "summative")])


async def test_a_change_of_title_derives_the_results_again(api: Api) -> None:
    await _seed(api)
    await put_result(api, "r-1", result(5))
    # No category record yet: the result is uncategorised and does not count; 4.0 alone.
    assert await _s1(api) == ("mastered", 4.0, 1, [(2.0, None), (4.0, "summative")])
    await _put(api, "cat-quizzes", category("Practice"), 201)
    assert await _s1(api) == ("mastered", 3.5, 2, [(2.0, "practice"), (4.0, "summative")])
    await _put(api, "cat-quizzes", category("Summative"), 200)
    assert await _s1(api) == ("mastered", 3.0, 2, [(2.0, "summative"), (4.0, "summative")])
    # Deleted, its title maps nothing: the result is uncategorised again.
    assert (await api.delete(f"{URL}/cat-quizzes")).status_code == 204
    assert await _s1(api) == ("mastered", 4.0, 1, [(2.0, None), (4.0, "summative")])


async def test_metadata_no_database_can_store_is_refused_not_a_server_error(api: Api) -> None:
    """Found by the fuzz: a vendor's metadata holding an integer past 64 bits, or text with a
    lone surrogate, answered 500; it is the vendor's error, named at `category.metadata`."""
    await seed_framework(api)
    for raw in (
        '{"category": {"title": "Quizzes", "metadata": {"n": -75887067349184174620672}}}',
        '{"category": {"title": "Quizzes", "metadata": {"note": "\\ud800"}}}',
        '{"category": {"title": "Quizzes", "metadata": {"\\udd69": [{"x": 1}]}}}',  # a key
    ):
        response = await api.http.put(
            f"{URL}/cat-m",
            content=raw.encode(),
            headers={**api.auth, "Content-Type": "application/json"},
        )
        # The binding's answer to a body its schema refuses: 400, imsx_StatusInfo.
        assert response.status_code == 400, (raw, response.text)
        fields = response.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
        assert [(f["imsx_codeMinorFieldName"], f["imsx_codeMinorFieldValue"]) for f in fields] == [
            ("category.metadata", "invaliddata")
        ]
    assert (await api.get(f"{URL}/cat-m")).status_code == 404  # nothing was written
    # The largest integer, and a surrogate pair (one character, U+EB169), are stored as sent.
    kept = await _put(
        api, "cat-m", category("Quizzes", metadata={"n": 2**63 - 1, "\U000eb169": 1}), 201
    )
    assert kept["metadata"] == {"n": 2**63 - 1, "\U000eb169": 1}
