"""Port of the change feed's outbox: events appended in the change's transaction, read in order."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

from app.domain.changes import ChangeEvent, FeedItem, FeedPosition


class ChangeFeed(Protocol):
    async def append(self, events: Sequence[ChangeEvent]) -> None:
        """Add events in this unit of work's transaction (they commit with the change)."""
        ...

    async def after(
        self, position: FeedPosition, limit: int, types: Collection[str] | None = None
    ) -> list[FeedItem]:
        """Up to `limit` events after `position`, in feed order, only from transactions that
        can no longer gain an event (so a later page never holds one that sorts earlier)."""
        ...

    async def forget_before(self, cutoff: datetime) -> int:
        """Delete events that occurred before the cutoff; how many."""
        ...
