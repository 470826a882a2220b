"""A gradebook PUT is checked in one pass, as an evidence batch is (test_evidence_one_pass):
its type errors come with the references it names that do not exist, and a readable result's
unknown references with its scores out of range, in one answer; nothing is written. The
roster is roster_data's (class-1, student-1), line item li-1 scored 0..10 (gradebook_data)."""

from __future__ import annotations

from typing import Any

from tests.api.gradebook_data import GRADEBOOK, line_item, result, seed_gradebook
from tests.conftest import Api


def fields(response: Any) -> list[str]:
    minor = response.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    return [f["imsx_codeMinorFieldName"] for f in minor]


async def test_a_line_item_lists_its_type_errors_and_an_unknown_class(api: Api) -> None:
    await seed_gradebook(api)
    body = line_item("s-1", high="ten")
    body["lineItem"]["class"] = {"sourcedId": "class-9", "type": "class"}
    response = await api.put(f"{GRADEBOOK}/lineItems/li-9", body)
    assert response.status_code == 400
    assert fields(response) == ["lineItem.resultValueMax", "lineItem.class"]
    assert response.json()["imsx_description"] == (
        "The request is not valid (lineItem.resultValueMax: Input should be a valid number, "
        "unable to parse string as a number; lineItem.class: class 'class-9' does not exist)"
    )
    assert (await api.get(f"{GRADEBOOK}/lineItems/li-9")).status_code == 404


async def test_a_result_lists_its_type_errors_and_every_unknown_reference(api: Api) -> None:
    await seed_gradebook(api)
    body = result("eight", item="li-9", student="student-9")  # type: ignore[arg-type]
    body["result"]["class"] = "class-9"  # a bare sourcedId is read too
    response = await api.put(f"{GRADEBOOK}/results/r-1", body)
    assert response.status_code == 400
    assert fields(response) == [
        "result.score",
        "result.lineItem",
        "result.student",
        "result.class",
    ]
    described = response.json()["imsx_description"]
    for told in (
        "line item 'li-9' does not exist",
        "student 'student-9' does not exist",
        "class 'class-9' does not exist",
    ):
        assert told in described
    assert (await api.get(f"{GRADEBOOK}/results/r-1")).status_code == 404


async def test_a_readable_result_lists_unknown_references_and_its_range_together(
    api: Api,
) -> None:
    await seed_gradebook(api)
    # li-1 is 0..10 and aligned to s-1 and s-2: the overall score is read for both, and its one
    # problem is told once.
    response = await api.put(f"{GRADEBOOK}/results/r-1", result(12, student="student-9"))
    assert response.status_code == 422
    assert response.json()["imsx_description"] == (
        "The result is not valid (result.student: student 'student-9' does not exist; "
        "result.score: 12 is above the line item's resultValueMax 10)"
    )
    assert (await api.get(f"{GRADEBOOK}/results/r-1")).status_code == 404
