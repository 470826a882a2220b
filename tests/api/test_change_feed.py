"""The change feed (GET /v1/changes): every change of a decision, of evidence and of the roster,
in one durable order, with ids and states only; paged by an opaque cursor that an empty page
hands back; other tenants see none of it; erasing a student erases the student's events."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.db.changes import events_table
from app.bootstrap import Container
from tests.api.mastery_data import post, result, seed_framework
from tests.api.roster_data import STUDENT
from tests.conftest import Api
from tests.feed_horizon import settled
from tests.integration import oneroster_sets as sets

# The engine of each test's tenant (the feed helpers wait on its database).
ENGINES: dict[int, AsyncEngine] = {}


@pytest.fixture(autouse=True)
def _engine_of(api: Api, other_api: Api, container: Container) -> None:
    ENGINES[api.tenant.id] = ENGINES[other_api.tenant.id] = container.engine


EVIDENCE_AND_DECISIONS = "evidence.added,evidence.voided,decision.changed"


async def _feed(api: Api, **params: Any) -> dict[str, Any]:
    await settled(ENGINES[api.tenant.id])
    answer = await api.get("/v1/changes", params=params)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def _all(api: Api, types: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    params: dict[str, Any] = {"limit": limit}
    if types:
        params["types"] = types
    items: list[dict[str, Any]] = []
    while True:
        page = await _feed(api, **params)
        items += page["items"]
        if not page["items"]:
            return items
        params["after"] = page["next_cursor"]


async def test_a_result_announces_its_evidence_then_each_decision_it_changed(api: Api) -> None:
    await seed_framework(api)
    recorded = await post(api, result(3, 1))
    feed = await _all(api, EVIDENCE_AND_DECISIONS)
    assert [e["type"] for e in feed] == ["evidence.added", "decision.changed", "decision.changed"]
    added = feed[0]["data"]
    assert added == {
        "evidence_id": recorded["items"][0]["id"],
        "student_id": "student-1",
        "competency_id": "s-1",
        "framework_id": "fw-math",
        "score": 3.0,
        "max_score": None,
        "voided": False,
    }
    decided = {d["competency_id"]: d for d in recorded["decisions"]}
    # The leaf first, then the domain it rolls up into (the order they were saved in).
    changed = [e["data"] for e in feed[1:]]
    assert {c["competency_id"] for c in changed} == {"s-1", "d-nbt"}
    for change in changed:
        shown = decided[change["competency_id"]]
        assert change["student_id"] == "student-1"
        assert change["framework_id"] == "fw-math"
        assert change["status"] == shown["status"]
        assert change["cause"] == "evidence"
        assert change["overridden"] is False
    ids = [e["id"] for e in feed]
    assert ids == sorted(ids)
    assert len(set(ids)) == 3


async def test_voiding_announces_the_void_and_the_recomputed_decision(api: Api) -> None:
    await seed_framework(api)
    recorded = await post(api, result(3, 1))
    evidence_id = recorded["items"][0]["id"]
    start = await _feed(api, limit=500)
    assert (await api.delete(f"/v1/evidence/{evidence_id}")).status_code == 200
    later = await _feed(api, after=start["next_cursor"], types=EVIDENCE_AND_DECISIONS)
    voided = [e for e in later["items"] if e["type"] == "evidence.voided"]
    assert [v["data"]["evidence_id"] for v in voided] == [evidence_id]
    assert voided[0]["data"]["voided"] is True
    changes = [e["data"] for e in later["items"] if e["type"] == "decision.changed"]
    leaf = [c for c in changes if c["competency_id"] == "s-1"]
    assert [(c["status"], c["cause"]) for c in leaf] == [("no_evidence", "void")]


async def test_a_result_sent_again_with_a_new_score_announces_a_replacement(api: Api) -> None:
    await seed_framework(api)
    first = await post(api, result(3, 1, ref="quiz-1"))
    start = await _feed(api, limit=500)
    again = await post(api, result(1, 1, ref="quiz-1"))
    assert again["items"][0]["id"] == first["items"][0]["id"]
    later = await _feed(api, after=start["next_cursor"], types="evidence.replaced")
    assert [(e["data"]["evidence_id"], e["data"]["score"]) for e in later["items"]] == [
        (first["items"][0]["id"], 1.0)
    ]


async def test_roster_changes_carry_ids_and_roles_never_names(api: Api) -> None:
    await seed_framework(api)
    before = await _feed(api, limit=500, types="roster.user.changed")
    assert (
        await api.put("/v1/users/student-9", {**STUDENT, "given_name": "Zed"})
    ).status_code == 201
    page = await _feed(api, after=before["next_cursor"], types="roster.user.changed")
    assert [e["data"] for e in page["items"]] == [
        {"id": "student-9", "status": "active", "role": "student"}
    ]
    everything = await api.get("/v1/changes", params={"limit": 500})
    for name in ("Zed", "Sam", "Study"):
        assert name not in everything.text


async def test_pages_of_one_follow_the_whole_feed_and_an_empty_page_keeps_the_cursor(
    api: Api,
) -> None:
    await seed_framework(api)
    await post(api, result(3, 1), result(2, 2, competency="s-2"))
    whole = await _all(api)
    one_by_one = await _all(api, limit=1)
    assert [e["id"] for e in one_by_one] == [e["id"] for e in whole]
    assert len(whole) > 5
    last = await _feed(api, after=(await _feed(api, limit=1))["next_cursor"], limit=500)
    end = last["next_cursor"]
    assert last["items"][-1]["id"] == whole[-1]["id"]
    empty = await _feed(api, after=end)
    assert empty == {"items": [], "next_cursor": end}


async def test_a_bad_cursor_and_an_unknown_type_are_both_reported(api: Api) -> None:
    answer = await api.get(
        "/v1/changes", params={"after": "not-a-cursor", "types": "x.y,decision.changed,z"}
    )
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/problem+json"
    where = sorted((tuple(e["loc"]), e["msg"]) for e in answer.json()["errors"])
    assert where == [
        (("query", "after"), "is not a cursor of this feed"),
        (("query", "types"), "'x.y' is not a change type"),
        (("query", "types"), "'z' is not a change type"),
    ]


async def test_another_tenant_sees_none_of_the_feed(api: Api, other_api: Api) -> None:
    await seed_framework(api)
    await post(api, result(3, 1))
    assert await _all(api)
    assert await _all(other_api) == []


async def test_erasing_a_student_erases_the_students_events(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(3, 1))
    mine = [e for e in await _all(api) if e["data"].get("student_id") == "student-1"]
    assert len(mine) >= 3
    erased = await api.delete("/v1/students/student-1", params={"confirm": "student-1"})
    assert erased.status_code == 200, erased.text
    left = await _all(api)
    assert [
        e
        for e in left
        if "student-1"
        in (e["data"].get("student_id"), e["data"].get("id"), e["data"].get("user_id"))
    ] == []


async def test_the_sweep_forgets_events_older_than_the_retention(
    api: Api, container: Container
) -> None:
    now = datetime.now(UTC)
    old = now - timedelta(days=container.policy.changes_retention_days, hours=1)
    recent = now - timedelta(days=container.policy.changes_retention_days - 1)
    async with container.engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # written as the service's sweep would see them
            await conn.execute(sa.text("SET LOCAL mastery.all_tenants = 'on'"))
        await conn.execute(
            sa.insert(events_table),
            [
                {
                    "xact": 0,
                    "tenant_id": api.tenant.id,
                    "type": "roster.class.changed",
                    "occurred_at": at,
                    "student_id": None,
                    "data": {"id": cid, "status": "active"},
                }
                for cid, at in (("old", old), ("recent", recent))
            ],
        )
    assert await container.use_cases.changes.sweep(api.tenant.id) == 1
    assert [e["data"]["id"] for e in await _all(api)] == ["recent"]


async def test_graphql_changes_pages_the_same_feed(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(3, 1))
    rest = await _feed(api, limit=3, types="decision.changed")
    query = (
        "query($types: [String!]) { changes(limit: 3, types: $types) "
        "{ items { id type occurredAt data } nextCursor } }"
    )
    answer = await api.post(
        "/graphql", json={"query": query, "variables": {"types": ["decision.changed"]}}
    )
    assert answer.status_code == 200, answer.text
    page = answer.json()["data"]["changes"]
    assert page["nextCursor"] == rest["next_cursor"]
    assert [(int(i["id"]), i["type"], i["data"]) for i in page["items"]] == [
        (i["id"], i["type"], i["data"]) for i in rest["items"]
    ]


ENROLLED = (("e1", "u1", "teacher"), ("e2", "u2", "student"), ("e3", "u3", "student"))


async def test_an_imported_set_announces_its_users_classes_and_enrollments(
    api: Api, container: Container
) -> None:
    upload = await api.post(
        "/v1/roster/imports",
        files={"file": ("roster.zip", sets.zip_set(sets.BULK_1_1), "application/zip")},
    )
    assert upload.status_code == 202, upload.text
    await container.jobs.wait()
    roster = "roster.user.changed,roster.class.changed,roster.enrollment.changed"
    feed = [(e["type"], e["data"]) for e in await _all(api, roster)]
    assert sorted(feed, key=lambda e: (e[0], e[1]["id"])) == [
        ("roster.class.changed", {"id": "k1", "status": "active"}),
        *(
            (
                "roster.enrollment.changed",
                {"id": e, "status": "active", "class_id": "k1", "user_id": u, "role": r},
            )
            for e, u, r in (
                ("e1", "u1", "teacher"),
                ("e2", "u2", "student"),
                ("e3", "u3", "student"),
            )
        ),
        ("roster.user.changed", {"id": "u1", "status": "active", "role": "teacher"}),
        ("roster.user.changed", {"id": "u2", "status": "active", "role": "student"}),
        ("roster.user.changed", {"id": "u3", "status": "active", "role": "student"}),
    ]
    # A second import of the same set changes nothing, and announces nothing.
    again = await api.post(
        "/v1/roster/imports",
        files={"file": ("roster.zip", sets.zip_set(sets.BULK_1_1), "application/zip")},
    )
    assert again.status_code == 202
    await container.jobs.wait()
    assert len(await _all(api, roster)) == len(feed)


async def test_a_cursor_past_the_64_bit_columns_is_refused_not_a_server_error(api: Api) -> None:
    # base64url of "9223372036854775808.0" and "0.9223372036854775808": 2**63, one past the
    # largest transaction number or event id either database holds.
    for cursor in ("OTIyMzM3MjAzNjg1NDc3NTgwOC4w", "MC45MjIzMzcyMDM2ODU0Nzc1ODA4"):
        answer = await api.get("/v1/changes", params={"after": cursor})
        assert answer.status_code == 400, answer.text
        assert [e["loc"] for e in answer.json()["errors"]] == [["query", "after"]]
    largest = await api.get("/v1/changes", params={"after": "MC45MjIzMzcyMDM2ODU0Nzc1ODA3"})
    assert largest.status_code == 200  # 2**63 - 1 is a position, past every event
    assert largest.json()["items"] == []


async def test_the_feed_has_no_whole_list_document_and_never_streams_forever(api: Api) -> None:
    """The exports take a list from `cursor` to its end; the feed has no end (an empty page
    hands its cursor back), so it is not offered as CSV: asked for one, it answers its page."""
    await seed_framework(api)
    # The seed's events show once every transaction of the cluster begun before them has ended
    # (another test's import, on the other worker, held them back once).
    await settled(ENGINES[api.tenant.id])
    answer = await asyncio.wait_for(api.get("/v1/changes", params={"format": "csv"}), 30)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.json()["items"]
