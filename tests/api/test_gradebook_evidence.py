"""OneRoster gradebook results become evidence, and decisions follow (values worked by hand).

The framework's scale is 1-4 (threshold 3, decaying average); a score s on a line item's range
lo..hi is the evidence (s - lo) of (hi - lo), normalised to (s - lo) / (hi - lo) x 4. With one
result a decision's score is that result's normalised score."""

from __future__ import annotations

import asyncio

import pytest

from tests.api.gradebook_data import (
    GRADEBOOK,
    decisions,
    evidence_of,
    line_item,
    put_result,
    result,
    seed_gradebook,
)
from tests.conftest import Api


async def test_per_objective_scores_become_one_piece_of_evidence_each(api: Api) -> None:
    await seed_gradebook(api)
    body = await put_result(api, "r-1", result(7, objectives={"s-1": 8, "s-2": 6}))

    assert body["metadata"]["masteryEvidence"] == {"competencies": ["s-1", "s-2"], "ignored": []}
    evidence = await evidence_of(api, "r-1")
    assert {c: (e["score"], e["max_score"]) for c, e in evidence.items()} == {
        "s-1": (8.0, 10.0),
        "s-2": (6.0, 10.0),
    }
    assert evidence["s-1"]["observed_at"] == "2026-09-14T15:00:00Z"
    assert evidence["s-1"]["kind"] == "summative"
    mastery = await decisions(api)
    # s-1: 8/10 x 4 = 3.2 (Proficient, mastered); s-2: 6/10 x 4 = 2.4 (Developing).
    assert (mastery["s-1"]["score"], mastery["s-1"]["status"]) == (3.2, "mastered")
    assert mastery["s-1"]["level"] == {"value": 3.0, "label": "Proficient"}
    assert (mastery["s-2"]["score"], mastery["s-2"]["status"]) == (2.4, "not_yet")
    # The domain rolls up: mean (3.2 + 2.4) / 2 = 2.8, not all children mastered.
    assert (mastery["d-nbt"]["score"], mastery["d-nbt"]["status"]) == (2.8, "not_yet")


async def test_an_overall_score_goes_to_every_competency_of_the_line_item(api: Api) -> None:
    await seed_gradebook(api)
    await put_result(api, "r-1", result(7.5))

    evidence = await evidence_of(api, "r-1")
    assert {c: (e["score"], e["max_score"]) for c, e in evidence.items()} == {
        "s-1": (7.5, 10.0),
        "s-2": (7.5, 10.0),
    }
    mastery = await decisions(api)
    # 7.5/10 x 4 = 3.0 on both: both mastered, and so is the domain (all children).
    assert [mastery[c]["score"] for c in ("s-1", "s-2", "d-nbt")] == [3.0, 3.0, 3.0]
    assert [mastery[c]["status"] for c in ("s-1", "s-2", "d-nbt")] == ["mastered"] * 3


async def test_an_objective_without_its_own_score_takes_the_overall_score(api: Api) -> None:
    await seed_gradebook(api)
    await put_result(api, "r-1", result(5, objectives={"s-1": 9, "s-2": None}))
    evidence = await evidence_of(api, "r-1")
    assert {c: e["score"] for c, e in evidence.items()} == {"s-1": 9.0, "s-2": 5.0}


@pytest.mark.parametrize(
    ("score", "evidence", "decision"),
    [
        # 50..100: 80 is 30 of 50 -> 0.6 x 4 = 2.4
        (80, (30.0, 50.0), 2.4),
        # the minimum is the bottom of the scale: 0 of 50 -> 0
        (50, (0.0, 50.0), 0.0),
        # the maximum is the top of the scale: 50 of 50 -> 4
        (100, (50.0, 50.0), 4.0),
    ],
)
async def test_a_range_that_does_not_start_at_zero_is_shifted(
    api: Api, score: float, evidence: tuple[float, float], decision: float
) -> None:
    await seed_gradebook(api)
    put = await api.put(f"{GRADEBOOK}/lineItems/li-2", line_item("s-1", low=50, high=100))
    assert put.status_code == 201, put.text
    await put_result(api, "r-1", result(score, item="li-2"))
    made = (await evidence_of(api, "r-1"))["s-1"]
    assert (made["score"], made["max_score"]) == evidence
    assert (await decisions(api))["s-1"]["score"] == decision


async def test_a_score_below_the_range_is_refused_and_nothing_is_written(api: Api) -> None:
    await seed_gradebook(api)
    await api.put(f"{GRADEBOOK}/lineItems/li-2", line_item("s-1", low=50, high=100))
    response = await api.put(f"{GRADEBOOK}/results/r-1", result(40, item="li-2"))
    assert response.status_code == 422
    body = response.json()
    assert body["imsx_CodeMinor"]["imsx_codeMinorField"] == [
        {"imsx_codeMinorFieldName": "result.score", "imsx_codeMinorFieldValue": "invaliddata"}
    ]
    assert "40 is below the line item's resultValueMin 50" in body["imsx_description"]
    assert (await api.get(f"{GRADEBOOK}/results/r-1")).status_code == 404
    assert await evidence_of(api, "r-1") == {}


async def test_a_score_above_the_range_is_refused_and_nothing_is_written(api: Api) -> None:
    # 110 of 50..100 was stored as 60 of 50, normalised to the top level without a word.
    await seed_gradebook(api)
    await api.put(f"{GRADEBOOK}/lineItems/li-2", line_item("s-1", low=50, high=100))
    response = await api.put(f"{GRADEBOOK}/results/r-1", result(110, item="li-2"))
    assert response.status_code == 422
    body = response.json()
    assert body["imsx_CodeMinor"]["imsx_codeMinorField"] == [
        {"imsx_codeMinorFieldName": "result.score", "imsx_codeMinorFieldValue": "invaliddata"}
    ]
    assert "110 is above the line item's resultValueMax 100" in body["imsx_description"]
    assert (await api.get(f"{GRADEBOOK}/results/r-1")).status_code == 404
    assert await evidence_of(api, "r-1") == {}
    # Lowering the maximum below a stored score is refused as well, naming the result.
    await put_result(api, "r-2", result(90, item="li-2"))
    lowered = await api.put(f"{GRADEBOOK}/lineItems/li-2", line_item("s-1", low=50, high=80))
    assert lowered.status_code == 422
    assert "90 is above the line item's resultValueMax 80" in lowered.json()["imsx_description"]


async def test_without_a_range_scores_are_on_the_competency_scale(api: Api) -> None:
    await seed_gradebook(api)
    await api.put(f"{GRADEBOOK}/lineItems/li-3", line_item("s-1", high=None))
    await put_result(api, "r-1", result(3.5, item="li-3"))
    made = (await evidence_of(api, "r-1"))["s-1"]
    assert (made["score"], made["max_score"]) == (3.5, None)
    assert (await decisions(api))["s-1"]["score"] == 3.5

    too_high = await api.put(f"{GRADEBOOK}/results/r-2", result(7, item="li-3"))
    assert too_high.status_code == 422
    fields = too_high.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert fields == [
        {"imsx_codeMinorFieldName": "result.score", "imsx_codeMinorFieldValue": "invaliddata"}
    ]
    assert "must be at most 4 on the competency's scale" in too_high.json()["imsx_description"]


async def test_put_again_updates_the_evidence_and_never_duplicates_it(api: Api) -> None:
    await seed_gradebook(api)
    first = await put_result(api, "r-1", result(8, objectives={"s-1": 8}))
    before = (await evidence_of(api, "r-1"))["s-1"]

    same = await put_result(api, "r-1", result(8, objectives={"s-1": 8}), status=200)
    assert same["dateLastModified"] == first["dateLastModified"]  # nothing new
    changed = await put_result(api, "r-1", result(9, objectives={"s-1": 9}), status=200)
    assert changed["score"] == 9.0

    after = await evidence_of(api, "r-1")
    assert list(after) == ["s-1"]
    assert after["s-1"]["id"] == before["id"]
    assert after["s-1"]["score"] == 9.0
    mastery = await decisions(api)
    # One result, now 9/10 x 4 = 3.6.
    assert (mastery["s-1"]["score"], mastery["s-1"]["evidence_count"]) == (3.6, 1)


async def test_score_status_is_a_mark_on_the_same_evidence(api: Api) -> None:
    # OneRoster 1.2 scoreStatus: exempt -> exempt, submitted/partially graded -> incomplete,
    # not submitted -> missing (the scale's lowest level, 1), fully graded -> the score.
    await seed_gradebook(api)
    exempt = await put_result(api, "r-1", result(None, status="exempt"))
    assert exempt["metadata"]["masteryEvidence"] == {"competencies": ["s-1", "s-2"], "ignored": []}
    marked = await evidence_of(api, "r-1")
    assert {c: e["mark"] for c, e in marked.items()} == {"s-1": "exempt", "s-2": "exempt"}
    assert (await decisions(api))["s-1"]["status"] == "no_evidence"

    await put_result(api, "r-1", result(8), status=200)
    assert (await decisions(api))["s-1"]["score"] == 3.2

    await put_result(api, "r-1", result(8, status="submitted"), status=200)
    pending = await evidence_of(api, "r-1")
    assert {c: (e["mark"], e["voided_at"]) for c, e in pending.items()} == {
        "s-1": ("incomplete", None),
        "s-2": ("incomplete", None),
    }
    assert (await decisions(api))["s-1"]["status"] == "no_evidence"

    await put_result(api, "r-1", result(None, status="not submitted"), status=200)
    missing = await decisions(api)
    assert (missing["s-1"]["score"], missing["s-1"]["status"]) == (1.0, "not_yet")

    # Graded again: the same evidence, unmarked, not a copy. 6/10 x 4 = 2.4.
    await put_result(api, "r-1", result(6), status=200)
    again = await evidence_of(api, "r-1")
    assert [e["id"] for e in again.values()] == [e["id"] for e in marked.values()]
    assert all(e["mark"] is None for e in again.values())
    assert (await decisions(api))["s-1"]["score"] == 2.4


async def test_delete_voids_the_evidence_and_the_result_is_gone(api: Api) -> None:
    await seed_gradebook(api)
    await put_result(api, "r-1", result(8))
    response = await api.delete(f"{GRADEBOOK}/results/r-1")
    assert response.status_code == 204
    assert response.content == b""

    assert all(e["voided_at"] is not None for e in (await evidence_of(api, "r-1")).values())
    mastery = await decisions(api)
    assert [mastery[c]["status"] for c in ("s-1", "s-2")] == ["no_evidence", "no_evidence"]
    gone = await api.get(f"{GRADEBOOK}/results/r-1")
    assert gone.status_code == 404
    assert gone.json()["imsx_CodeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"] == (
        "unknownobject"
    )
    assert (await api.delete(f"{GRADEBOOK}/results/r-1")).status_code == 404
    # Kept as tobedeleted for those who ask (delta consumers).
    listed = await api.get(f"{GRADEBOOK}/results", params={"filter": "status='tobedeleted'"})
    assert [(r["sourcedId"], r["status"]) for r in listed.json()["results"]] == [
        ("r-1", "tobedeleted")
    ]
    assert (await api.get(f"{GRADEBOOK}/results")).json()["results"] == []


async def test_objectives_that_are_not_competencies_are_reported_not_fatal(api: Api) -> None:
    await seed_gradebook(api)
    body = await put_result(
        api, "r-1", result(None, objectives={"s-1": 10, "ccss-4.OA.1": 7, "s-9": 3})
    )
    assert body["metadata"]["masteryEvidence"] == {
        "competencies": ["s-1"],
        "ignored": [
            {"learningObjectiveId": "ccss-4.OA.1", "reason": "not a competency of this district"},
            {"learningObjectiveId": "s-9", "reason": "not a competency of this district"},
        ],
    }
    # Kept with the result as sent.
    stored = (await api.get(f"{GRADEBOOK}/results/r-1")).json()["result"]
    ids = [
        r["learningObjectiveId"]
        for r in stored["learningObjectiveSet"][0]["learningObjectiveResults"]
    ]
    assert ids == ["s-1", "ccss-4.OA.1", "s-9"]
    assert list(await evidence_of(api, "r-1")) == ["s-1"]
    assert (await decisions(api))["s-1"]["score"] == 4.0


async def test_a_date_alone_is_noon_utc_and_answers_as_a_date(api: Api) -> None:
    await seed_gradebook(api)
    body = await put_result(api, "r-1", result(8, date="2026-09-14"))
    assert body["scoreDate"] == "2026-09-14"
    assert (await evidence_of(api, "r-1"))["s-1"]["observed_at"] == "2026-09-14T12:00:00Z"


async def test_changing_a_line_items_range_derives_its_results_again(api: Api) -> None:
    await seed_gradebook(api)
    await put_result(api, "r-1", result(8))
    assert (await decisions(api))["s-1"]["score"] == 3.2

    wider = await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1", "s-2", high=20))
    assert wider.status_code == 200
    # 8 of 20 -> 0.4 x 4 = 1.6.
    mastery = await decisions(api)
    assert [mastery[c]["score"] for c in ("s-1", "s-2")] == [1.6, 1.6]

    narrower = await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1", low=9, high=20))
    assert narrower.status_code == 422
    fields = narrower.json()["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert fields == [
        {"imsx_codeMinorFieldName": "results.r-1.score", "imsx_codeMinorFieldValue": "invaliddata"}
    ]
    assert (await api.get(f"{GRADEBOOK}/lineItems/li-1")).json()["lineItem"]["resultValueMax"] == 20

    # Aligned to s-1 alone: the result's evidence on s-2 is voided.
    await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1", high=20))
    evidence = await evidence_of(api, "r-1")
    assert (evidence["s-1"]["voided_at"], evidence["s-2"]["voided_at"] is not None) == (None, True)
    stored = (await api.get(f"{GRADEBOOK}/results/r-1")).json()["result"]
    assert stored["metadata"]["masteryEvidence"]["competencies"] == ["s-1"]


async def test_the_same_result_sent_twice_at_once_is_stored_once(api: Api) -> None:
    await seed_gradebook(api)
    first, second = await asyncio.gather(
        api.put(f"{GRADEBOOK}/results/r-1", result(8)),
        api.put(f"{GRADEBOOK}/results/r-1", result(8)),
    )
    assert {first.status_code, second.status_code} <= {200, 201}, (first.text, second.text)
    evidence = await evidence_of(api, "r-1")
    assert {c: e["score"] for c, e in evidence.items()} == {"s-1": 8.0, "s-2": 8.0}
    mastery = await decisions(api)
    assert (mastery["s-1"]["score"], mastery["s-1"]["evidence_count"]) == (3.2, 1)


async def test_an_objective_named_by_the_served_cfitem_identifier_counts(api: Api) -> None:
    """Vendors align to the CASE GUIDs this service serves for a framework authored here."""
    await seed_gradebook(api)
    package = (await api.get("/ims/case/v1p0/CFPackages/fw-math")).json()
    guid = {i["humanCodingScheme"]: i["identifier"] for i in package["CFItems"]}["4.NBT.1"]
    assert guid != "s-1"
    body = await put_result(api, "r-1", result(7, objectives={guid: 9}))
    assert body["metadata"]["masteryEvidence"]["ignored"] == []
    mastery = await decisions(api)
    # 9/10 x 4 = 3.6 on s-1, the competency the GUID names.
    assert (mastery["s-1"]["score"], mastery["s-1"]["status"]) == (3.6, "mastered")
