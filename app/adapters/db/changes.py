"""SQL outbox of changes: written in the transaction of each change, read as an ordered feed.

The feed's order is (writing transaction, id), and a reader on PostgreSQL sees only events of
transactions older than every transaction still running (`pg_snapshot_xmin`): ids are drawn
when a row is inserted, not when it commits, so by id alone a page could show id 12 while id 11
is still uncommitted and move past it for good. A transaction number below the snapshot's xmin
belongs to a transaction that has ended, and no running one can write with it (decision 0043)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.change_tables import ChangeEventRow
from app.adapters.db.native import Insert, bulk_insert, is_postgres
from app.adapters.db.tables import table_of
from app.adapters.db.types import UTCDateTime
from app.domain.access import TenantId
from app.domain.changes import ROSTER_CHANGES, ChangeEvent, FeedItem, FeedPosition
from app.domain.roster import RosterKind, UserRole

events_table = table_of(ChangeEventRow)
_HORIZON: sa.ColumnElement[int] = sa.literal_column(
    "pg_snapshot_xmin(pg_current_snapshot())::text::bigint", sa.BigInteger()
)


def event_rows(events: Sequence[ChangeEvent], tenant: int) -> list[dict[str, Any]]:
    """Rows to insert; on PostgreSQL without `xact`, which the column default fills in."""
    return [
        {
            "tenant_id": tenant,
            "type": e.type.value,
            "occurred_at": e.occurred_at,
            "student_id": e.student_id,
            "data": dict(e.data),
        }
        for e in events
    ]


def events_insert(events: Sequence[ChangeEvent], tenant: int) -> Insert:
    """The outbox rows as one more table of a PostgreSQL `bulk_insert` (same statement)."""
    return Insert(events_table, event_rows(events, tenant))


async def append_changes(session: AsyncSession, tenant: int, events: Sequence[ChangeEvent]) -> None:
    """One set-based INSERT of these events, in the session's transaction."""
    if not events:
        return
    if is_postgres(session):
        await bulk_insert(session, events_insert(events, tenant))
        return
    # SQLite: one writer at a time, so id order is commit order; every transaction number 0.
    rows = [{**row, "xact": 0} for row in event_rows(events, tenant)]
    await session.execute(sa.insert(events_table), rows)


async def announce_merged(
    session: AsyncSession, tenant: int, kind: RosterKind, stored: sa.Table, at: datetime
) -> None:
    """Announce the records an import's merge wrote (each stamped `updated_at = at`), with one
    INSERT … SELECT: a bulk import does not bring its rows back into Python."""
    announced = ROSTER_CHANGES.get(kind)
    if announced is None:
        return
    pairs: list[Any] = []
    for name in ("id", "status", *announced.fields):
        pairs += [sa.literal(name), stored.c[name]]
    build = sa.func.jsonb_build_object if is_postgres(session) else sa.func.json_object
    student: Any = sa.null()
    if announced.student_field:
        student = sa.case(
            (stored.c.role == UserRole.STUDENT.value, stored.c[announced.student_field])
        )
    columns: list[Any] = [
        sa.literal(tenant),
        sa.literal(announced.type.value),
        sa.literal(at, UTCDateTime),
        student,
        build(*pairs),
    ]
    names = ["tenant_id", "type", "occurred_at", "student_id", "data"]
    if not is_postgres(session):
        columns.append(sa.literal(0))
        names.append("xact")
    rows = sa.select(*columns).where(stored.c.tenant_id == tenant, stored.c.updated_at == at)
    await session.execute(sa.insert(events_table).from_select(names, rows))


class SqlChangeFeed:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def append(self, events: Sequence[ChangeEvent]) -> None:
        await append_changes(self._session, self._tenant, events)

    async def after(
        self, position: FeedPosition, limit: int, types: Collection[str] | None = None
    ) -> list[FeedItem]:
        c = events_table.c
        stmt = (
            sa.select(c.xact, c.id, c.type, c.occurred_at, c.data)
            .where(
                c.tenant_id == self._tenant,
                sa.tuple_(c.xact, c.id) > sa.tuple_(position.transaction, position.event_id),
            )
            .order_by(c.xact, c.id)
            .limit(limit)
        )
        if is_postgres(self._session):
            stmt = stmt.where(c.xact < _HORIZON)
        if types is not None:
            stmt = stmt.where(c.type.in_(list(types)))
        return [
            FeedItem(
                id=r.id,
                position=FeedPosition(r.xact, r.id),
                type=r.type,
                occurred_at=r.occurred_at,
                data=r.data,
            )
            for r in (await self._session.execute(stmt)).all()
        ]

    async def forget_before(self, cutoff: datetime) -> int:
        """Delete this tenant's events older than the cutoff (the retention sweep)."""
        result = await self._session.execute(
            sa.delete(events_table).where(
                events_table.c.tenant_id == self._tenant, events_table.c.occurred_at < cutoff
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)
