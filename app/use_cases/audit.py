"""The audit trail, read by a tenant's administrators."""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.access import TenantId
from app.domain.audit import AuditQuery, RecordedAuditEntry
from app.ports.paging import Page
from app.ports.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True, kw_only=True)
class AuditTrail:
    uow: UnitOfWorkFactory

    async def entries(self, tenant: TenantId, query: AuditQuery) -> Page[RecordedAuditEntry]:
        """A page of the tenant's trail, newest first; `last_key` continues it."""
        async with self.uow(tenant) as uow:
            found = await uow.audit.page(replace(query, limit=query.limit + 1))
        shown = found[: query.limit]
        more = len(found) > query.limit
        return Page(shown, str(shown[-1].seq) if more and shown else None)
