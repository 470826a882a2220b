"""A student's data rights: everything held about them, exported as JSON, and erased on the
district's request; both recorded in the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.access import Principal
from app.domain.audit import ERASED, AuditEntry, AuditKind
from app.domain.errors import Invalid, NotFound, Problem
from app.domain.roster import RosterKind
from app.ports.clock import Clock
from app.ports.reports import CountsUpkeep
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory


async def _require_user(uow: UnitOfWork, student_id: str) -> None:
    # Retired users too: a district may ask about a student who has left.
    if await uow.roster(RosterKind.USER).get(student_id, include_deleted=True) is None:
        raise NotFound(f"No user {student_id!r}", [Problem(("id",), "no such user")])


@dataclass(frozen=True, kw_only=True)
class StudentDataRights:
    uow: UnitOfWorkFactory
    clock: Clock
    counts_upkeep: CountsUpkeep | None = None

    async def export_student(self, principal: Principal, student_id: str) -> dict[str, Any]:
        """Every row held about the student and every audit entry about them, as JSON."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            await _require_user(uow, student_id)
            held = await uow.student_records.held(student_id)
            trail = await uow.audit.about_student(student_id)
            await uow.audit.record(
                AuditEntry(
                    now, principal.client_id, AuditKind.STUDENT_EXPORTED, student_id, student_id
                )
            )
            await uow.commit()
        return {
            "student_id": student_id,
            "exported_at": now.isoformat(),
            "records": held,
            "audit": [
                {
                    "seq": r.seq,
                    "at": r.entry.at.isoformat(),
                    "actor": r.entry.actor,
                    "kind": r.entry.kind.value,
                    "subject": r.entry.subject,
                    "before": r.entry.before,
                    "after": r.entry.after,
                }
                for r in trail
            ],
        }

    async def erase_student(
        self, principal: Principal, student_id: str, *, confirm: str | None
    ) -> dict[str, int]:
        """Delete every row held about the student and take them out of the audit trail;
        `confirm` must repeat the id. The erasure's own entry keeps counts, not the id."""
        if confirm != student_id:
            raise Invalid(
                "Erasing a student needs confirmation",
                [Problem(("query", "confirm"), "repeat the student's id to confirm the erasure")],
            )
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            await _require_user(uow, student_id)
            erased = await uow.student_records.erase(student_id)
            erased["audit_entries_redacted"] = await uow.audit.redact_student(student_id)
            await uow.audit.record(
                AuditEntry(now, principal.client_id, AuditKind.STUDENT_ERASED, ERASED, after=erased)
            )
            await uow.commit()
        if self.counts_upkeep is not None:
            # The counts' queue and profile still name the student until they are drained.
            await self.counts_upkeep(principal.tenant_id)
        return erased
