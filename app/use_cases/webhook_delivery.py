"""Deliveries of the change feed to webhook subscriptions: at least once, in feed order.

The dispatcher leases each due subscription to one durable job (`webhook.deliver`). The job
reads the outbox after the subscription's position, keeps the events the subscription asked
for, POSTs them as one signed message (Standard Webhooks) and, on a 2xx, moves the position
past them in the same transaction as the delivery's record. A failure is recorded, the position
kept, the next try put off by the backoff; a subscription failing for days is disabled, the
audit trail and the change feed (`webhook.disabled`) saying so. A delivery killed after the
receiver got the message but before the position moved is sent again: at least once."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from datetime import timedelta

from app.domain.access import Scope, TenantId
from app.domain.audit import AuditKind
from app.domain.changes import ChangeEvent, ChangeType, FeedItem, FeedPosition, cursor_of
from app.domain.webhook_subscriptions import (
    DeliveryRecord,
    Places,
    Subscription,
    SubscriptionStatus,
    message,
    message_id,
    passes,
    student_of,
)
from app.domain.webhooks import secrets_in_force, signed_headers
from app.ports.clock import Clock
from app.ports.jobs import JobArguments, JobReport, JobRunner, Progress
from app.ports.security import SecretBox
from app.ports.webhooks import (
    DueSubscriptions,
    Sent,
    WebhookSender,
    WebhookUnitOfWork,
    WebhookUnitOfWorkFactory,
)
from app.use_cases.webhooks import audit

DELIVERY_JOB = "webhook.deliver"
log = logging.getLogger("mastery.webhooks")


@dataclass(frozen=True, kw_only=True)
class WebhookDelivery:
    uow: WebhookUnitOfWorkFactory
    clock: Clock
    secrets: SecretBox
    sender: WebhookSender
    jobs: JobRunner
    due: DueSubscriptions
    disable_after: timedelta
    batch_size: int = 100
    # Messages one job sends before it lets another subscription's job have a turn.
    max_messages: int = 20
    lease_seconds: float = 300.0

    async def dispatch(self) -> int:
        """Queue one delivery job for each subscription that has events to deliver, is due,
        and is held by no other job; how many were queued."""
        claimed = await self.due.claim_due(self.clock.now(), self.lease_seconds)
        for due in claimed:
            arguments = {"subscription_id": due.subscription_id}
            await self.jobs.enqueue(due.tenant_id, DELIVERY_JOB, Scope.ADMIN, arguments)
        return len(claimed)

    async def run_delivery_job(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        """Deliver messages until the subscription is caught up, fails, or has had its turn;
        then release it to the dispatcher. Run again after an interruption, it resumes from
        the committed position."""
        subscription_id = str(arguments["subscription_id"])
        sent = 0
        try:
            for _ in range(self.max_messages):
                if not await self.deliver_one(tenant, subscription_id):
                    break
                sent += 1
        finally:
            async with self.uow(tenant) as uow:
                await uow.webhooks.release(subscription_id)
                await uow.commit()
        return JobReport(result={"messages": sent})

    async def deliver_one(self, tenant: TenantId, subscription_id: str) -> bool:
        """One step: whether it moved forward (and another may follow)."""
        now = self.clock.now()
        async with self.uow(tenant, writes=False) as uow:
            subscription = await uow.webhooks.get(subscription_id)
            if subscription is None or subscription.status != SubscriptionStatus.ENABLED:
                return False
            if subscription.next_attempt_at is not None and subscription.next_attempt_at > now:
                return False
            items = await uow.changes.after(subscription.position, self.batch_size)
            if not items:
                return False
            places = Places()
            if subscription.filters.by_place:
                students = {s for s in map(student_of, items) if s is not None}
                places = await uow.webhooks.places(students, bool(subscription.filters.school_ids))
        chosen = [i for i in items if passes(subscription, i, places)]
        last = items[-1].position
        if not chosen:  # nothing asked for: move past without a message
            async with self.uow(tenant) as uow:
                moved = replace(subscription, position=last)
                advanced = await uow.webhooks.advance(moved, subscription.position)
                await uow.commit()
            return advanced
        return await self._send(tenant, subscription, chosen, last)

    async def _send(
        self,
        tenant: TenantId,
        subscription: Subscription,
        chosen: list[FeedItem],
        last: FeedPosition,
    ) -> bool:
        identifier = message_id(subscription.id, chosen[0].position, last)
        at = self.clock.now()
        body = json.dumps(
            message(chosen, at, cursor_of(last)), separators=(",", ":"), sort_keys=True
        ).encode()
        current = self.secrets.open(subscription.secret_sealed)
        previous = (
            self.secrets.open(subscription.previous_secret_sealed)
            if subscription.previous_secret_sealed
            else None
        )
        signing = secrets_in_force(current, previous, subscription.rotated_at, at)
        headers = signed_headers(signing, identifier, at, body)
        result = await self.sender.send(subscription.url, headers, body)
        return await self._settle(tenant, subscription, chosen, last, identifier, result)

    async def _settle(
        self,
        tenant: TenantId,
        subscription: Subscription,
        chosen: list[FeedItem],
        last: FeedPosition,
        identifier: str,
        result: Sent,
    ) -> bool:
        now = self.clock.now()
        record = DeliveryRecord(
            subscription_id=subscription.id,
            message_id=identifier,
            event_ids=tuple(i.id for i in chosen),
            attempt=subscription.failures + 1,
            at=now,
            outcome="delivered" if result.delivered else "failed",
            duration_ms=result.duration_ms,
            status_code=result.status_code,
            error=None if result.delivered else result.error,
        )
        async with self.uow(tenant) as uow:
            await uow.webhooks.record(record)
            if result.delivered:
                after = subscription.succeeded(last)
            else:
                after = subscription.failed(now, self.disable_after)
            moved = await uow.webhooks.advance(after, subscription.position)
            if moved and after.status == SubscriptionStatus.DISABLED:
                await self._disabled(uow, subscription, after)
            await uow.commit()
        if not result.delivered:
            log.info(
                "webhook delivery failed",
                extra={"subscription": subscription.id, "attempt": record.attempt},
            )
        return moved and result.delivered

    async def _disabled(
        self, uow: WebhookUnitOfWork, before: Subscription, after: Subscription
    ) -> None:
        at = after.disabled_at or self.clock.now()
        await audit(uow, "webhook-delivery", AuditKind.WEBHOOK_DISABLED, after, before, after, at)
        event = ChangeEvent(
            ChangeType.WEBHOOK_DISABLED,
            at,
            None,
            {
                "webhook_id": after.id,
                "failing_since": after.failing_since.isoformat() if after.failing_since else None,
            },
        )
        await uow.changes.append([event])
