"""Webhook subscriptions, for a district's administrators: create (the secret shown once),
read, change, delete, rotate the secret, read the delivery log and replay from a cursor. Every
change is audit-logged in its own transaction; secrets are stored sealed and never logged."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from app.domain.access import TenantId
from app.domain.audit import OPERATOR, AuditEntry, AuditKind, Facts
from app.domain.changes import cursor_of, position_of
from app.domain.errors import Invalid, NotFound
from app.domain.webhook_subscriptions import (
    DeliveryRecord,
    Filters,
    Subscription,
    SubscriptionStatus,
    check_subscription,
)
from app.domain.webhooks import new_secret
from app.ports.clock import Clock, IdGenerator
from app.ports.security import SecretBox
from app.ports.webhooks import WebhookSender, WebhookUnitOfWork, WebhookUnitOfWorkFactory

_UNSET: Any = object()


@dataclass(frozen=True)
class CreatedSubscription:
    subscription: Subscription
    secret: str  # shown this once


def facts(s: Subscription) -> Facts:
    """What the audit trail keeps of a subscription: never its secret."""
    return {
        "url": s.url,
        "event_types": list(s.event_types),
        "filters": s.filters.as_json(),
        "status": s.status.value,
        "position": cursor_of(s.position),
    }


async def audit(
    uow: WebhookUnitOfWork,
    actor: str,
    kind: AuditKind,
    s: Subscription,
    before: Subscription | None,
    after: Subscription | None,
    at: Any,
) -> None:
    await uow.audit.record(
        AuditEntry(
            at=at,
            actor=actor,
            kind=kind,
            subject=f"webhook/{s.id}",
            before=facts(before) if before else None,
            after=facts(after) if after else None,
        )
    )


@dataclass(frozen=True, kw_only=True)
class Webhooks:
    uow: WebhookUnitOfWorkFactory
    clock: Clock
    ids: IdGenerator
    secrets: SecretBox
    sender: WebhookSender

    async def create(
        self,
        tenant: TenantId,
        *,
        url: str,
        event_types: list[str],
        filters: dict[str, list[str]] | None = None,
        description: str | None = None,
        actor: str = OPERATOR,
    ) -> CreatedSubscription:
        """A subscription delivering the events written from now on."""
        check_subscription(event_types, filters, self.sender.refusal(url))
        secret = new_secret()
        now = self.clock.now()
        async with self.uow(tenant) as uow:
            subscription = Subscription(
                id=self.ids.new_id(),
                url=url,
                description=description,
                event_types=tuple(dict.fromkeys(event_types)),
                filters=Filters.of(filters),
                status=SubscriptionStatus.ENABLED,
                created_at=now,
                secret_sealed=self.secrets.seal(secret),
                position=await uow.webhooks.feed_end(),
            )
            await uow.webhooks.add(subscription)
            await audit(
                uow, actor, AuditKind.WEBHOOK_CREATED, subscription, None, subscription, now
            )
            await uow.commit()
        return CreatedSubscription(subscription, secret)

    async def subscriptions(self, tenant: TenantId) -> list[Subscription]:
        async with self.uow(tenant, writes=False) as uow:
            return await uow.webhooks.all()

    async def get(self, tenant: TenantId, subscription_id: str) -> Subscription:
        async with self.uow(tenant, writes=False) as uow:
            return await _found(uow, subscription_id)

    async def change(
        self,
        tenant: TenantId,
        subscription_id: str,
        *,
        url: str = _UNSET,
        event_types: list[str] = _UNSET,
        filters: dict[str, list[str]] | None = _UNSET,
        status: str = _UNSET,
        description: str | None = _UNSET,
        actor: str = OPERATOR,
    ) -> Subscription:
        """Change what is given; `status: enabled` re-enables a disabled subscription (tried at
        once), `disabled` stops its deliveries."""
        async with self.uow(tenant) as uow:
            before = await _found(uow, subscription_id)
            changed = before
            if url is not _UNSET:
                changed = replace(changed, url=url)
            if event_types is not _UNSET:
                changed = replace(changed, event_types=tuple(dict.fromkeys(event_types)))
            if filters is not _UNSET:
                changed = replace(changed, filters=Filters.of(filters))
            if description is not _UNSET:
                changed = replace(changed, description=description)
            refusal = self.sender.refusal(changed.url) if url is not _UNSET else None
            given_filters = None if filters is _UNSET else filters
            check_subscription(list(changed.event_types), given_filters, refusal)
            if status is not _UNSET and status != before.status.value:
                if status == SubscriptionStatus.ENABLED.value:
                    changed = changed.enabled_again()
                else:
                    now = self.clock.now()
                    changed = replace(changed, status=SubscriptionStatus.DISABLED, disabled_at=now)
            await uow.webhooks.save(changed)
            now = self.clock.now()
            await audit(uow, actor, AuditKind.WEBHOOK_CHANGED, changed, before, changed, now)
            await uow.commit()
        return changed

    async def delete(self, tenant: TenantId, subscription_id: str, actor: str = OPERATOR) -> None:
        async with self.uow(tenant) as uow:
            before = await _found(uow, subscription_id)
            await uow.webhooks.delete(subscription_id)
            now = self.clock.now()
            await audit(uow, actor, AuditKind.WEBHOOK_DELETED, before, before, None, now)
            await uow.commit()

    async def rotate_secret(
        self, tenant: TenantId, subscription_id: str, actor: str = OPERATOR
    ) -> CreatedSubscription:
        """A new secret, shown once; the previous one signs beside it for 24 hours."""
        secret = new_secret()
        now = self.clock.now()
        async with self.uow(tenant) as uow:
            before = await _found(uow, subscription_id)
            rotated = replace(
                before,
                secret_sealed=self.secrets.seal(secret),
                previous_secret_sealed=before.secret_sealed,
                rotated_at=now,
            )
            await uow.webhooks.save(rotated)
            await audit(uow, actor, AuditKind.WEBHOOK_ROTATED, rotated, None, None, now)
            await uow.commit()
        return CreatedSubscription(rotated, secret)

    async def deliveries(
        self, tenant: TenantId, subscription_id: str, limit: int, before_id: int | None = None
    ) -> list[DeliveryRecord]:
        """The delivery log, newest first."""
        async with self.uow(tenant, writes=False) as uow:
            await _found(uow, subscription_id)
            return await uow.webhooks.deliveries(subscription_id, limit, before_id)

    async def replay(
        self, tenant: TenantId, subscription_id: str, after: str | None, actor: str = OPERATOR
    ) -> Subscription:
        """Move the subscription's position back (or anywhere): the events after `after` are
        delivered again, in feed order."""
        try:
            position = position_of(after)
        except Invalid as bad:
            raise Invalid(
                "The replay cannot start there",
                [replace(p, loc=("body", "after")) for p in bad.problems],
            ) from None
        async with self.uow(tenant) as uow:
            before = await _found(uow, subscription_id)
            moved = replace(before, position=position, next_attempt_at=None)
            await uow.webhooks.save(moved)
            now = self.clock.now()
            await audit(uow, actor, AuditKind.WEBHOOK_REPLAYED, moved, before, moved, now)
            await uow.commit()
        return moved


async def _found(uow: WebhookUnitOfWork, subscription_id: str) -> Subscription:
    found = await uow.webhooks.get(subscription_id)
    if found is None:
        raise NotFound("No such webhook subscription")
    return found
