"""The change feed never skips an event that commits late (PostgreSQL, two real concurrent
transactions): ids are drawn at insert, not at commit, so the feed reads in (transaction, id)
order and only below the oldest running transaction (app/adapters/db/changes.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from app.bootstrap import Container
from app.domain.access import Tenant
from tests.feed_horizon import settled

_INSERT = sa.text(
    "INSERT INTO change_events (tenant_id, type, occurred_at, student_id, data) "
    "VALUES (:tenant, 'roster.class.changed', :at, NULL, CAST(:data AS jsonb)) RETURNING id"
)


async def _write(conn: AsyncConnection, tenant: Tenant, name: str) -> int:
    found = await conn.execute(
        _INSERT,
        {
            "tenant": tenant.id,
            "at": datetime.now(UTC),
            "data": orjson.dumps({"id": name, "status": "active"}).decode(),
        },
    )
    return int(found.scalar_one())


async def _begin(conn: AsyncConnection, tenant: Tenant) -> None:
    await conn.begin()
    await conn.execute(sa.text(f"SET LOCAL mastery.tenant_id = '{tenant.id}'"))


async def _names(container: Container, tenant: Tenant, after: str | None = None) -> list[str]:
    page = await container.use_cases.changes.page(tenant.id, after, 100)
    return [str(i.data["id"]) for i in page.items]


async def test_a_later_id_committed_first_waits_for_the_earlier_transaction(
    container: Container, tenant: Tenant
) -> None:
    if container.engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one writer at a time: ids commit in order")
    start = (await container.use_cases.changes.page(tenant.id, None, 100)).next_cursor
    async with container.engine.connect() as first, container.engine.connect() as second:
        await _begin(first, tenant)
        # The first transaction takes its number now (as a writer does under its students'
        # locks), then the second draws a lower id, commits, and only then the first writes.
        await first.execute(sa.text("SELECT pg_current_xact_id()"))
        await _begin(second, tenant)
        early_id = await _write(second, tenant, "second")
        await second.commit()
        late_id = await _write(first, tenant, "first")
        assert early_id < late_id  # by id alone, "second" would be read and "first" skipped

        # While the first is open, nothing after it is shown, and the empty page keeps the
        # cursor.
        assert await _names(container, tenant, start) == []
        await first.commit()
    await settled(container.engine)
    # Both now, in the order of their transactions: the first's event, then the second's.
    assert await _names(container, tenant, start) == ["first", "second"]


async def test_an_open_writer_holds_back_later_events_until_it_commits_or_rolls_back(
    container: Container, tenant: Tenant
) -> None:
    if container.engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one writer at a time: ids commit in order")
    async with container.engine.connect() as first, container.engine.connect() as second:
        await _begin(first, tenant)
        await _write(first, tenant, "rolled back")
        await _begin(second, tenant)
        await _write(second, tenant, "kept")
        await second.commit()
        assert await _names(container, tenant) == []
        await first.rollback()
    await settled(container.engine)
    assert await _names(container, tenant) == ["kept"]
