"""Authoring frameworks and competencies; a change of policy or tree recomputes decisions."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime

from app.domain.access import Principal, Scope, TenantId
from app.domain.framework_authoring import add_competency, build_framework
from app.domain.framework_changes import changes_decisions, update_competency, update_framework
from app.domain.framework_commands import (
    AddCompetency,
    CreateFramework,
    UpdateCompetency,
    UpdateFramework,
)
from app.domain.frameworks import Competency, Framework
from app.domain.jobs import Job
from app.domain.mastery.record import ChangeCause, DecisionRecord, student_records
from app.ports.clock import Clock, IdGenerator
from app.ports.jobs import JobArguments, JobReport, JobRunner, Progress
from app.ports.paging import Page
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.deciding import save_changed
from app.use_cases.lookups import require_competency, require_framework

STUDENTS_PER_STEP = 200
RECOMPUTE_JOB = "recompute_decisions"


@dataclass(frozen=True)
class FrameworkChanged:
    """The framework after a change, and the job recomputing its decisions when that is large
    (None when they were recomputed at once, or nothing needed it)."""

    framework: Framework
    job: Job | None = None


async def _recompute(
    uow: UnitOfWork, framework: Framework, after: str | None, now: datetime
) -> tuple[int, str | None]:
    """Recompute the decisions of one step of students; returns (changed, last student)."""
    ids = [c.id for c in framework.competencies]
    students = await uow.evidence.students_with_evidence(ids, after, STUDENTS_PER_STEP)
    if not students:
        return 0, None
    evidence = await uow.evidence.for_students(students, ids)
    stored: dict[str, dict[str, DecisionRecord]] = {s: {} for s in students}
    for record in await uow.decisions.for_students(students, ids):
        stored[record.student_id][record.competency_id] = record
    now_records: dict[tuple[str, str], DecisionRecord] = {}
    before: dict[tuple[str, str], DecisionRecord] = {}
    for student in students:
        now_records.update(
            student_records(framework, student, evidence.get(student, []), stored[student], now)
        )
        before.update({(student, cid): r for cid, r in stored[student].items()})
    refreshed = await save_changed(
        uow, {framework.id: framework}, now_records, before, now, ChangeCause.POLICY
    )
    return len(refreshed.records), students[-1] if len(students) == STUDENTS_PER_STEP else None


@dataclass(frozen=True, kw_only=True)
class Frameworks:
    """Authoring frameworks and competencies, and recomputing the decisions a change reaches."""

    uow: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator
    jobs: JobRunner
    # A policy change that touches more decisions than this recomputes them in a job (202).
    recompute_inline_limit: int

    async def create_framework(self, principal: Principal, command: CreateFramework) -> Framework:
        """A new framework with its whole competency tree."""
        framework = build_framework(command, self.ids.new_id)
        async with self.uow(principal.tenant_id) as uow:
            await uow.frameworks.add(framework, self.clock.now())
            await uow.commit()
        return framework

    async def list_frameworks(
        self, principal: Principal, after: str | None, limit: int
    ) -> Page[Framework]:
        async with self.uow(principal.tenant_id) as uow:
            return await uow.frameworks.list(after, limit)

    async def count_frameworks(self, principal: Principal) -> int:
        async with self.uow(principal.tenant_id) as uow:
            return await uow.frameworks.count()

    async def get_framework(self, principal: Principal, framework_id: str) -> Framework:
        async with self.uow(principal.tenant_id) as uow:
            return await require_framework(uow, framework_id)

    async def get_competency(
        self, principal: Principal, competency_id: str
    ) -> tuple[Competency, Framework]:
        """A competency with the framework it belongs to."""
        async with self.uow(principal.tenant_id) as uow:
            return await require_competency(uow, competency_id)

    async def update_framework(
        self, principal: Principal, framework_id: str, command: UpdateFramework
    ) -> FrameworkChanged:
        """Change a framework's fields; a policy change recomputes every decision of it."""
        return await self.change(principal, framework_id, lambda f: update_framework(f, command))

    async def update_competency(
        self, principal: Principal, competency_id: str, command: UpdateCompetency
    ) -> tuple[Competency, FrameworkChanged]:
        """Change a competency; a change of its policy or place recomputes decisions."""
        _, framework = await self.get_competency(principal, competency_id)
        changed = await self.change(
            principal, framework.id, lambda f: update_competency(f, competency_id, command)
        )
        return changed.framework.competency(competency_id), changed

    async def add_competency(
        self, principal: Principal, framework_id: str, command: AddCompetency
    ) -> tuple[list[Competency], FrameworkChanged]:
        """Add a competency (with nested children) to a framework."""
        added: list[Competency] = []

        def change(framework: Framework) -> Framework:
            new, competencies = add_competency(framework, command, self.ids.new_id)
            added[:] = competencies
            return new

        changed = await self.change(principal, framework_id, change)
        return added, changed

    async def change(
        self, principal: Principal, framework_id: str, edit: Callable[[Framework], Framework]
    ) -> FrameworkChanged:
        """Store `edit` of the framework as it is in this transaction, and recompute the
        decisions the change reaches (at once, or in a job when there are many)."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            old = await require_framework(uow, framework_id)
            new = edit(old)
            await uow.frameworks.save(new, now)
            if not changes_decisions(old, new):
                await uow.commit()
                return FrameworkChanged(new)
            count = await uow.decisions.count_for([c.id for c in old.competencies])
            if count <= self.recompute_inline_limit:
                after: str | None = None
                while True:  # every step of students, in this one transaction
                    _, after = await _recompute(uow, new, after, now)
                    if after is None:
                        break
                await uow.commit()
                return FrameworkChanged(new)
            await uow.commit()

        job = await self.jobs.enqueue(
            principal.tenant_id,
            RECOMPUTE_JOB,
            Scope.FRAMEWORKS_WRITE,
            {"framework_id": framework_id},
        )
        return FrameworkChanged(new, job)

    async def run_recompute_job(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        """A recompute job's work."""
        changed = await self.recompute_framework(tenant, arguments["framework_id"], progress)
        return JobReport(result={"decisions_changed": changed})

    async def recompute_framework(
        self, tenant: TenantId, framework_id: str, progress: Progress | None = None
    ) -> int:
        """Recompute every decision of a framework, a step of students per transaction."""
        changed = 0
        after: str | None = None
        done = 0
        while True:
            async with self.uow(tenant) as uow:
                framework = await require_framework(uow, framework_id)
                step_changed, after = await _recompute(uow, framework, after, self.clock.now())
                await uow.commit()
            changed += step_changed
            done += 1
            if progress is not None:
                await progress.advance(done, None, decisions_changed=changed)
            if after is None:
                return changed

    async def frameworks_by_id(
        self, principal: Principal, framework_ids: Collection[str]
    ) -> dict[str, Framework]:
        """The frameworks with these ids (unknown ids are left out)."""
        async with self.uow(principal.tenant_id) as uow:
            return await uow.frameworks.get_many(framework_ids)
