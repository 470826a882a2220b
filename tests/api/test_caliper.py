"""POST /caliper: a Caliper 1.2 envelope whose GradeEvent (the shape of the spec's GradeEvent
example, Caliper Analytics 1.2 §B, with the assignable's learningObjectives of 1.2's
AssignableDigitalResource) becomes evidence; other events are stored; the event id makes a
resend harmless. Both databases; scale 1-4, mastered at 3."""

from __future__ import annotations

from typing import Any

from tests.api.mastery_data import seed_framework
from tests.api.xapi_data import cf_item
from tests.conftest import Api

GRADE_ID = "urn:uuid:a50ca17f-5971-47bb-8fca-4e6e6879001d"
VIEW_ID = "urn:uuid:cd088ca7-c044-405c-bb41-0b2a8506f907"
BASE = "https://example.edu/terms/201801/courses/7/sections/1/assess/1"


def grade_event(objectives: list[str], given: float = 12.0, most: float = 15.0) -> dict[str, Any]:
    return {
        "@context": "http://purl.imsglobal.org/ctx/caliper/v1p2",
        "id": GRADE_ID,
        "type": "GradeEvent",
        "actor": {"id": "https://example.edu/autograder", "type": "SoftwareApplication"},
        "action": "Graded",
        "object": {
            "id": f"{BASE}/users/554433/attempts/1",
            "type": "Attempt",
            "assignee": {
                "id": "https://example.edu/users/554433",
                "type": "Person",
                "otherIdentifiers": [
                    {
                        "type": "SystemIdentifier",
                        "identifier": "student-1",
                        "identifierType": "SisSourcedId",
                    }
                ],
            },
            "assignable": {
                "id": BASE,
                "type": "Assessment",
                "learningObjectives": [{"id": o, "type": "LearningObjective"} for o in objectives],
            },
            "count": 1,
        },
        "eventTime": "2026-09-14T10:57:06.000Z",
        "edApp": "https://example.edu",
        "generated": {
            "id": f"{BASE}/users/554433/attempts/1/scores/1",
            "type": "Score",
            "attempt": f"{BASE}/users/554433/attempts/1",
            "maxScore": most,
            "scoreGiven": given,
            "scorer": {"id": "https://example.edu/autograder", "type": "SoftwareApplication"},
        },
    }


VIEW = {
    "@context": "http://purl.imsglobal.org/ctx/caliper/v1p2",
    "id": VIEW_ID,
    "type": "ViewEvent",
    "actor": {"id": "https://example.edu/users/554433", "type": "Person"},
    "action": "Viewed",
    "object": {"id": "https://example.com/viewer/book/34843#epubcfi(/4/3)", "type": "Document"},
    "eventTime": "2026-09-14T10:15:00.000Z",
}


def envelope(*events: dict[str, Any], version: str = "v1p2") -> dict[str, Any]:
    return {
        "sensor": "https://example.edu/sensors/1",
        "sendTime": "2026-09-14T11:05:01.000Z",
        "dataVersion": f"http://purl.imsglobal.org/ctx/caliper/{version}",
        "data": list(events),
    }


async def _caliper_evidence(api: Api) -> dict[tuple[str, str], dict[str, Any]]:
    response = await api.get("/v1/evidence", params={"limit": 500})
    return {
        (e["source_id"], e["competency_id"]): e
        for e in response.json()["items"]
        if e["source"] == "caliper"
    }


async def test_a_grade_event_becomes_evidence_and_a_resend_is_skipped(api: Api) -> None:
    await seed_framework(api)
    s1 = await cf_item(api, "s-1")
    sent = envelope(grade_event([s1["uri"]]), VIEW)
    response = await api.post("/caliper", json=sent)
    assert (response.status_code, response.json()) == (200, {"stored": 2, "skipped": 0}), (
        response.text
    )
    evidence = await _caliper_evidence(api)
    assert list(evidence) == [(GRADE_ID, "s-1")]
    made = evidence[(GRADE_ID, "s-1")]
    assert (made["student_id"], made["score"], made["max_score"]) == ("student-1", 12.0, 15.0)
    assert made["observed_at"] == "2026-09-14T10:57:06Z"
    mastery = (await api.get("/v1/students/student-1/mastery/s-1")).json()
    assert (mastery["score"], mastery["status"]) == (3.2, "mastered")  # 12/15 x 4
    again = await api.post("/caliper", json=envelope(grade_event([s1["uri"]]), version="v1p1"))
    assert again.json() == {"stored": 0, "skipped": 1}
    assert len(await _caliper_evidence(api)) == 1
    changed = await api.post("/caliper", json=envelope(grade_event([s1["uri"]], given=3)))
    assert changed.status_code == 409
    # The view is stored, and is not reported as unmatched: it never meant to carry a score.
    unmatched = await api.get("/v1/xapi/unmatched", params={"kind": "caliper"})
    assert unmatched.json()["items"] == []


async def test_a_grade_event_for_no_competency_is_stored_unmatched(api: Api) -> None:
    await seed_framework(api)
    response = await api.post("/caliper", json=envelope(grade_event(["https://x.example/lo/9"])))
    assert response.json() == {"stored": 1, "skipped": 0}
    unmatched = (await api.get("/v1/xapi/unmatched", params={"kind": "caliper"})).json()
    assert [(i["id"], i["student_id"], i["reason"]) for i in unmatched["items"]] == [
        (GRADE_ID, "student-1", "names no competency of this district")
    ]


async def test_a_bad_envelope_lists_every_problem_and_stores_nothing(api: Api) -> None:
    await seed_framework(api)
    bad = {**envelope(grade_event(["s-1"], given=16), {**VIEW, "id": "view-1"}), "sensor": 7}
    response = await api.post("/caliper", json=bad)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert [(e["loc"], e["msg"]) for e in response.json()["errors"]] == [
        (["sensor"], "must be an IRI"),
        (["data", 0, "generated", "scoreGiven"], "must be at most maxScore"),
        (["data", 1, "id"], "must be a urn:uuid: id"),
    ]
    assert await _caliper_evidence(api) == {}
    no_token = await api.http.post("/caliper", json=envelope(VIEW))
    assert no_token.status_code == 401
