"""The change feed, read by the systems a district connects, and its retention sweep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from app.domain.access import TenantId
from app.domain.changes import ChangePage, cursor_of, position_of, types_named
from app.domain.errors import InvalidQuery
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True, kw_only=True)
class ChangeFeedReading:
    uow: UnitOfWorkFactory
    clock: Clock
    retention_days: int

    async def page(
        self, tenant: TenantId, after: str | None, limit: int, types: str | None = None
    ) -> ChangePage:
        """Up to `limit` changes after the cursor, oldest first; an empty page keeps it."""
        problems = []
        try:
            position = position_of(after)
        except InvalidQuery as bad:
            problems += bad.problems
        try:
            named = types_named(types)
        except InvalidQuery as bad:
            problems += bad.problems
        if problems:  # every problem of the query at once
            raise InvalidQuery("The change feed cannot be read so", problems)
        async with self.uow(tenant, writes=False) as uow:
            items = await uow.changes.after(position, limit, named)
        if not items:
            return ChangePage([], after or cursor_of(position))
        return ChangePage(items, cursor_of(items[-1].position))

    async def sweep(self, tenant: TenantId) -> int:
        """Forget the tenant's changes older than the retention period; how many."""
        cutoff = self.clock.now() - timedelta(days=self.retention_days)
        async with self.uow(tenant) as uow:
            forgotten = await uow.changes.forget_before(cutoff)
            await uow.commit()
        return forgotten
