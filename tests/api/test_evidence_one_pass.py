"""A batch is checked in one pass: the items whose types are wrong and the problems of every
other item (students, competencies, ranges, repeats) come back in one 422, and nothing is
written. The framework is mastery_data's (s-1, s-2 on the 1-4 scale), the roster
roster_data's (student-1 only)."""

from __future__ import annotations

from typing import Any

from tests.api.mastery_data import result, seed_framework
from tests.conftest import Api


def problems(response: Any) -> list[tuple[tuple[object, ...], str]]:
    return [(tuple(e["loc"]), e["msg"]) for e in response.json()["errors"]]


async def test_type_errors_and_every_other_problem_in_one_answer(api: Api) -> None:
    await seed_framework(api)
    missing_source = result(3, 4)
    del missing_source["source_id"]
    items = [
        result(3, 1, ref="r0"),  # fine
        result("three", 2),  # type: not a number
        result(3, 3, student="nobody"),  # reference: no such student
        missing_source,  # type: source_id required
        result(25, 5, max_score=20),  # range: above its max_score
        result(2, 6, ref="r0"),  # repeat of item 0
        result(5, 7),  # range: above the scale's highest level, no max_score
        result(3, 8, kind="quiz"),  # type: not a kind
        result(3, 9, competency="nope"),  # reference: no such competency
        result("x", 10, student="nobody", competency="nope"),  # type and references at once
    ]
    response = await api.post("/v1/evidence", json={"items": items})
    assert response.status_code == 422
    assert response.json()["detail"] == "11 problem(s) in the batch; nothing was written"
    assert problems(response) == [
        (
            ("body", "items", 1, "score"),
            "Input should be a valid number, unable to parse string as a number",
        ),
        (("body", "items", 2, "student_id"), "no student 'nobody'"),
        (("body", "items", 3, "source_id"), "Field required"),
        (("body", "items", 4, "score"), "must be at most max_score (20)"),
        (
            ("body", "items", 5, "source_id"),
            "repeats item 0 (same source, source_id and competency)",
        ),
        (("body", "items", 6, "score"), "must be at most 4 without a max_score"),
        (("body", "items", 7, "kind"), "Input should be 'summative' or 'formative'"),
        (("body", "items", 8, "competency_id"), "no competency 'nope'"),
        (
            ("body", "items", 9, "score"),
            "Input should be a valid number, unable to parse string as a number",
        ),
        (("body", "items", 9, "student_id"), "no student 'nobody'"),
        (("body", "items", 9, "competency_id"), "no competency 'nope'"),
    ]
    listed = await api.get("/v1/evidence")
    assert listed.json()["items"] == []


async def test_a_score_above_its_max_score_is_refused_alone_too(api: Api) -> None:
    await seed_framework(api)
    response = await api.post("/v1/evidence", json={"items": [result(25, 1, max_score=20)]})
    assert response.status_code == 422
    assert problems(response) == [(("body", "items", 0, "score"), "must be at most max_score (20)")]
    fine = await api.post("/v1/evidence", json={"items": [result(20, 1, max_score=20)]})
    assert fine.status_code == 200, fine.text
    # 20 of 20 on the 1-4 scale: 4.0, Advanced.
    assert fine.json()["decisions"][0]["level"] == {"value": 4.0, "label": "Advanced"}


async def test_a_batch_that_is_not_a_list_of_items_is_refused_as_it_is(api: Api) -> None:
    await seed_framework(api)
    response = await api.post("/v1/evidence", json={"items": "all of them"})
    assert response.status_code == 422
    assert problems(response) == [(("body", "items"), "Input should be a valid list")]
