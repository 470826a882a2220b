"""xAPI statements written from the spec's examples (xAPI 1.0.3 Part Two §2.4 and Appendix
A), for the LRS tests. The roster and framework are mastery_data's: student-1 in class-1, the
framework fw-math with s-1 and s-2 on the default scale 1-4 (mastered at 3)."""

from __future__ import annotations

import base64
from typing import Any

import httpx

from tests.conftest import Api

V = {"X-Experience-API-Version": "1.0.3"}
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VOIDED = "http://adlnet.gov/expapi/verbs/voided"
EXTENSION = "https://mastery.example/xapi/competency"
CASE = "/ims/case/v1p0"


def statement(
    sid: str | None,
    *,
    actor: dict[str, Any] | None = None,
    object_id: str = "http://example.adlnet.gov/xapi/example/activity",
    score: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A statement of student-1 (by account) answering an activity, scored `score`."""
    body: dict[str, Any] = {
        "actor": actor
        or {
            "objectType": "Agent",
            "account": {"homePage": "https://sis.example", "name": "student-1"},
        },
        "verb": {"id": ANSWERED, "display": {"en-US": "answered"}},
        "object": {"objectType": "Activity", "id": object_id},
        "timestamp": "2026-09-14T15:00:00Z",
    }
    if sid is not None:
        body["id"] = sid
    if score is not None:
        body["result"] = {"score": score, "success": True}
    return {**body, **extra}


def voiding(sid: str, target: str) -> dict[str, Any]:
    """The spec's voiding statement (1.0.3 Part Two §2.3.2)."""
    return {
        "id": sid,
        "actor": {"objectType": "Agent", "mbox": "mailto:teacher@example.org"},
        "verb": {"id": VOIDED, "display": {"en-US": "voided"}},
        "object": {"objectType": "StatementRef", "id": target},
    }


async def post(api: Api, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return await api.post("/xapi/statements", json=body, headers=V if headers is None else headers)


async def put(api: Api, sid: str, body: Any) -> httpx.Response:
    return await api.request(
        "PUT", "/xapi/statements", params={"statementId": sid}, json=body, headers=V
    )


async def get(api: Api, **params: Any) -> httpx.Response:
    return await api.get("/xapi/statements", params=params, headers=V)


def basic(client_id: str, secret: str) -> dict[str, str]:
    token = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {token}", **V}


async def cf_item(api: Api, competency_id: str) -> dict[str, Any]:
    """The CFItem served for a competency (its identifier and uri)."""
    response = await api.get(f"{CASE}/CFItems/{competency_id}")
    assert response.status_code == 200, response.text
    item: dict[str, Any] = response.json()
    return item


async def xapi_evidence(api: Api) -> dict[tuple[str, str], dict[str, Any]]:
    """Evidence made from statements (voided too), by (statement id, competency)."""
    response = await api.get("/v1/evidence", params={"limit": 500})
    assert response.status_code == 200, response.text
    return {
        (e["source_id"], e["competency_id"]): e
        for e in response.json()["items"]
        if e["source"] == "xapi"
    }
