"""/v1/webhooks for a district's administrators: the secret shown only when made, the
subscriptions read, changed and deleted, every problem of a body listed in one 422, another
district's subscriptions invisible, every change audit-logged without the secret."""

from __future__ import annotations

from typing import Any

from app.bootstrap import Container
from tests.conftest import Api
from tests.feed_horizon import settled

HOOK = {
    "url": "https://hooks.example.test/mastery",
    "event_types": ["decision.changed", "evidence.added"],
    "filters": {"school_ids": ["school-1"], "framework_ids": ["fw-math"]},
    "description": "District data warehouse",
}


async def _created(api: Api, container: Container, body: dict[str, Any] = HOOK) -> dict[str, Any]:
    await settled(container.engine)
    answer = await api.post("/v1/webhooks", json=body)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


async def test_the_secret_is_shown_when_created_and_never_again(
    api: Api, container: Container
) -> None:
    created = await _created(api, container)
    assert created["secret"].startswith("whsec_")
    assert created["url"] == HOOK["url"]
    assert created["event_types"] == HOOK["event_types"]
    assert created["filters"] == HOOK["filters"]
    assert (created["status"], created["failures"]) == ("enabled", 0)
    one = await api.get(f"/v1/webhooks/{created['id']}")
    listed = await api.get("/v1/webhooks")
    assert one.status_code == listed.status_code == 200
    assert [h["id"] for h in listed.json()] == [created["id"]]
    for answer in (one, listed):
        assert created["secret"] not in answer.text
        assert "secret" not in answer.text
    expected = {k: v for k, v in created.items() if k != "secret"}
    assert one.json() == expected
    audit = (await api.get("/v1/audit", params={"kind": "webhook.created"})).json()["items"]
    assert [e["subject"] for e in audit] == [f"webhook/{created['id']}"]
    assert created["secret"] not in str(audit)


async def test_change_then_delete(api: Api, container: Container) -> None:
    created = await _created(api, container)
    url = f"/v1/webhooks/{created['id']}"
    changed = await api.patch(
        url,
        {"url": "https://other.example.test/in", "event_types": ["evidence.voided"]},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["url"] == "https://other.example.test/in"
    assert changed.json()["event_types"] == ["evidence.voided"]
    assert changed.json()["filters"] == HOOK["filters"]  # not sent: kept
    off = await api.patch(url, {"status": "disabled"})
    assert off.json()["status"] == "disabled"
    assert off.json()["disabled_at"] is not None
    assert (await api.get(url)).json() == off.json()
    assert (await api.delete(url)).status_code == 204
    assert (await api.get(url)).status_code == 404
    assert (await api.get(f"{url}/deliveries")).status_code == 404
    assert (await api.delete(url)).status_code == 404
    kinds = [
        e["kind"] for e in (await api.get("/v1/audit")).json()["items"] if "webhook" in e["kind"]
    ]
    assert kinds == ["webhook.deleted", "webhook.changed", "webhook.changed", "webhook.created"]


async def test_every_problem_of_a_subscription_is_listed(api: Api) -> None:
    bad = await api.post(
        "/v1/webhooks",
        json={
            # Plain http to a host the operator did not allow.
            "url": "http://hooks.example.test/in",
            "event_types": ["decision.changed", "decision.made", "grade.posted"],
            "filters": {"school_ids": ["school-1"]},
        },
    )
    assert bad.status_code == 422, bad.text
    assert bad.headers["content-type"] == "application/problem+json"
    assert [tuple(e["loc"]) for e in bad.json()["errors"]] == [
        ("body", "url"),
        ("body", "event_types", 1),
        ("body", "event_types", 2),
    ]
    assert "https" in bad.json()["errors"][0]["msg"]
    none = await api.post("/v1/webhooks", json={"url": "ftp://x.example.test/", "event_types": []})
    assert [tuple(e["loc"]) for e in none.json()["errors"]] == [
        ("body", "url"),
        ("body", "event_types"),
    ]
    misspelt = await api.post(
        "/v1/webhooks",
        json={**HOOK, "filters": {"school_id": ["school-1"], "class_ids": [""]}},
    )
    assert misspelt.status_code == 422
    assert sorted(tuple(e["loc"]) for e in misspelt.json()["errors"]) == [
        ("body", "filters", "class_ids", 0),
        ("body", "filters", "school_id"),
    ]
    assert (await api.get("/v1/webhooks")).json() == []  # nothing was written


async def test_a_change_is_checked_like_a_creation(api: Api, container: Container) -> None:
    created = await _created(api, container)
    url = f"/v1/webhooks/{created['id']}"
    bad = await api.patch(url, {"url": "http://hooks.example.test/", "event_types": ["nope"]})
    assert bad.status_code == 422
    assert [tuple(e["loc"]) for e in bad.json()["errors"]] == [
        ("body", "url"),
        ("body", "event_types", 0),
    ]
    assert (await api.get(url)).json()["url"] == HOOK["url"]


async def test_rotating_shows_a_new_secret_once(api: Api, container: Container) -> None:
    created = await _created(api, container)
    rotated = await api.post(f"/v1/webhooks/{created['id']}/rotate-secret")
    assert rotated.status_code == 200
    assert rotated.json()["secret"].startswith("whsec_")
    assert rotated.json()["secret"] != created["secret"]
    again = await api.get(f"/v1/webhooks/{created['id']}")
    assert rotated.json()["secret"] not in again.text


async def test_another_district_sees_none_of_them(
    api: Api, other_api: Api, container: Container
) -> None:
    created = await _created(api, container)
    assert (await other_api.get("/v1/webhooks")).json() == []
    url = f"/v1/webhooks/{created['id']}"
    for method, path, body in (
        ("GET", url, None),
        ("PATCH", url, {"status": "disabled"}),
        ("DELETE", url, None),
        ("POST", f"{url}/rotate-secret", None),
        ("GET", f"{url}/deliveries", None),
        ("POST", f"{url}/replay", {"after": None}),
    ):
        kw = {"json": body} if body is not None else {}
        answer = await other_api.request(method, path, **kw)
        assert answer.status_code == 404, (method, path, answer.text)
    assert (await api.get(url)).json()["status"] == "enabled"


async def test_the_delivery_log_pages_newest_first(api: Api, container: Container) -> None:
    created = await _created(api, container)
    page = await api.get(f"/v1/webhooks/{created['id']}/deliveries", params={"limit": 2})
    assert page.json() == {"items": [], "next_cursor": None}
    bad = await api.get(f"/v1/webhooks/{created['id']}/deliveries", params={"cursor": "zz"})
    assert bad.status_code == 422
