"""Webhook deliveries through procrastinate's queue (MASTERY_JOB_QUEUE=procrastinate): the
dispatcher leases the subscription and queues its job; a worker runs it and the receiver on
loopback gets the signed message. Skipped without PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.adapters.db import migrate
from app.adapters.jobs.queue import QueuedJobRunner
from app.adapters.webhooks.sender import HttpWebhookSender
from app.bootstrap import Container, build, wire
from app.domain.changes import ChangeEvent, ChangeType
from app.use_cases.job_kinds import job_kinds
from tests.api.outbound import outbound
from tests.api.test_webhook_delivery import LoopbackOnly, verify
from tests.conftest import (
    _postgres_admin_url,
    create_postgres_database,
    drop_postgres_database,
    test_settings,
)
from tests.fakes.webhook_receiver import WebhookReceiver
from tests.feed_horizon import settled

pytestmark = pytest.mark.postgres


@pytest.fixture
async def queued(tmp_path: Path) -> AsyncIterator[Container]:
    admin = _postgres_admin_url()
    assert admin is not None
    url = await create_postgres_database(admin)
    try:
        await migrate.upgrade(url)
        container = build(test_settings(url, job_queue="procrastinate", state_dir=tmp_path))
        try:
            yield container
        finally:
            await container.close()
    finally:
        await drop_postgres_database(admin, url)


async def _received(receiver: WebhookReceiver) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if receiver.requests:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("no message within 20 s")


async def test_a_worker_delivers_what_the_dispatcher_queued(queued: Container) -> None:
    runner = queued.jobs
    assert isinstance(runner, QueuedJobRunner)
    assert queued.adapters.webhooks is not None
    http = outbound("127.0.0.1", allow_http=True, resolver=LoopbackOnly())
    sender = HttpWebhookSender(http, timeout_seconds=5)
    adapters = replace(queued.adapters, webhooks=replace(queued.adapters.webhooks, sender=sender))
    use_cases = wire(adapters, queued.policy)
    runner.attach(job_kinds(use_cases))
    assert use_cases.webhooks is not None
    assert use_cases.webhook_delivery is not None
    tenant = (await use_cases.access.create_tenant(slug="hooks")).id
    async with WebhookReceiver() as receiver:
        hook = await use_cases.webhooks.create(
            tenant, url=receiver.url("/in"), event_types=["decision.changed"]
        )
        event = ChangeEvent(
            ChangeType.DECISION_CHANGED, datetime.now(UTC), "student-1", {"student_id": "student-1"}
        )
        async with queued.adapters.uow(tenant) as uow:
            await uow.changes.append([event])
            await uow.commit()
        await settled(queued.engine)
        assert await use_cases.webhook_delivery.dispatch() == 1
        assert await use_cases.webhook_delivery.dispatch() == 0  # leased to the queued job
        worker = asyncio.create_task(runner.work(concurrency=1, recover_seconds=0.2, signals=False))
        try:
            await _received(receiver)
        finally:
            worker.cancel()
            with pytest.raises(asyncio.CancelledError):
                await worker
    [request] = receiver.requests
    verify(hook.secret, request.headers, request.body, int(time.time()))
    [sent] = json.loads(request.body)["data"]["events"]
    assert (sent["type"], sent["data"]) == ("decision.changed", {"student_id": "student-1"})
