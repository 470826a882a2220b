"""Webhook deliveries to a receiver on loopback: every message's signature checked by a
Standard Webhooks verifier written here from the specification; failures retried with backoff
(never sooner), the position kept until a 2xx; order per student; filters; rotation's two
signatures; the delivery log; replay; a subscription failing for days disabled and announced."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from app.adapters.webhooks.sender import HttpWebhookSender
from app.api.app import create_app
from app.bootstrap import Container, wire
from app.use_cases.catalog import UseCases
from app.domain.access import Scope
from app.use_cases.webhook_delivery import DELIVERY_JOB, WebhookDelivery
from tests.api.mastery_data import post, result, seed_framework
from tests.api.outbound import jobs_run_by, outbound
from tests.conftest import Api, _no_server_errors, token_for
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
    sender = HttpWebhookSender(outbound("127.0.0.1", allow_http=True), timeout_seconds=5)
    adapters = replace(
        container.adapters,
        clock=clock,
        webhooks=replace(container.adapters.webhooks, sender=sender),
    )
    use_cases = wire(adapters, container.policy)
    app = create_app(use_cases=use_cases, max_body_bytes=container.settings.max_body_bytes)
    async with (
        jobs_run_by(container, use_cases),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://test",
            event_hooks={"response": [_no_server_errors]},
        ) as client,
    ):
        yield Setup(
            Api(client, api.tenant, token_for(container, api.tenant)), clock, use_cases, container
        )


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
    assert receiver.accepted_events() == await feed_after(setup, hook["position"], EVENTS)
