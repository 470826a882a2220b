"""A teacher's override of a decision: set, cleared, or expired; every one kept in history."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.access import Principal
from app.domain.audit import AuditEntry, AuditKind, override_facts
from app.domain.errors import NotFound
from app.domain.frameworks import Framework
from app.domain.mastery.override import set_override
from app.domain.mastery.override_history import (
    ListedOverride,
    OverrideEntry,
    OverrideFilter,
    override_entries,
)
from app.domain.mastery.record import (
    ChangeCause,
    DecisionRecord,
    blank_record,
    rolled_up_records,
    with_override,
)
from app.domain.mastery.view import DecisionView, view_of
from app.domain.roster import RosterKind
from app.ports.clock import Clock
from app.ports.mastery import StudentCompetency
from app.ports.paging import Page
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.deciding import save_changed
from app.use_cases.lookups import require_competency, require_student


async def _decisions(
    uow: UnitOfWork, student_id: str, competency_id: str
) -> tuple[Framework, dict[StudentCompetency, DecisionRecord]]:
    """The framework and the student's stored decisions in it (the overridden one's ancestors
    roll up from its siblings), locked for writing."""
    await require_student(uow, student_id)
    _, framework = await require_competency(uow, competency_id)
    await uow.decisions.lock_students([student_id])
    ids = [c.id for c in framework.ordered]
    stored = await uow.decisions.for_students([student_id], ids)
    return framework, {(r.student_id, r.competency_id): r for r in stored}


async def _save_with_ancestors(
    uow: UnitOfWork,
    framework: Framework,
    after: DecisionRecord,
    stored: dict[StudentCompetency, DecisionRecord],
    at: datetime,
    cause: ChangeCause,
) -> None:
    """Save a decision whose override changed and its ancestors rolled up again (a parent
    counts what its children show), each change in the history; `stored` is kept current."""
    key = (after.student_id, after.competency_id)
    frameworks = {framework.id: framework}
    framework_of = {c.id: framework.id for c in framework.ordered}
    rolled = rolled_up_records(frameworks, framework_of, {key: after}, stored, at)
    records = {key: after, **rolled}
    await save_changed(uow, frameworks, records, dict(stored), at, cause)
    stored.update(records)


@dataclass(frozen=True, kw_only=True)
class Overrides:
    """A teacher's overrides of decisions: set, cleared, and expired."""

    uow: UnitOfWorkFactory
    clock: Clock

    async def put_override(
        self,
        principal: Principal,
        student_id: str,
        competency_id: str,
        *,
        level: float | None,
        status: str | None,
        reason: str,
        expires_at: datetime | None,
    ) -> DecisionView:
        """Set (or replace) the override of one decision."""
        now = self.clock.now()
        key = (student_id, competency_id)
        async with self.uow(principal.tenant_id) as uow:
            framework, stored = await _decisions(uow, student_id, competency_id)
            before = stored.get(key)
            override = set_override(
                level_value=level,
                status=status,
                reason=reason,
                expires_at=expires_at,
                set_at=now,
                set_by=principal.client_id,
                scale=framework.scale_for(competency_id),
            )
            if before is not None and before.override is not None:
                await uow.overrides.clear(student_id, competency_id, now, principal.client_id)
            await uow.overrides.add(student_id, competency_id, override)
            replaced = before.override if before is not None else None
            await uow.audit.record(
                AuditEntry(
                    now,
                    principal.client_id,
                    AuditKind.OVERRIDE_SET,
                    f"{student_id}/{competency_id}",
                    student_id,
                    before=override_facts(replaced),
                    after=override_facts(override),
                )
            )
            base = before or blank_record(framework, student_id, competency_id, now)
            after = with_override(framework, base, override, now)
            await _save_with_ancestors(uow, framework, after, stored, now, ChangeCause.OVERRIDE_SET)
            await uow.commit()
        return view_of(after, framework, now)

    async def list_overrides(
        self, principal: Principal, student_id: str, competency_id: str
    ) -> list[OverrideEntry]:
        """Every override of one decision, past and present, in the order set."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
            await require_competency(uow, competency_id)
            recorded = await uow.overrides.of_decision(student_id, competency_id)
            history = await uow.decisions.history(student_id, competency_id)
        return override_entries(recorded, history, now)

    async def list_all_overrides(
        self,
        principal: Principal,
        *,
        class_id: str | None = None,
        competency_id: str | None = None,
        student_id: str | None = None,
        active: bool | None = None,
        after: str | None = None,
        limit: int = 100,
    ) -> Page[ListedOverride]:
        """The district's overrides in the order set, past and present, narrowed to a class's
        students, a competency, a student, or those in force now (`active`); a class the
        district does not have is a 404."""
        which = OverrideFilter(self.clock.now(), class_id, competency_id, student_id, active)
        async with self.uow(principal.tenant_id, writes=False) as uow:
            if class_id is not None and not await uow.roster(RosterKind.CLASS).active_ids(
                [class_id]
            ):
                raise NotFound(f"No class {class_id!r}")
            return await uow.overrides.listed(which, after=after, limit=limit)

    async def count_all_overrides(
        self,
        principal: Principal,
        *,
        class_id: str | None = None,
        competency_id: str | None = None,
        student_id: str | None = None,
        active: bool | None = None,
    ) -> int:
        """How many overrides `list_all_overrides` gives, on every page together."""
        which = OverrideFilter(self.clock.now(), class_id, competency_id, student_id, active)
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await uow.overrides.count_listed(which)

    async def clear_override(
        self, principal: Principal, student_id: str, competency_id: str
    ) -> DecisionView:
        """Remove the override in force; the engine's decision shows again."""
        now = self.clock.now()
        key = (student_id, competency_id)
        async with self.uow(principal.tenant_id) as uow:
            framework, stored = await _decisions(uow, student_id, competency_id)
            before = stored.get(key)
            if before is None or before.override is None or not before.override.in_force(now):
                raise NotFound(f"No override in force on {competency_id!r} for {student_id!r}")
            await uow.overrides.clear(student_id, competency_id, now, principal.client_id)
            await uow.audit.record(
                AuditEntry(
                    now,
                    principal.client_id,
                    AuditKind.OVERRIDE_CLEARED,
                    f"{student_id}/{competency_id}",
                    student_id,
                    before=override_facts(before.override),
                )
            )
            after = with_override(framework, before, None, now)
            await _save_with_ancestors(
                uow, framework, after, stored, now, ChangeCause.OVERRIDE_CLEARED
            )
            await uow.commit()
        return view_of(after, framework, now)

    async def expire_overrides(self, principal: Principal) -> int:
        """Let overrides that expired stop showing in stored decisions (what SQL reports read);
        their history entry is dated when each expired."""
        now = self.clock.now()
        # Every report asks first: when nothing expired (nearly always) it reads alone, and so
        # never waits for another tenant's write on SQLite.
        async with self.uow(principal.tenant_id, writes=False) as uow:
            if not await uow.decisions.with_expired_overrides(now):
                return 0
        async with self.uow(principal.tenant_id) as uow:
            expired = await uow.decisions.with_expired_overrides(now)
            if not expired:
                return 0
            frameworks = await uow.frameworks.get_many({r.framework_id for r in expired})
            students = {r.student_id for r in expired}
            await uow.decisions.lock_students(students)
            ids = [c.id for f in frameworks.values() for c in f.ordered]
            stored = {
                (r.student_id, r.competency_id): r
                for r in await uow.decisions.for_students(students, ids)
            }
            # In the order they expired, so that each parent rolls up from what showed then.
            for record in sorted(expired, key=_expiry):
                assert record.override is not None
                at = _expiry(record)
                framework = frameworks[record.framework_id]
                key = (record.student_id, record.competency_id)
                # Compared at its expiry the override is over already, and the change would go
                # unrecorded: compare with what showed until then.
                stored[key] = replace(record, override=replace(record.override, expires_at=None))
                after = with_override(framework, record, None, at)
                await _save_with_ancestors(
                    uow, framework, after, stored, at, ChangeCause.OVERRIDE_EXPIRED
                )
            await uow.commit()
        return len(expired)


def _expiry(record: DecisionRecord) -> datetime:
    assert record.override is not None
    assert record.override.expires_at is not None
    return record.override.expires_at
