"""Webhook deliveries to a receiver on loopback: every message's signature checked by a
Standard Webhooks verifier written here from the specification; failures retried with backoff
(never sooner), the position kept until a 2xx; order per student; filters; rotation's two
signatures; the delivery log; replay; a subscription failing for days disabled and announced."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from ipaddress import IPv4Address
from typing import Any

import pytest

from app.adapters.webhooks.sender import HttpWebhookSender
from app.bootstrap import Container, wire
from app.domain.access import Scope
from app.use_cases.catalog import UseCases
from app.use_cases.webhook_delivery import DELIVERY_JOB, WebhookDelivery
from tests.api.mastery_data import post, result, seed_framework
from tests.api.outbound import api_over, outbound
from tests.api.roster_data import CLASS, SCHOOL, STUDENT
from tests.conftest import Api
from tests.fakes.clock import FakeClock
from tests.fakes.webhook_receiver import WebhookReceiver
from tests.feed_horizon import settled

TOLERANCE = 5 * 60  # seconds either side, the specification's suggested tolerance


class BadSignature(Exception):
    pass


def verify(secret: str, headers: dict[str, str], body: bytes, now: int) -> None:
    """Standard Webhooks v1, from the specification: the signed content is
    `{webhook-id}.{webhook-timestamp}.{body}`, HMAC-SHA256 with the base64 key after `whsec_`,
    base64 of the digest, any `v1,` entry of the space-separated header may match (compared in
    constant time), and the timestamp must lie within the tolerance."""
    message_id = headers["webhook-id"]
    timestamp = headers["webhook-timestamp"]
    if abs(now - int(timestamp)) > TOLERANCE:
        raise BadSignature("timestamp outside the tolerance")
    key = base64.b64decode(secret.removeprefix("whsec_"))
    content = message_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest())
    for entry in headers["webhook-signature"].split(" "):
        version, _, given = entry.partition(",")
        if version == "v1" and hmac.compare_digest(given.encode(), expected):
            return
    raise BadSignature("no signature matches")


class LoopbackOnly:
    """Every name is 127.0.0.1: a dispatch that takes up another test's subscription (the
    database is shared) never sends beyond this machine."""

    async def resolve(self, host: str, port: int) -> list[IPv4Address]:
        return [IPv4Address("127.0.0.1")]


@dataclass
class Setup:
    api: Api
    clock: FakeClock
    use_cases: UseCases
    container: Container

    @property
    def delivery(self) -> WebhookDelivery:
        assert self.use_cases.webhook_delivery is not None
        return self.use_cases.webhook_delivery

    async def deliver(self, subscription_id: str) -> None:
        """What a delivery job does for the subscription (a real job row and runner)."""
        await settled(self.container.engine)
        await self.container.adapters.jobs.enqueue(
            self.api.tenant.id, DELIVERY_JOB, Scope.ADMIN, {"subscription_id": subscription_id}
        )
        await self.container.jobs.wait()


@pytest.fixture
async def setup(container: Container, api: Api) -> AsyncIterator[Setup]:
    """The API over use cases whose webhooks send through a guarded client that lets loopback
    through, and whose clock a test moves."""
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0))
    assert container.adapters.webhooks is not None
    http = outbound("127.0.0.1", allow_http=True, resolver=LoopbackOnly())
    sender = HttpWebhookSender(http, timeout_seconds=5)
    adapters = replace(
        container.adapters, webhooks=replace(container.adapters.webhooks, sender=sender)
    )
    # Only the webhooks' time is the test's: tokens and evidence keep the real clock.
    timed = wire(replace(adapters, clock=clock), container.policy)
    use_cases = replace(
        wire(adapters, container.policy),
        webhooks=timed.webhooks,
        webhook_delivery=timed.webhook_delivery,
    )
    async with api_over(container, api.tenant, use_cases) as client:
        yield Setup(client, clock, use_cases, container)


EVENTS = ["evidence.added", "decision.changed"]


async def subscribe(
    setup: Setup, receiver: WebhookReceiver, types: list[str] = EVENTS, **filters: list[str]
) -> dict[str, Any]:
    await settled(setup.container.engine)
    body: dict[str, Any] = {"url": receiver.url("/hooks"), "event_types": types}
    if filters:
        body["filters"] = filters
    answer = await setup.api.post("/v1/webhooks", json=body)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


async def feed_after(setup: Setup, cursor: str, types: list[str]) -> list[dict[str, Any]]:
    """The feed's events after a cursor, of these types: what a subscription must receive."""
    await settled(setup.container.engine)
    items: list[dict[str, Any]] = []
    while True:
        page = await setup.api.get(
            "/v1/changes", params={"after": cursor, "types": ",".join(types), "limit": 500}
        )
        assert page.status_code == 200, page.text
        if not page.json()["items"]:
            return items
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]


def verified(receiver: WebhookReceiver, secret: str, now: datetime) -> None:
    for request in receiver.requests:
        verify(secret, request.headers, request.body, int(now.timestamp()))


async def log_of(setup: Setup, subscription_id: str) -> list[dict[str, Any]]:
    answer = await setup.api.get(f"/v1/webhooks/{subscription_id}/deliveries")
    assert answer.status_code == 200, answer.text
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


async def test_a_message_is_signed_and_carries_the_events_in_feed_order(setup: Setup) -> None:
    await seed_framework(setup.api)
    async with WebhookReceiver() as receiver:
        hook = await subscribe(setup, receiver)
        for day in (1, 2, 3):
            await post(setup.api, result(day, day))
        await setup.deliver(hook["id"])
        verified(receiver, hook["secret"], setup.clock.now())
    expected = await feed_after(setup, hook["position"], EVENTS)
    # The three results' evidence, in the order posted, with the decisions they changed.
    added = [e["data"]["score"] for e in expected if e["type"] == "evidence.added"]
    assert added == [1.0, 2.0, 3.0]
    assert {e["type"] for e in expected} == set(EVENTS)
    [request] = receiver.requests
    [message] = receiver.messages()
    assert request.headers["content-type"] == "application/json"
    assert message["type"] == "change.batch"
    assert message["data"]["events"] == expected
    [logged] = await log_of(setup, hook["id"])
    assert logged["message_id"] == request.headers["webhook-id"]
    assert (logged["outcome"], logged["status_code"], logged["attempt"]) == ("delivered", 200, 1)
    assert logged["event_ids"] == [e["id"] for e in expected]
    now = await setup.api.get(f"/v1/webhooks/{hook['id']}")
    assert now.json()["position"] == message["data"]["cursor"]
    assert now.json()["failures"] == 0
    # Caught up: another run sends nothing.
    await setup.deliver(hook["id"])
    assert len(receiver.requests) == 1


async def test_a_failure_is_retried_after_the_backoff_and_never_sooner(setup: Setup) -> None:
    await seed_framework(setup.api)
    async with WebhookReceiver() as receiver:
        hook = await subscribe(setup, receiver)
        await post(setup.api, result(3, 1))
        receiver.answering(500)
        await setup.deliver(hook["id"])
        failed = (await setup.api.get(f"/v1/webhooks/{hook['id']}")).json()
        assert failed["failures"] == 1
        assert failed["position"] == hook["position"]  # kept until a 2xx
        wait = datetime.fromisoformat(failed["next_attempt_at"]) - setup.clock.now()
        # retry_delay(1): the 1 s step, jittered over its upper half.
        assert timedelta(seconds=0.5) <= wait <= timedelta(seconds=1)
        await setup.deliver(hook["id"])  # not due yet: nothing is sent
        assert len(receiver.requests) == 1
        setup.clock.advance(wait)
        await setup.deliver(hook["id"])
        verified(receiver, hook["secret"], setup.clock.now())
    assert receiver.answered == [500, 200]
    first, second = receiver.requests
    assert first.headers["webhook-id"] == second.headers["webhook-id"]  # the same message
    newest, oldest = await log_of(setup, hook["id"])
    assert (oldest["outcome"], oldest["status_code"], oldest["attempt"]) == ("failed", 500, 1)
    assert oldest["error"] == "the receiver answered 500"
    assert (newest["outcome"], newest["status_code"], newest["attempt"]) == ("delivered", 200, 2)
    # Paged one by one, newest first, the same two.
    log = f"/v1/webhooks/{hook['id']}/deliveries"
    first_page = (await setup.api.get(log, params={"limit": 1})).json()
    second_page = await setup.api.get(log, params={"limit": 1, "cursor": first_page["next_cursor"]})
    assert [d["id"] for d in first_page["items"] + second_page.json()["items"]] == [
        newest["id"],
        oldest["id"],
    ]
    assert receiver.accepted_events() == await feed_after(setup, hook["position"], EVENTS)


async def seed_second_school(api: Api) -> None:
    """school-2 with class-2, where student-2 is enrolled (student-1 is in class-1, school-1)."""
    for path, body in (
        ("/v1/orgs/school-2", SCHOOL),
        ("/v1/classes/class-2", {**CLASS, "school_id": "school-2"}),
        ("/v1/users/student-2", {**STUDENT, "org_ids": ["school-2"]}),
        (
            "/v1/enrollments/enroll-s2",
            {"class_id": "class-2", "user_id": "student-2", "role": "student"},
        ),
    ):
        answer = await api.put(path, body)
        assert answer.status_code == 201, (path, answer.text)


async def test_batches_keep_each_students_order_through_a_failure(setup: Setup) -> None:
    await seed_framework(setup.api)
    await seed_second_school(setup.api)
    async with WebhookReceiver() as receiver:
        hook = await subscribe(setup, receiver)
        for day in range(1, 5):  # interleaved: one student, then the other, day by day
            await post(setup.api, result(day % 4, day, student="student-1"))
            await post(setup.api, result((day + 1) % 4, day, student="student-2"))
        # Messages of at most 3 events; the second message fails once.
        small = replace(setup.delivery, batch_size=3)
        receiver.answering(200, 503)
        await settled(setup.container.engine)
        await small.run_delivery_job(setup.api.tenant.id, {"subscription_id": hook["id"]}, None)
        assert receiver.answered == [200, 503]  # the job stopped at the failure
        setup.clock.advance(seconds=1)
        await small.run_delivery_job(setup.api.tenant.id, {"subscription_id": hook["id"]}, None)
        verified(receiver, hook["secret"], setup.clock.now())
    expected = await feed_after(setup, hook["position"], EVENTS)
    assert all(len(m["data"]["events"]) <= 3 for m in receiver.messages())
    assert receiver.answered.count(503) == 1
    assert len(receiver.requests) > 3
    # Every event exactly once among the accepted messages, in feed order; hence, per student,
    # in the order of that student's changes.
    assert receiver.accepted_events() == expected
    for student in ("student-1", "student-2"):
        mine = [e for e in receiver.accepted_events() if e["data"]["student_id"] == student]
        scores = [e["data"]["score"] for e in mine if e["type"] == "evidence.added"]
        posted = (
            [d % 4 for d in range(1, 5)]
            if student == "student-1"
            else [(d + 1) % 4 for d in range(1, 5)]
        )
        assert scores == [float(s) for s in posted]
    # The failed message was sent again as it was (same id), then the rest.
    assert receiver.requests[1].headers["webhook-id"] == receiver.requests[2].headers["webhook-id"]


async def test_filters_by_class_school_and_framework(setup: Setup) -> None:
    await seed_framework(setup.api)
    await seed_second_school(setup.api)
    async with (
        WebhookReceiver() as by_class,
        WebhookReceiver() as by_school,
        WebhookReceiver() as by_framework,
        WebhookReceiver() as other_framework,
    ):
        hooks = [
            await subscribe(setup, by_class, class_ids=["class-1"]),
            await subscribe(setup, by_school, school_ids=["school-2"]),
            await subscribe(setup, by_framework, framework_ids=["fw-math"]),
            await subscribe(setup, other_framework, framework_ids=["fw-none"]),
        ]
        await post(setup.api, result(2, 1, student="student-1"), result(3, 1, student="student-2"))
        for hook in hooks:
            await setup.deliver(hook["id"])
    everything = await feed_after(setup, hooks[0]["position"], EVENTS)
    assert {e["data"]["student_id"] for e in everything} == {"student-1", "student-2"}

    def of(student: str) -> list[dict[str, Any]]:
        return [e for e in everything if e["data"]["student_id"] == student]

    assert by_class.accepted_events() == of("student-1")
    assert by_school.accepted_events() == of("student-2")
    assert by_framework.accepted_events() == everything
    assert other_framework.requests == []
    # Nothing asked for: the position still moves past the events, without a message.
    skipped = (await setup.api.get(f"/v1/webhooks/{hooks[3]['id']}")).json()
    done = (await setup.api.get(f"/v1/webhooks/{hooks[2]['id']}")).json()
    assert skipped["position"] == done["position"] != hooks[3]["position"]


async def test_after_a_rotation_both_secrets_sign_for_a_day(setup: Setup) -> None:
    await seed_framework(setup.api)
    async with WebhookReceiver() as receiver:
        hook = await subscribe(setup, receiver, ["evidence.added"])
        rotated = await setup.api.post(f"/v1/webhooks/{hook['id']}/rotate-secret")
        assert rotated.status_code == 200, rotated.text
        new = rotated.json()["secret"]
        assert new.startswith("whsec_")
        assert new != hook["secret"]
        await post(setup.api, result(2, 1))
        await setup.deliver(hook["id"])
        during = receiver.requests[-1]
        assert len(during.headers["webhook-signature"].split(" ")) == 2
        now = int(setup.clock.now().timestamp())
        verify(new, during.headers, during.body, now)
        verify(hook["secret"], during.headers, during.body, now)
        setup.clock.advance(hours=24, seconds=1)
        await post(setup.api, result(3, 2))
        await setup.deliver(hook["id"])
        after = receiver.requests[-1]
        now = int(setup.clock.now().timestamp())
        verify(new, after.headers, after.body, now)
        with pytest.raises(BadSignature):
            verify(hook["secret"], after.headers, after.body, now)
        with pytest.raises(BadSignature):  # the verifier's tolerance is checked too
            verify(new, after.headers, after.body, now + TOLERANCE + 1)


async def test_replay_sends_the_events_after_a_cursor_again(setup: Setup) -> None:
    await seed_framework(setup.api)
    async with WebhookReceiver() as receiver:
        hook = await subscribe(setup, receiver, ["evidence.added"])
        await post(setup.api, result(1, 1))
        await setup.deliver(hook["id"])
        await post(setup.api, result(2, 2))
        await setup.deliver(hook["id"])
        first_two = receiver.accepted_events()
        replay = await setup.api.post(
            f"/v1/webhooks/{hook['id']}/replay", json={"after": hook["position"]}
        )
        assert replay.status_code == 200, replay.text
        assert replay.json()["position"] == hook["position"]
        await setup.deliver(hook["id"])
    assert [e["data"]["score"] for e in first_two] == [1.0, 2.0]
    assert receiver.messages()[-1]["data"]["events"] == first_two
    audit = await setup.api.get("/v1/audit", params={"kind": "webhook.replayed"})
    [entry] = audit.json()["items"]
    assert entry["subject"] == f"webhook/{hook['id']}"
    bad = await setup.api.post(f"/v1/webhooks/{hook['id']}/replay", json={"after": "nonsense!"})
    assert bad.status_code == 422
    assert [e["loc"] for e in bad.json()["errors"]] == [["body", "after"]]


async def test_failing_for_days_disables_and_tells_the_tenant(setup: Setup) -> None:
    await seed_framework(setup.api)
    async with WebhookReceiver() as receiver:
        hook = await subscribe(setup, receiver, ["evidence.added"])
        await post(setup.api, result(1, 1))
        receiver.answering(500, 500)
        await setup.deliver(hook["id"])
        setup.clock.advance(days=3)  # MASTERY_WEBHOOK_DISABLE_AFTER_DAYS
        await setup.deliver(hook["id"])
        state = (await setup.api.get(f"/v1/webhooks/{hook['id']}")).json()
        assert (state["status"], state["failures"]) == ("disabled", 2)
        assert state["disabled_at"] is not None
        told = await feed_after(setup, hook["position"], ["webhook.disabled"])
        assert [e["data"]["webhook_id"] for e in told] == [hook["id"]]
        audit = await setup.api.get("/v1/audit", params={"kind": "webhook.disabled"})
        assert [e["subject"] for e in audit.json()["items"]] == [f"webhook/{hook['id']}"]
        await setup.deliver(hook["id"])  # disabled: nothing is tried
        assert len(receiver.requests) == 2
        again = await setup.api.patch(f"/v1/webhooks/{hook['id']}", json={"status": "enabled"})
        assert (again.json()["status"], again.json()["failures"]) == ("enabled", 0)
        await setup.deliver(hook["id"])
    assert receiver.answered == [500, 500, 200]
    assert [e["data"]["score"] for e in receiver.accepted_events()] == [1.0]


async def test_the_dispatcher_leases_a_subscription_to_one_job(setup: Setup) -> None:
    await seed_framework(setup.api)
    async with WebhookReceiver() as receiver:
        hook = await subscribe(setup, receiver, ["evidence.added"])
        await post(setup.api, result(1, 1))
        await settled(setup.container.engine)
        due = setup.delivery.due
        mine = (setup.api.tenant.id, hook["id"])
        first = await due.claim_due(setup.clock.now(), 60)
        second = await due.claim_due(setup.clock.now(), 60)
        assert mine in {(d.tenant_id, d.subscription_id) for d in first}
        assert mine not in {(d.tenant_id, d.subscription_id) for d in second}
        # Once the lease is past, the dispatcher queues its job, which delivers.
        setup.clock.advance(seconds=61)
        assert await setup.delivery.dispatch() >= 1
        await setup.container.jobs.wait()
    assert [e["data"]["score"] for e in receiver.accepted_events()] == [1.0]
