"""The audit trail of one tenant, written in the transaction of the change it records."""

from __future__ import annotations

from typing import Protocol

from app.domain.audit import AuditEntry, AuditQuery, RecordedAuditEntry


class AuditLog(Protocol):
    async def record(self, entry: AuditEntry) -> None:
        """Append an entry (committed, or rolled back, with the change it records)."""
        ...

    async def page(self, query: AuditQuery) -> list[RecordedAuditEntry]:
        """Entries newest first, at most `query.limit`."""
        ...

    async def about_student(self, student_id: str) -> list[RecordedAuditEntry]:
        """Every entry concerning a student, oldest first."""
        ...

    async def redact_student(self, student_id: str) -> int:
        """Take a student's id and facts out of the entries about them; how many changed."""
        ...
