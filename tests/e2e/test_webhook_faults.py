"""Webhooks survive a server killed mid-delivery (issue #17's acceptance): the receiver holds
the first message open, unanswered, and the server is SIGKILLed; started again, the server
sends that message again and the rest, so every event arrives at least once and, kept in the
order first received, in feed order, hence in order per student. Every message's signature
verifies with the Standard Webhooks verifier written in tests/api/test_webhook_delivery.py.
On SQLite and PostgreSQL (a database each)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx

from tests.api.mastery_data import FRAMEWORK, result
from tests.api.roster_data import ROSTER, STUDENT
from tests.api.test_webhook_delivery import verify
from tests.e2e.faults import bearer, district, environment, start, wait_for
from tests.e2e.launcher import mastery
from tests.e2e.test_cli_and_server import _env
from tests.fakes.webhook_receiver import HeldReceiver

STUDENTS = 4
TYPES = "evidence.added,decision.changed"


def _post_days(http: httpx.Client, days: range) -> None:
    """One POST per day, each with a result for every student."""
    for day in days:
        items = [result((day + n) % 5, day, student=f"student-{n}") for n in range(1, STUDENTS + 1)]
        answer = http.post("/v1/evidence", json={"items": items})
        assert answer.status_code == 200, answer.text


def _feed(http: httpx.Client) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    params: dict[str, Any] = {"types": TYPES, "limit": 500}
    while True:
        page = http.get("/v1/changes", params=params).json()
        if not page["items"]:
            return items
        items += page["items"]
        params["after"] = page["next_cursor"]


def _first_seen(receiver: HeldReceiver) -> list[dict[str, Any]]:
    """The events received, each kept where it was first received (a receiver deduplicating
    on the event's id)."""
    seen: dict[int, dict[str, Any]] = {}
    for _, body in receiver.messages():
        for event in json.loads(body)["data"]["events"]:
            seen.setdefault(event["id"], event)
    return list(seen.values())


def test_a_delivery_killed_in_flight_is_sent_again_after_a_restart(
    empty_database: str, tmp_path: Path
) -> None:
    env = environment(
        _env(empty_database, tmp_path),
        outbound_allowed_hosts="127.0.0.1",
        outbound_allow_http="true",
        webhook_poll_seconds="0.1",
    )
    credentials = district(env)
    with HeldReceiver() as receiver:
        server = start(env)
        try:
            auth = bearer(server.base, credentials)
            with httpx.Client(base_url=server.base, headers=auth, timeout=60) as http:
                for path, body in ROSTER:
                    assert http.put(path, json=body).status_code == 201, path
                for n in range(2, STUDENTS + 1):
                    assert http.put(f"/v1/users/student-{n}", json=STUDENT).status_code == 201
                assert http.post("/v1/frameworks", json=FRAMEWORK).status_code == 201
                hook = http.post(
                    "/v1/webhooks",
                    json={"url": receiver.url("/in"), "event_types": TYPES.split(",")},
                )
                assert hook.status_code == 201, hook.text
                _post_days(http, range(1, 4))
            assert receiver.first_arrived.wait(30), "no delivery began"
        finally:
            server.kill()  # SIGKILL while the receiver holds the message unanswered
        receiver.release()
        in_flight = len(receiver.messages())
        server = start(env)
        try:
            with httpx.Client(base_url=server.base, headers=auth, timeout=60) as http:
                _post_days(http, range(4, 7))

                def delivered() -> list[dict[str, Any]] | None:
                    feed = _feed(http)
                    added = [e for e in feed if e["type"] == "evidence.added"]
                    if len(added) == STUDENTS * 6 and _first_seen(receiver) == feed:
                        return feed
                    return None

                feed = wait_for(delivered, 60, "every event delivered")
        finally:
            server.stop()
    secret = hook.json()["secret"]
    messages = receiver.messages()
    assert len(messages) > in_flight  # the killed message was sent again, then the rest
    for headers, body in messages:
        verify(secret, headers, body, int(time.time()))
        ids = [e["id"] for e in json.loads(body)["data"]["events"]]
        assert ids == sorted(ids, key=[e["id"] for e in feed].index)  # each in feed order
    # The killed message's events came again after the restart.
    first = {e["id"] for e in json.loads(messages[0][1])["data"]["events"]}
    again = {
        e["id"] for _, body in messages[in_flight:] for e in json.loads(body)["data"]["events"]
    }
    assert first <= again
    # Per student, the evidence in the order each student's results were posted.
    for n in range(1, STUDENTS + 1):
        scores = [
            e["data"]["score"]
            for e in _first_seen(receiver)
            if e["type"] == "evidence.added" and e["data"]["student_id"] == f"student-{n}"
        ]
        assert scores == [float((day + n) % 5) for day in range(1, 7)]
    # The operator's view: caught up, at the last message's cursor, not failing.
    [listed] = json.loads(
        mastery(env, "webhooks", "list", "--tenant", "riverside", "--json").stdout
    )
    last = json.loads(messages[-1][1])["data"]["cursor"]
    assert (listed["id"], listed["status"], listed["failures"]) == (hook.json()["id"], "enabled", 0)
    assert listed["position"] == last
