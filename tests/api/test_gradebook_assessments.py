"""The consumer's assessment line items and assessment results (decision 0051), on both
databases: an assessment result becomes evidence exactly as a result does (li-1's quiz scored
0..10 on the 1-4 scale: 5 of 10 is 2.0), in a namespace of its own (a result and an assessment
result may share a sourcedId), deleted it is voided; every problem in one answer."""

from __future__ import annotations

from typing import Any

from tests.api.gradebook_data import GRADEBOOK, line_item, result, seed_gradebook
from tests.api.oneroster_gradebook_schema import validate
from tests.conftest import Api

ITEMS = f"{GRADEBOOK}/assessmentLineItems"
RESULTS = f"{GRADEBOOK}/assessmentResults"


def assessment(*objectives: str, **extra: Any) -> dict[str, Any]:
    body = line_item(*objectives, **extra)["lineItem"]
    for key in ("assignDate", "dueDate", "school", "category"):
        body.pop(key)
    return {"assessmentLineItem": body}


def assessment_result(score: float | None, item: str = "ali-1", **extra: Any) -> dict[str, Any]:
    body = result(score, **extra)["result"]
    body.pop("lineItem")
    return {"assessmentResult": {**body, "assessmentLineItem": {"sourcedId": item}}}


async def _s1(api: Api) -> dict[str, Any]:
    found: dict[str, Any] = (await api.get("/v1/students/student-1/mastery/s-1")).json()
    return found


async def test_an_assessment_result_becomes_evidence_and_is_voided_when_deleted(
    api: Api,
) -> None:
    await seed_gradebook(api)
    created = await api.put(f"{ITEMS}/ali-1", assessment("s-1"))
    assert created.status_code == 201, created.text
    validate("assessmentLineItems", created.json(), many=False)
    item = created.json()["assessmentLineItem"]
    assert item["learningObjectiveSet"] == [{"source": "case", "learningObjectiveIds": ["s-1"]}]
    assert (item["class"]["sourcedId"], item["resultValueMax"]) == ("class-1", 10)

    put = await api.put(f"{RESULTS}/r-1", assessment_result(5))
    assert put.status_code == 201, put.text
    validate("assessmentResults", put.json(), many=False)
    body = put.json()["assessmentResult"]
    assert body["assessmentLineItem"]["sourcedId"] == "ali-1"
    assert body["assessmentLineItem"]["href"].endswith(f"{ITEMS}/ali-1")
    assert body["metadata"]["masteryEvidence"]["competencies"] == ["s-1"]
    found = await _s1(api)
    assert (found["score"], found["evidence_count"]) == (2.0, 1)  # 5 / 10 * 4
    evidence = (await api.get("/v1/evidence", params={"limit": 50})).json()["items"]
    assert [(e["source"], e["source_id"]) for e in evidence] == [("oneroster-assessment", "r-1")]

    # A result of the same sourcedId is another record: 10 of 10 is 4.0, beside the 2.0.
    assert (await api.put(f"{GRADEBOOK}/results/r-1", result(10))).status_code == 201
    assert (await _s1(api))["evidence_count"] == 2
    listed = await api.get(RESULTS, params={"filter": "assessmentLineItem.sourcedId='ali-1'"})
    validate("assessmentResults", listed.json(), many=True)
    assert [r["score"] for r in listed.json()["assessmentResults"]] == [5]
    assert listed.headers["X-Total-Count"] == "1"
    items = await api.get(ITEMS, params={"fields": "sourcedId,title"})
    assert items.json() == {
        "assessmentLineItems": [{"sourcedId": "ali-1", "title": "Place value quiz"}]
    }

    assert (await api.delete(f"{RESULTS}/r-1")).status_code == 204
    assert (await api.get(f"{RESULTS}/r-1")).status_code == 404
    after = await _s1(api)
    assert (after["score"], after["evidence_count"]) == (4.0, 1)  # the result's alone
    assert (await api.get(f"{GRADEBOOK}/results/r-1")).status_code == 200


async def test_an_assessment_line_item_may_leave_its_class_out(api: Api) -> None:
    await seed_gradebook(api)
    body = assessment("s-2")
    body["assessmentLineItem"].pop("class")
    created = await api.put(f"{ITEMS}/ali-2", body)
    assert created.status_code == 201, created.text
    assert "class" not in created.json()["assessmentLineItem"]
    put = await api.put(f"{RESULTS}/ar-2", assessment_result(10, item="ali-2"))
    assert put.status_code == 201, put.text
    shown = (await api.get("/v1/students/student-1/mastery/s-2")).json()
    assert (shown["score"], shown["evidence_count"]) == (4.0, 1)


async def test_every_problem_of_an_assessment_record_in_one_answer(api: Api) -> None:
    await seed_gradebook(api)
    assert (await api.put(f"{ITEMS}/ali-1", assessment("s-1"))).status_code == 201
    bad_item = await api.put(
        f"{ITEMS}/ali-9", {"assessmentLineItem": {"class": "class-9", "resultValueMax": -1}}
    )
    assert bad_item.status_code == 422, bad_item.text
    minor = bad_item.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert sorted(f["imsx_codeMinorFieldName"] for f in minor) == [
        "assessmentLineItem.resultValueMax",
        "assessmentLineItem.title",
    ]
    unknown_class = await api.put(f"{ITEMS}/ali-9", assessment("s-1", **{"class": "class-9"}))
    assert unknown_class.status_code == 422
    minor = unknown_class.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert [f["imsx_codeMinorFieldName"] for f in minor] == ["assessmentLineItem.class"]

    bad = assessment_result(12, student="student-9", status="graded")
    bad["assessmentResult"]["scoreDate"] = "yesterday"
    response = await api.put(f"{RESULTS}/ar-9", bad)
    assert response.status_code == 422, response.text
    minor = response.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert sorted(f["imsx_codeMinorFieldName"] for f in minor) == [
        "assessmentResult.scoreDate",
        "assessmentResult.scoreStatus",
    ]
    # Readable, but naming a student the district does not have, with a score off the range.
    unknown = await api.put(f"{RESULTS}/ar-9", assessment_result(12, student="student-9"))
    assert unknown.status_code == 422
    minor = unknown.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert sorted(f["imsx_codeMinorFieldName"] for f in minor) == [
        "assessmentResult.score",
        "assessmentResult.student",
    ]
    missing_item = await api.put(f"{RESULTS}/ar-9", assessment_result(5, item="ali-7"))
    minor = missing_item.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert [f["imsx_codeMinorFieldName"] for f in minor] == ["assessmentResult.assessmentLineItem"]
    assert (await api.get(f"{RESULTS}/ar-9")).status_code == 404  # nothing was written


async def test_a_body_with_type_errors_also_lists_what_it_names_that_does_not_exist(
    api: Api,
) -> None:
    await seed_gradebook(api)
    body = assessment_result(5, student="student-9", item="ali-7")
    body["assessmentResult"]["score"] = ["not", "a number"]
    response = await api.put(f"{RESULTS}/ar-9", body)
    assert response.status_code == 400, response.text
    minor = response.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert [f["imsx_codeMinorFieldName"] for f in minor] == [
        "assessmentResult.score",
        "assessmentResult.assessmentLineItem",
        "assessmentResult.student",
    ]
    item = assessment("s-1", **{"class": "class-9", "title": ["not", "text"]})
    response = await api.put(f"{ITEMS}/ali-9", item)
    minor = response.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert [f["imsx_codeMinorFieldName"] for f in minor] == [
        "assessmentLineItem.title",
        "assessmentLineItem.class",
    ]
