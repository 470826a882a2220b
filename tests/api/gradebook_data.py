"""Line items and results in the OneRoster 1.2 JSON binding, for the gradebook API tests.

The roster is roster_data's (class-1, student-1) and the framework mastery_data's: fw-math with
the standards s-1 and s-2 under the domain d-nbt, on the default scale 1-4 (threshold 3)."""

from __future__ import annotations

from typing import Any

from tests.api.mastery_data import seed_framework
from tests.conftest import Api

GRADEBOOK = "/ims/oneroster/gradebook/v1p2"


def line_item(
    *objectives: str, low: float | None = None, high: float | None = 10, **extra: Any
) -> dict[str, Any]:
    """A quiz of class-1 scored low..high, aligned to these competency ids (CASE identifiers)."""
    body: dict[str, Any] = {
        "title": "Place value quiz",
        "assignDate": "2026-09-01T08:00:00Z",
        "dueDate": "2026-09-08T23:59:00Z",
        "class": {"sourcedId": "class-1", "type": "class", "href": "https://lms/classes/class-1"},
        "school": {"sourcedId": "school-1", "type": "org"},
        "category": {"sourcedId": "cat-quizzes", "type": "category"},
        "learningObjectiveSet": [{"source": "case", "learningObjectiveIds": list(objectives)}],
    }
    if low is not None:
        body["resultValueMin"] = low
    if high is not None:
        body["resultValueMax"] = high
    return {"lineItem": {**body, **extra}}


def result(
    score: float | None,
    *,
    item: str = "li-1",
    student: str = "student-1",
    status: str = "fully graded",
    date: str = "2026-09-14T15:00:00Z",
    objectives: dict[str, float | None] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A result on a line item; `objectives` gives per-objective scores (learningObjectiveSet)."""
    body: dict[str, Any] = {
        "lineItem": {"sourcedId": item, "type": "lineItem"},
        "student": {"sourcedId": student, "type": "user"},
        "scoreStatus": status,
        "scoreDate": date,
    }
    if score is not None:
        body["score"] = score
    if objectives is not None:
        body["learningObjectiveSet"] = [
            {
                "source": "case",
                "learningObjectiveResults": [
                    {"learningObjectiveId": k} | ({} if v is None else {"score": v})
                    for k, v in objectives.items()
                ],
            }
        ]
    return {"result": {**body, **extra}}


async def seed_gradebook(api: Api) -> None:
    """The roster, the framework, and line item li-1 (0..10, aligned to s-1 and s-2)."""
    await seed_framework(api)
    response = await api.put(f"{GRADEBOOK}/lineItems/li-1", line_item("s-1", "s-2"))
    assert response.status_code == 201, response.text


async def put_result(api: Api, sourced_id: str, body: dict[str, Any], status: int = 201) -> Any:
    response = await api.put(f"{GRADEBOOK}/results/{sourced_id}", body)
    assert response.status_code == status, response.text
    return response.json()["result"]


async def decisions(api: Api, student: str = "student-1") -> dict[str, dict[str, Any]]:
    """The student's decisions by competency, read through REST."""
    response = await api.get(f"/v1/students/{student}/mastery", params={"framework_id": "fw-math"})
    assert response.status_code == 200, response.text
    return {d["competency_id"]: d for d in response.json()["items"]}


async def evidence_of(api: Api, result_id: str) -> dict[str, dict[str, Any]]:
    """The evidence a result made (voided too), by competency."""
    response = await api.get("/v1/evidence", params={"limit": 500})
    assert response.status_code == 200, response.text
    return {
        e["competency_id"]: e
        for e in response.json()["items"]
        if e["source"] == "oneroster" and e["source_id"] == result_id
    }
