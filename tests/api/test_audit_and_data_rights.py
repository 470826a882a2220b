"""GET /v1/audit and a student's data rights through the real app, on SQLite and PostgreSQL:
changes are recorded with who, what, when, before and after; a student's data is exported whole
and erased on confirmation, and afterwards neither the tables nor the trail name them."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from app.adapters.db.engine import session_factory
from app.adapters.db.row_security import tenant_session
from app.adapters.db.schema import metadata
from app.bootstrap import Container
from tests.api.mastery_data import post, result, seed_framework
from tests.conftest import Api, test_client_id

OVERRIDE = "/v1/students/student-1/mastery/s-1/override"


async def _trail(api: Api, **params: Any) -> list[dict[str, Any]]:
    response = await api.get("/v1/audit", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def _overridden(api: Api) -> None:
    await seed_framework(api)
    await post(api, result(2, 1), result(3, 2, competency="s-2"))
    put = await api.put(OVERRIDE, json={"status": "mastered", "reason": "Read aloud in class"})
    assert put.status_code == 200, put.text


async def test_an_override_a_policy_change_and_a_client_are_in_the_trail(
    api: Api, other_api: Api
) -> None:
    await _overridden(api)
    changed = await api.patch("/v1/frameworks/fw-math", json={"min_evidence": 2})
    assert changed.status_code == 200, changed.text
    made = await api.post("/v1/clients", json={"scope": "roster:read", "name": "SIS"})
    client_id = made.json()["client_id"]
    trail = await _trail(api)
    actor = test_client_id(api.tenant)
    assert [(e["kind"], e["actor"], e["subject"]) for e in trail] == [
        ("client.created", actor, client_id),
        ("framework.changed", actor, "fw-math"),
        ("override.set", actor, "student-1/s-1"),
    ]
    created, policy, override = trail
    assert created["after"]["scopes"] == "roster:read"
    assert (policy["before"]["min_evidence"], policy["after"]["min_evidence"]) == (1, 2)
    assert override["before"] is None
    assert override["after"]["status"] == "mastered"
    assert override["after"]["reason"] == "Read aloud in class"
    assert override["student_id"] == "student-1"
    assert trail[0]["seq"] > trail[1]["seq"] > trail[2]["seq"]
    # Filters and pages.
    assert [e["kind"] for e in await _trail(api, kind="override.set")] == ["override.set"]
    assert await _trail(api, since="2999-01-01T00:00:00Z") == []
    first = (await api.get("/v1/audit", params={"limit": 2})).json()
    rest = (await api.get("/v1/audit", params={"limit": 2, "cursor": first["next_cursor"]})).json()
    assert [e["seq"] for e in first["items"] + rest["items"]] == [e["seq"] for e in trail]
    assert rest["next_cursor"] is None
    # Another district's trail is its own.
    assert await _trail(other_api) == []


async def test_bad_audit_queries_answer_every_problem(api: Api) -> None:
    bad = await api.get("/v1/audit", params={"kind": "teleport", "since": "yesterday", "limit": 0})
    assert bad.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"
    assert {tuple(e["loc"])[:2] for e in bad.json()["errors"]} == {
        ("query", "kind"),
        ("query", "since"),
        ("query", "limit"),
    }
    cursor = await api.get("/v1/audit", params={"cursor": "nonsense"})
    assert cursor.status_code == 422


async def _rows_naming(container: Container, api: Api, student_id: str) -> dict[str, int]:
    """The district's rows, in every table with a student or user column (and the users
    themselves), that name the student; the audit trail is left out (redacted, tested so)."""
    found: dict[str, int] = {}
    async with tenant_session(session_factory(container.engine), api.tenant.id) as session:
        for table in metadata.sorted_tables:
            columns = [
                table.c[name]
                for name in ("student_id", "user_id")
                if name in table.c and table.name != "audit_entries"
            ] + ([table.c.id] if table.name == "users" else [])
            for column in columns:
                n = await session.scalar(
                    sa.select(sa.func.count())
                    .select_from(table)
                    .where(column == student_id, table.c.tenant_id == api.tenant.id)
                )
                if n:
                    found[f"{table.name}.{column.name}"] = n
    return found


async def test_a_students_data_is_exported_and_erased_on_confirmation(
    api: Api, other_api: Api, container: Container
) -> None:
    await _overridden(api)
    exported = await api.get("/v1/students/student-1/export")
    assert exported.status_code == 200, exported.text
    body = exported.json()
    records = body["records"]
    assert records["user"][0]["given_name"] == "Sam"
    assert records["demographics"][0]["english_learner"] is True
    assert [e["class_id"] for e in records["enrollments"]] == ["class-1"]
    assert sorted(e["competency_id"] for e in records["evidence"]) == ["s-1", "s-2"]
    assert {d["competency_id"] for d in records["decisions"]} >= {"s-1", "s-2"}
    assert len(records["overrides"]) == 1
    assert len(records["decision_history"]) >= 3
    assert [a["kind"] for a in body["audit"]] == ["override.set"]
    assert (await other_api.get("/v1/students/student-1/export")).status_code == 404

    unconfirmed = await api.delete("/v1/students/student-1")
    assert unconfirmed.status_code == 422
    assert unconfirmed.json()["errors"][0]["loc"] == ["query", "confirm"]
    assert (
        await other_api.delete("/v1/students/student-1", params={"confirm": "student-1"})
    ).status_code == 404

    queued = await _rows_naming(container, api, "student-1")
    await container.summary_refresher.refresh(api.tenant.id)  # what the keeper does
    counted = await _rows_naming(container, api, "student-1")
    # Before: the user and their decisions; the counts' queue names the student until a refresh
    # drains it, their profile from then on.
    assert {"users.id", "decisions.student_id", "decision_status_changes.student_id"} <= set(queued)
    assert "summary_profiles.student_id" in set(counted) - set(queued)
    assert "decision_status_changes.student_id" not in counted
    erased = await api.delete("/v1/students/student-1", params={"confirm": "student-1"})
    assert erased.status_code == 200, erased.text
    # After: no row anywhere, the counts' own included: deleting the decisions queued them
    # again, and the erasure's own refresh drained them and the profile.
    assert await _rows_naming(container, api, "student-1") == {}
    counts = erased.json()
    assert counts["user"] == 1
    assert counts["evidence"] == 2
    assert counts["overrides"] == 1
    assert counts["enrollments"] == 1
    assert counts["demographics"] == 1
    assert counts["audit_entries_redacted"] == 2  # the override and the export

    assert (await api.get("/v1/students/student-1/export")).status_code == 404
    assert (await api.get("/v1/users/student-1")).status_code == 404
    assert (await api.get("/v1/students/student-1/mastery")).status_code == 404
    trail = await _trail(api)
    text = json.dumps(trail)
    assert "student-1" not in text
    assert "Sam" not in text
    assert "Read aloud" not in text
    assert [e["kind"] for e in trail] == ["student.erased", "student.exported", "override.set"]
    assert trail[0]["after"] == counts
    # The class and the teacher stay.
    assert (await api.get("/v1/users/teacher-1")).status_code == 200
