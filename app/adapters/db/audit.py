"""The SQL audit trail of one tenant."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.audit_tables import AuditEntryRow
from app.adapters.db.tables import table_of
from app.domain.access import TenantId
from app.domain.audit import (
    ERASED,
    AuditEntry,
    AuditKind,
    AuditQuery,
    RecordedAuditEntry,
)

_audit = table_of(AuditEntryRow)


def _recorded(row: sa.RowMapping) -> RecordedAuditEntry:
    entry = AuditEntry(
        at=row["at"],
        actor=row["actor"],
        kind=AuditKind(row["kind"]),
        subject=row["subject"],
        student_id=row["student_id"],
        before=row["before"],
        after=row["after"],
    )
    return RecordedAuditEntry(int(row["seq"]), entry)


class SqlAuditLog:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def record(self, entry: AuditEntry) -> None:
        await self._session.execute(
            sa.insert(_audit).values(
                tenant_id=self._tenant,
                at=entry.at,
                actor=entry.actor,
                kind=entry.kind.value,
                subject=entry.subject,
                student_id=entry.student_id,
                before=dict(entry.before) if entry.before is not None else None,
                after=dict(entry.after) if entry.after is not None else None,
            )
        )

    async def page(self, query: AuditQuery) -> list[RecordedAuditEntry]:
        c = _audit.c
        stmt = sa.select(_audit).where(c.tenant_id == self._tenant)
        if query.before_seq is not None:
            stmt = stmt.where(c.seq < query.before_seq)
        if query.kinds:
            stmt = stmt.where(c.kind.in_(sorted(k.value for k in query.kinds)))
        if query.since is not None:
            stmt = stmt.where(c.at >= query.since)
        if query.until is not None:
            stmt = stmt.where(c.at < query.until)
        stmt = stmt.order_by(c.seq.desc()).limit(query.limit)
        return [_recorded(r) for r in (await self._session.execute(stmt)).mappings()]

    async def about_student(self, student_id: str) -> list[RecordedAuditEntry]:
        c = _audit.c
        stmt = (
            sa.select(_audit)
            .where(c.tenant_id == self._tenant, c.student_id == student_id)
            .order_by(c.seq)
        )
        return [_recorded(r) for r in (await self._session.execute(stmt)).mappings()]

    async def redact_student(self, student_id: str) -> int:
        c = _audit.c
        result = await self._session.execute(
            sa.update(_audit)
            .where(c.tenant_id == self._tenant, c.student_id == student_id)
            .values(subject=ERASED, student_id=None, before=None, after=None)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
