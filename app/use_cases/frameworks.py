"""Authoring frameworks and competencies; a change of policy or tree recomputes decisions."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from app.domain.access import Principal, Scope, TenantId
from app.domain.audit import AuditEntry, AuditKind, policy_facts
from app.domain.framework_authoring import add_competency, build_framework
from app.domain.framework_changes import (
    changes_decisions,
    replace_framework,
    update_competency,
    update_framework,
)
from app.domain.framework_commands import (
    AddCompetency,
    CreateFramework,
    UpdateCompetency,
    UpdateFramework,
)
from app.domain.frameworks import Competency, Framework
from app.domain.jobs import Job
from app.domain.policy_revision import PolicyRevision, base_of_change
from app.ports.clock import Clock, IdGenerator
from app.ports.jobs import JobArguments, JobReport, JobRunner, Progress
from app.ports.paging import Page
from app.ports.unit_of_work import UnitOfWorkFactory
from app.use_cases.lookups import require_competency, require_framework
from app.use_cases.recomputing import STUDENTS_PER_STEP, recompute_all, stage_step, switch

RECOMPUTE_JOB = "recompute_decisions"


@dataclass(frozen=True)
class FrameworkChanged:
    """The framework after a change, and the job recomputing its decisions when that is large
    (None when they were recomputed at once, or nothing needed it)."""

    framework: Framework
    job: Job | None = None


@dataclass(frozen=True, kw_only=True)
class Frameworks:
    """Authoring frameworks and competencies, and recomputing the decisions a change reaches."""

    uow: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator
    jobs: JobRunner
    # A policy change that touches more decisions than this recomputes them in a job (202),
    # which commits the staged decisions of this many students at a time.
    recompute_inline_limit: int
    recompute_step_students: int = STUDENTS_PER_STEP

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
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await uow.frameworks.list(after, limit)

    async def count_frameworks(self, principal: Principal) -> int:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await uow.frameworks.count()

    async def get_framework(self, principal: Principal, framework_id: str) -> Framework:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await require_framework(uow, framework_id)

    async def get_competency(
        self, principal: Principal, competency_id: str
    ) -> tuple[Competency, Framework]:
        """A competency with the framework it belongs to."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await require_competency(uow, competency_id)

    async def update_framework(
        self, principal: Principal, framework_id: str, command: UpdateFramework
    ) -> FrameworkChanged:
        """Change a framework's fields; a policy change recomputes every decision of it."""
        return await self.change(principal, framework_id, lambda f: update_framework(f, command))

    async def replace_framework(
        self,
        principal: Principal,
        framework_id: str,
        stated: Callable[[Framework], CreateFramework],
    ) -> FrameworkChanged:
        """Make the framework what `stated` says it is, given it as it stands (a merge patch
        is applied to it in the same unit of work, so that no concurrent change is lost)."""

        def edit(framework: Framework) -> Framework:
            return replace_framework(framework, stated(framework), self.ids.new_id)

        return await self.change(principal, framework_id, edit)

    async def patch_competency(
        self,
        principal: Principal,
        competency_id: str,
        stated: Callable[[Framework], UpdateCompetency],
    ) -> tuple[Competency, FrameworkChanged]:
        """Change a competency as `stated` says, given its framework as it stands (a merge
        patch is applied in the same unit of work, so that no concurrent change is lost)."""
        _, framework = await self.get_competency(principal, competency_id)
        changed = await self.change(
            principal,
            framework.id,
            lambda f: update_competency(f, competency_id, stated(f)),
        )
        return changed.framework.competency(competency_id), changed

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
        """Apply `edit` to the framework and recompute the decisions the change reaches: at
        once when they are few, else under a pending revision that a job stages in steps and
        switches in at the end (until then the framework in force and its decisions are
        unchanged). A change made while a revision is pending builds on it and supersedes it."""
        now = self.clock.now()
        tenant = principal.tenant_id
        async with self.uow(tenant) as uow:
            old = await require_framework(uow, framework_id)
            pending = await uow.revisions.pending(framework_id)
            base = base_of_change(old, pending)
            new = edit(base)
            if changes_decisions(base, new):
                await uow.audit.record(
                    AuditEntry(
                        now,
                        principal.client_id,
                        AuditKind.FRAMEWORK_CHANGED,
                        framework_id,
                        before=policy_facts(base),
                        after=policy_facts(new),
                    )
                )
            if pending is None:
                if not changes_decisions(old, new):
                    await uow.frameworks.save(new, now)
                    await uow.commit()
                    return FrameworkChanged(new)
                count = await uow.decisions.count_for([c.id for c in old.competencies])
                if count <= self.recompute_inline_limit:
                    await uow.frameworks.save(new, now)
                    await recompute_all(uow, new, now, old)
                    await uow.commit()
                    return FrameworkChanged(new)
            revision = PolicyRevision(self.ids.new_id(), new, now)
            await uow.revisions.begin(revision)
            await uow.commit()
        arguments = {"framework_id": framework_id, "revision_id": revision.id}
        job = await self.jobs.enqueue(tenant, RECOMPUTE_JOB, Scope.FRAMEWORKS_WRITE, arguments)
        return FrameworkChanged(new, job)

    async def recompute(
        self, principal: Principal, framework_id: str, here: Progress | None = None
    ) -> Job | JobReport:
        """Recompute every decision of a framework under its policy as it stands, so that the
        stored decisions pick up a change of the engine (a method's rounding): the recompute
        job of a policy change, on the same framework. Queued, its job; with `here` (a job
        queue in this process, which a command's process would not outlive), run at once
        with that progress, its report. A policy change pending is built on, as a new change
        builds on it."""
        tenant = principal.tenant_id
        now = self.clock.now()
        async with self.uow(tenant) as uow:
            framework = await require_framework(uow, framework_id)
            base = base_of_change(framework, await uow.revisions.pending(framework_id))
            revision = PolicyRevision(self.ids.new_id(), base, now)
            await uow.revisions.begin(revision)
            await uow.commit()
        arguments = {"framework_id": framework_id, "revision_id": revision.id}
        if here is not None:
            return await self.run_recompute_job(tenant, arguments, here)
        return await self.jobs.enqueue(tenant, RECOMPUTE_JOB, Scope.FRAMEWORKS_WRITE, arguments)

    async def run_recompute_job(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        """A recompute job's work: a step of students staged per transaction, then the switch.
        A job begun again after an interruption resumes after the last step committed; one
        whose revision was superseded by a later change, or switched already, ends."""
        steps = 0
        while True:
            now = self.clock.now()
            async with self.uow(tenant) as uow:
                revision = await uow.revisions.pending(arguments["framework_id"])
                if revision is None or revision.id != arguments["revision_id"]:
                    return JobReport(result={"switched": revision is None})
                advanced = await stage_step(uow, revision, now, self.recompute_step_students)
                if advanced is None:
                    changed = await switch(uow, revision, now)
                    await uow.commit()
                    return JobReport(result={"switched": True, "decisions_changed": changed})
                await uow.commit()
            steps += 1
            await progress.advance(steps, None, students_through=advanced.students_through)

    async def frameworks_by_id(
        self, principal: Principal, framework_ids: Collection[str]
    ) -> dict[str, Framework]:
        """The frameworks with these ids (unknown ids are left out)."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await uow.frameworks.get_many(framework_ids)
