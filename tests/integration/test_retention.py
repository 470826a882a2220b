"""The logs kept for their retention and no longer (app/adapters/db/retention.py), on both
databases: what expired goes, what did not stays, a job still queued or running stays however
old, and every tenant is swept at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from app.adapters.db import migrate
from app.adapters.db.change_tables import ChangeEventRow
from app.adapters.db.engine import create_engine
from app.adapters.db.retention import Retention, forget_expired
from app.adapters.db.row_security import open_to_all_tenants
from app.adapters.db.tables import JobRow, TenantRow, table_of
from app.adapters.db.webhook_tables import WebhookDeliveryRow, WebhookSubscriptionRow

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
RETENTION = Retention(change_events_days=30, webhook_deliveries_days=10, jobs_days=7)


def _days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def _rows(tenant: int) -> dict[type[Any], list[dict[str, Any]]]:
    """Each log's rows of one tenant, named by what the sweep must do with them."""
    return {
        ChangeEventRow: [
            {
                "tenant_id": tenant,
                "xact": 0,
                "type": "gone",
                "occurred_at": _days_ago(31),
                "data": {},
            },
            {
                "tenant_id": tenant,
                "xact": 0,
                "type": "kept",
                "occurred_at": _days_ago(29),
                "data": {},
            },
        ],
        WebhookDeliveryRow: [
            _delivery(tenant, "gone", _days_ago(10.5)),
            _delivery(tenant, "kept", _days_ago(9.5)),
        ],
        JobRow: [
            _job(tenant, "gone-succeeded", "succeeded", _days_ago(8)),
            _job(tenant, "gone-failed", "failed", _days_ago(30)),
            _job(tenant, "kept-recent", "succeeded", _days_ago(6)),
            _job(tenant, "kept-running", "running", None),
            _job(tenant, "kept-queued", "queued", None),
        ],
    }


def _delivery(tenant: int, message: str, at: datetime) -> dict[str, Any]:
    return {
        "tenant_id": tenant,
        "subscription_id": "sub",
        "message_id": f"{message}-{tenant}",
        "event_ids": [1],
        "attempt": 1,
        "status_code": 200,
        "outcome": "delivered",
        "duration_ms": 5,
        "at": at,
    }


def _job(tenant: int, id_: str, status: str, finished: datetime | None) -> dict[str, Any]:
    return {
        "tenant_id": tenant,
        "id": f"{id_}-{tenant}",
        "kind": "roster_import",
        "scope": "roster:write",
        "status": status,
        "created_at": _days_ago(60),
        "finished_at": finished,
        "result": {},
        "errors": [],
        "arguments": {},
    }


async def _left(conn: Any) -> dict[str, list[str]]:
    events, deliveries, jobs = (
        table_of(ChangeEventRow),
        table_of(WebhookDeliveryRow),
        table_of(JobRow),
    )
    await conn.run_sync(open_to_all_tenants)
    return {
        "change_events": sorted(
            f"{r.type}-{r.tenant_id}"
            for r in await conn.execute(sa.select(events.c.type, events.c.tenant_id))
        ),
        "webhook_deliveries": sorted(
            (await conn.execute(sa.select(deliveries.c.message_id))).scalars()
        ),
        "jobs": sorted((await conn.execute(sa.select(jobs.c.id))).scalars()),
    }


async def test_what_expired_goes_and_the_rest_stays_in_every_tenant(empty_database: str) -> None:
    await migrate.upgrade(empty_database)
    engine = create_engine(empty_database)
    try:
        async with engine.connect() as conn:
            await conn.run_sync(open_to_all_tenants)
            tenants = []
            for slug in ("north", "south"):
                made = await conn.execute(
                    sa.insert(table_of(TenantRow))
                    .values(slug=slug, name=slug, created_at=NOW)
                    .returning(table_of(TenantRow).c.id)
                )
                tenants.append(made.scalar_one())
            for tenant in tenants:
                await conn.execute(
                    sa.insert(table_of(WebhookSubscriptionRow)).values(
                        tenant_id=tenant,
                        id="sub",
                        url="https://127.0.0.1/hook",
                        event_types=[],
                        filters={},
                        status="active",
                        secret_sealed="sealed",
                        created_at=NOW,
                    )
                )
                for model, rows in _rows(tenant).items():
                    await conn.execute(sa.insert(table_of(model)), rows)
            await conn.commit()

        forgotten = await forget_expired(engine, RETENTION, NOW)
        # Per tenant: 1 event, 1 delivery, 2 jobs past their retention.
        assert forgotten == {"change_events": 2, "webhook_deliveries": 2, "jobs": 4}
        async with engine.connect() as conn:
            left = await _left(conn)
        a, b = tenants
        assert left == {
            "change_events": sorted([f"kept-{a}", f"kept-{b}"]),
            "webhook_deliveries": sorted([f"kept-{a}", f"kept-{b}"]),
            "jobs": sorted(
                f"{name}-{t}"
                for t in tenants
                for name in ("kept-queued", "kept-recent", "kept-running")
            ),
        }
        # Nothing more has expired: a second sweep forgets nothing.
        assert await forget_expired(engine, RETENTION, NOW) == {
            "change_events": 0,
            "webhook_deliveries": 0,
            "jobs": 0,
        }
    finally:
        await engine.dispose()
