"""Ports of webhooks: the subscriptions and their delivery log (in a tenant's unit of work),
where a due subscription is found across tenants, and the sending of one signed message."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.domain.access import TenantId
from app.domain.changes import FeedPosition
from app.domain.webhook_subscriptions import DeliveryRecord, Places, Subscription
from app.ports.unit_of_work import UnitOfWork


class WebhookRepository(Protocol):
    async def add(self, subscription: Subscription) -> None: ...

    async def get(self, subscription_id: str) -> Subscription | None:
        """A subscription of this unit of work's tenant."""
        ...

    async def all(self) -> list[Subscription]:
        """The tenant's subscriptions, oldest first."""
        ...

    async def save(self, subscription: Subscription) -> None: ...

    async def delete(self, subscription_id: str) -> bool: ...

    async def advance(self, subscription: Subscription, expected: FeedPosition) -> bool:
        """Save `subscription` only if its stored position is still `expected` (no other
        delivery moved it); whether it was saved."""
        ...

    async def record(self, delivery: DeliveryRecord) -> None: ...

    async def deliveries(
        self, subscription_id: str, limit: int, before_id: int | None
    ) -> list[DeliveryRecord]:
        """Newest first, ids below `before_id` when given."""
        ...

    async def places(self, student_ids: Collection[str], by_school: bool) -> Places:
        """The classes (and schools, when asked) of these students: one query each."""
        ...

    async def feed_end(self) -> FeedPosition:
        """The position after every event a reader can see now (where a new one starts)."""
        ...

    async def release(self, subscription_id: str) -> None:
        """Let the dispatcher hand the subscription to a delivery again."""
        ...


class WebhookUnitOfWork(UnitOfWork, Protocol):
    @property
    def webhooks(self) -> WebhookRepository: ...


class WebhookUnitOfWorkFactory(Protocol):
    def __call__(
        self, tenant: TenantId, /, *, writes: bool = True, few_rows: bool = False
    ) -> WebhookUnitOfWork: ...


@dataclass(frozen=True)
class Due:
    tenant_id: TenantId
    subscription_id: str


class DueSubscriptions(Protocol):
    async def claim_due(self, at: datetime, lease_seconds: float) -> list[Due]:
        """Enabled subscriptions of every tenant with events after their position, due for a
        try and held by no delivery: each claimed (leased) for one delivery job."""
        ...


@dataclass(frozen=True)
class Sent:
    """What came of sending a message: an HTTP status, or why there was none."""

    status_code: int | None
    error: str | None
    duration_ms: int

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class WebhookSender(Protocol):
    def refusal(self, url: str) -> str | None:
        """Why the guarded client would not send to this URL (None: it would)."""
        ...

    async def send(self, url: str, headers: Mapping[str, str], body: bytes) -> Sent:
        """POST one message; never raises for the remote's failures."""
        ...
