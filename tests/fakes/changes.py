"""The change feed's outbox in a fake tenant's tables: a list, one writer at a time."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from app.domain.changes import ChangeEvent, FeedItem, FeedPosition
from tests.fakes.state import TenantTables


class FakeChangeFeed:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    async def append(self, events: Sequence[ChangeEvent]) -> None:
        self._tables.change_events.extend(events)

    async def after(
        self, position: FeedPosition, limit: int, types: Collection[str] | None = None
    ) -> list[FeedItem]:
        listed = [
            FeedItem(i, FeedPosition(0, i), e.type.value, e.occurred_at, e.data)
            for i, e in enumerate(self._tables.change_events, start=1)
        ]
        after = [
            item
            for item in listed
            if (item.position.transaction, item.id) > (position.transaction, position.event_id)
            and (types is None or item.type in types)
        ]
        return after[:limit]

    async def forget_before(self, cutoff: datetime) -> int:
        kept = [e for e in self._tables.change_events if e.occurred_at >= cutoff]
        forgotten = len(self._tables.change_events) - len(kept)
        self._tables.change_events[:] = kept
        return forgotten
