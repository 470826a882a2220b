"""Webhooks' part of the composition root (app/bootstrap.py has no room left): the tenant's
unit of work with its subscriptions, the claim of due subscriptions, the signed sender through
the guarded outbound client, and the use cases and dispatcher wired from them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db.frameworks import FrameworkCache
from app.adapters.db.webhooks import SqlDueSubscriptions, SqlWebhookUnitOfWork
from app.adapters.http import OutboundHttp
from app.adapters.webhooks.dispatcher import WebhookDispatcher
from app.adapters.webhooks.sender import HttpWebhookSender
from app.config import Settings
from app.domain.access import TenantId
from app.ports.webhooks import (
    DueSubscriptions,
    WebhookSender,
    WebhookUnitOfWork,
    WebhookUnitOfWorkFactory,
)
from app.use_cases.webhook_delivery import WebhookDelivery
from app.use_cases.webhooks import Webhooks

if TYPE_CHECKING:
    from app.bootstrap import Adapters
    from app.use_cases.catalog import UseCases


@dataclass(frozen=True, kw_only=True)
class WebhookAdapters:
    uow: WebhookUnitOfWorkFactory
    due: DueSubscriptions
    sender: WebhookSender
    disable_after: timedelta


def webhook_adapters(
    sessions: async_sessionmaker[AsyncSession],
    cache: FrameworkCache,
    outbound: OutboundHttp,
    settings: Settings,
) -> WebhookAdapters:
    def uow(
        tenant: TenantId, /, *, writes: bool = True, few_rows: bool = False
    ) -> WebhookUnitOfWork:
        return SqlWebhookUnitOfWork(sessions, cache, tenant, writes=writes, few_rows=few_rows)

    return WebhookAdapters(
        uow=uow,
        due=SqlDueSubscriptions(sessions),
        sender=HttpWebhookSender(outbound, timeout_seconds=settings.webhook_timeout_seconds),
        disable_after=timedelta(days=settings.webhook_disable_after_days),
    )


def webhooks(a: Adapters) -> Webhooks | None:
    w = a.webhooks
    if w is None:
        return None
    return Webhooks(uow=w.uow, clock=a.clock, ids=a.ids, secrets=a.secrets, sender=w.sender)


def webhook_delivery(a: Adapters) -> WebhookDelivery | None:
    w = a.webhooks
    if w is None:
        return None
    return WebhookDelivery(
        uow=w.uow,
        clock=a.clock,
        secrets=a.secrets,
        sender=w.sender,
        jobs=a.jobs,
        due=w.due,
        disable_after=w.disable_after,
    )


def use_cases(a: Adapters) -> dict[str, Any]:
    """The webhook use cases, as fields of `UseCases`."""
    return {"webhooks": webhooks(a), "webhook_delivery": webhook_delivery(a)}


@asynccontextmanager
async def dispatching(wired: UseCases, settings: Settings) -> AsyncIterator[None]:
    """A server's dispatcher of deliveries runs while in the block (where webhooks are wired)."""
    delivery = wired.webhook_delivery
    if delivery is None:
        yield
        return
    dispatcher = WebhookDispatcher(delivery.dispatch, settings.webhook_poll_seconds)
    dispatcher.start()
    try:
        yield
    finally:
        await dispatcher.stop()
