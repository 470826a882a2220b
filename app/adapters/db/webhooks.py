"""SQL webhook subscriptions, their delivery log, and the dispatcher's claim of due ones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db import tables as t
from app.adapters.db.change_tables import ChangeEventRow
from app.adapters.db.changes import _HORIZON
from app.adapters.db.engine import READ, WRITE
from app.adapters.db.errors import failures_translated
from app.adapters.db.native import is_postgres
from app.adapters.db.row_security import all_tenants_session
from app.adapters.db.tables import table_of
from app.adapters.db.uow import SqlUnitOfWork
from app.adapters.db.upsert import rows_changed
from app.adapters.db.webhook_tables import WebhookDeliveryRow, WebhookSubscriptionRow
from app.domain.access import TenantId
from app.domain.changes import START, FeedPosition
from app.domain.webhook_subscriptions import (
    DeliveryRecord,
    Filters,
    Places,
    Subscription,
    SubscriptionStatus,
)
from app.ports.webhooks import Due

_subs = table_of(WebhookSubscriptionRow)
_deliveries = table_of(WebhookDeliveryRow)
_events = table_of(ChangeEventRow)
_enrollments = table_of(t.EnrollmentRow)
_classes = table_of(t.ClassRow)
_user_orgs = table_of(t.UserOrgRow)


def _subscription(r: Any) -> Subscription:
    return Subscription(
        id=r.id,
        url=r.url,
        description=r.description,
        event_types=tuple(r.event_types),
        filters=Filters.of(r.filters),
        status=SubscriptionStatus(r.status),
        created_at=r.created_at,
        secret_sealed=r.secret_sealed,
        previous_secret_sealed=r.previous_secret_sealed,
        rotated_at=r.rotated_at,
        position=FeedPosition(r.position_xact, r.position_id),
        failures=r.failures,
        failing_since=r.failing_since,
        next_attempt_at=r.next_attempt_at,
        disabled_at=r.disabled_at,
    )


def _values(s: Subscription) -> dict[str, Any]:
    return {
        "url": s.url,
        "description": s.description,
        "event_types": list(s.event_types),
        "filters": s.filters.as_json(),
        "status": s.status.value,
        "secret_sealed": s.secret_sealed,
        "previous_secret_sealed": s.previous_secret_sealed,
        "rotated_at": s.rotated_at,
        "position_xact": s.position.transaction,
        "position_id": s.position.event_id,
        "failures": s.failures,
        "failing_since": s.failing_since,
        "next_attempt_at": s.next_attempt_at,
        "disabled_at": s.disabled_at,
    }


def _delivery_state(s: Subscription) -> dict[str, Any]:
    """What a delivery changes (an admin's concurrent change of the URL or types is kept)."""
    state: dict[str, Any] = {
        "position_xact": s.position.transaction,
        "position_id": s.position.event_id,
        "failures": s.failures,
        "failing_since": s.failing_since,
        "next_attempt_at": s.next_attempt_at,
    }
    if s.status == SubscriptionStatus.DISABLED:
        state |= {"status": s.status.value, "disabled_at": s.disabled_at}
    return state


class SqlWebhookRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    def _mine(self, subscription_id: str) -> sa.ColumnElement[bool]:
        return sa.and_(_subs.c.tenant_id == self._tenant, _subs.c.id == subscription_id)

    async def add(self, subscription: Subscription) -> None:
        row = {
            "tenant_id": self._tenant,
            "id": subscription.id,
            "created_at": subscription.created_at,
            **_values(subscription),
        }
        await self._session.execute(sa.insert(_subs).values(row))

    async def get(self, subscription_id: str) -> Subscription | None:
        row = await self._session.execute(sa.select(_subs).where(self._mine(subscription_id)))
        found = row.first()
        return None if found is None else _subscription(found)

    async def all(self) -> list[Subscription]:
        query = (
            sa.select(_subs)
            .where(_subs.c.tenant_id == self._tenant)
            .order_by(_subs.c.created_at, _subs.c.id)
        )
        return [_subscription(r) for r in (await self._session.execute(query)).all()]

    async def save(self, subscription: Subscription) -> None:
        stmt = sa.update(_subs).where(self._mine(subscription.id)).values(_values(subscription))
        await self._session.execute(stmt)

    async def delete(self, subscription_id: str) -> bool:
        return bool(
            await rows_changed(self._session, sa.delete(_subs).where(self._mine(subscription_id)))
        )

    async def advance(self, subscription: Subscription, expected: FeedPosition) -> bool:
        stmt = (
            sa.update(_subs)
            .where(
                self._mine(subscription.id),
                _subs.c.position_xact == expected.transaction,
                _subs.c.position_id == expected.event_id,
            )
            .values(_delivery_state(subscription))
        )
        return bool(await rows_changed(self._session, stmt))

    async def feed_end(self) -> FeedPosition:
        ev = _events.c
        query = (
            sa.select(ev.xact, ev.id)
            .where(ev.tenant_id == self._tenant)
            .order_by(ev.xact.desc(), ev.id.desc())
            .limit(1)
        )
        if is_postgres(self._session):
            query = query.where(ev.xact < _HORIZON)
        last = (await self._session.execute(query)).first()
        return START if last is None else FeedPosition(last.xact, last.id)

    async def release(self, subscription_id: str) -> None:
        stmt = sa.update(_subs).where(self._mine(subscription_id)).values(leased_until=None)
        await self._session.execute(stmt)

    async def record(self, delivery: DeliveryRecord) -> None:
        await self._session.execute(
            sa.insert(_deliveries).values(
                tenant_id=self._tenant,
                subscription_id=delivery.subscription_id,
                message_id=delivery.message_id,
                event_ids=list(delivery.event_ids),
                attempt=delivery.attempt,
                status_code=delivery.status_code,
                outcome=delivery.outcome,
                error=delivery.error,
                duration_ms=delivery.duration_ms,
                at=delivery.at,
            )
        )

    async def deliveries(
        self, subscription_id: str, limit: int, before_id: int | None
    ) -> list[DeliveryRecord]:
        c = _deliveries.c
        query = (
            sa.select(_deliveries)
            .where(c.tenant_id == self._tenant, c.subscription_id == subscription_id)
            .order_by(c.id.desc())
            .limit(limit)
        )
        if before_id is not None:
            query = query.where(c.id < before_id)
        return [
            DeliveryRecord(
                id=r.id,
                subscription_id=r.subscription_id,
                message_id=r.message_id,
                event_ids=tuple(r.event_ids),
                attempt=r.attempt,
                at=r.at,
                outcome=r.outcome,
                duration_ms=r.duration_ms,
                status_code=r.status_code,
                error=r.error,
            )
            for r in (await self._session.execute(query)).all()
        ]

    async def places(self, student_ids: Collection[str], by_school: bool) -> Places:
        """Classes through enrollments (with each class's school), and schools through the
        users' orgs too: two set-based queries for a whole batch."""
        if not student_ids:
            return Places()
        ids = sorted(set(student_ids))
        e, c = _enrollments.c, _classes.c
        rows = await self._session.execute(
            sa.select(e.user_id, e.class_id, c.school_id)
            .join(_classes, sa.and_(c.tenant_id == e.tenant_id, c.id == e.class_id))
            .where(e.tenant_id == self._tenant, e.user_id.in_(ids))
        )
        classes: dict[str, set[str]] = defaultdict(set)
        schools: dict[str, set[str]] = defaultdict(set)
        for user_id, class_id, school_id in rows.all():
            classes[user_id].add(class_id)
            schools[user_id].add(school_id)
        if by_school:
            o = _user_orgs.c
            orgs = await self._session.execute(
                sa.select(o.user_id, o.org_id).where(
                    o.tenant_id == self._tenant, o.user_id.in_(ids)
                )
            )
            for user_id, org_id in orgs.all():
                schools[user_id].add(org_id)
        return Places(schools=schools, classes=classes)


class SqlWebhookUnitOfWork(SqlUnitOfWork):
    """A tenant's unit of work that also holds its webhook subscriptions."""

    webhooks: SqlWebhookRepository

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self.webhooks = SqlWebhookRepository(self.session, self.tenant_id)
        return self


class SqlDueSubscriptions:
    """Finds, across tenants, the subscriptions a delivery job should run for, and leases each
    to one job (a conditional UPDATE: of two dispatchers, one wins)."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def claim_due(self, at: datetime, lease_seconds: float) -> list[Due]:
        s, ev = _subs.c, _events.c
        pending = sa.exists().where(
            ev.tenant_id == s.tenant_id,
            sa.tuple_(ev.xact, ev.id) > sa.tuple_(s.position_xact, s.position_id),
        )
        free = sa.or_(s.leased_until.is_(None), s.leased_until < at)
        due = sa.or_(s.next_attempt_at.is_(None), s.next_attempt_at <= at)
        # Found in a reading transaction (on SQLite it takes no write lock, and most rounds
        # find nothing), then leased in a writing one.
        async with (
            all_tenants_session(self._sessions) as session,
            failures_translated(read_only=True),
        ):
            await session.connection(execution_options=READ)
            if is_postgres(session):
                pending = pending.where(ev.xact < _HORIZON)
            query = sa.select(s.tenant_id, s.id).where(
                s.status == SubscriptionStatus.ENABLED.value, free, due, pending
            )
            found = (await session.execute(query)).all()
        if not found:
            return []
        claimed: list[Due] = []
        async with (
            all_tenants_session(self._sessions) as session,
            failures_translated(read_only=False),
        ):
            await session.connection(execution_options=WRITE)
            for tenant_id, subscription_id in found:
                lease = (
                    sa.update(_subs)
                    .where(s.tenant_id == tenant_id, s.id == subscription_id, free)
                    .values(leased_until=at + timedelta(seconds=lease_seconds))
                )
                if await rows_changed(session, lease):
                    claimed.append(Due(TenantId(tenant_id), subscription_id))
            await session.commit()
        return claimed
