"""The audit trail (app.ports.audit) over a tenant's in-memory tables."""

from __future__ import annotations

from collections.abc import Iterator

from app.domain.audit import AuditEntry, AuditQuery, RecordedAuditEntry, redacted
from tests.fakes.state import TenantTables


class FakeAuditLog:
    def __init__(self, tables: TenantTables, sequence: Iterator[int]) -> None:
        self._tables = tables
        self._sequence = sequence

    async def record(self, entry: AuditEntry) -> None:
        seq = next(self._sequence)
        self._tables.audit[seq] = RecordedAuditEntry(seq, entry)

    async def page(self, query: AuditQuery) -> list[RecordedAuditEntry]:
        newest_first = sorted(self._tables.audit.values(), key=lambda r: -r.seq)
        return [r for r in newest_first if query.matches(r)][: query.limit]

    async def about_student(self, student_id: str) -> list[RecordedAuditEntry]:
        mine = (r for r in self._tables.audit.values() if r.entry.student_id == student_id)
        return sorted(mine, key=lambda r: r.seq)

    async def redact_student(self, student_id: str) -> int:
        about = await self.about_student(student_id)
        for r in about:
            self._tables.audit[r.seq] = RecordedAuditEntry(r.seq, redacted(r.entry))
        return len(about)
