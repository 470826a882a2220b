"""Importing a CASE 1.0 package: from a request body, a file, or another CASE provider.

A package whose CFDocument identifier is already a framework here updates that framework in
place (and recomputes the decisions its changes reach); any other creates one. Nothing is
written unless the whole package is acceptable: every problem is reported at once."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import ALL_SCOPES, Principal, Tenant
from app.domain.case.importing import ImportPlan, plan_import
from app.domain.case.package import LeniencyGroup, ReadPackage, combined, group_leniencies
from app.domain.crosswalk import added_exact_match_ends
from app.domain.errors import Invalid
from app.domain.frameworks import Framework
from app.domain.jobs import Job
from app.ports.case import CaseCodec, CaseSource, ProviderAuth
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWorkFactory
from app.use_cases.access import Access
from app.use_cases.crosswalking import carry_existing
from app.use_cases.frameworks import Frameworks

INVALID = "The CASE package is invalid"


@dataclass(frozen=True)
class CaseImported:
    """What an import did (the plan it carried out: the framework as stored, and the competency
    ids added, changed, reordered and retired), the leniencies it accepted grouped by kind, and
    the job recomputing decisions when that runs in the background."""

    plan: ImportPlan
    warnings: list[LeniencyGroup]
    job: Job | None = None

    @property
    def framework(self) -> Framework:
        return self.plan.framework


def operator(tenant: Tenant) -> Principal:
    """The principal of an operator's command (the CLI, the demo loader) on one tenant."""
    return Principal("mastery-cli", tenant.id, tenant.slug, ALL_SCOPES)


@dataclass(frozen=True, kw_only=True)
class CaseImports:
    """CASE packages imported into a district's frameworks."""

    uow: UnitOfWorkFactory
    clock: Clock
    codec: CaseCodec
    source: CaseSource
    access: Access
    frameworks: Frameworks

    async def import_case(self, principal: Principal, raw: object) -> CaseImported:
        """Import a package given as JSON text or an already decoded JSON value."""
        return await self._import(principal, self.codec.read(raw))

    async def import_case_from_provider(
        self, principal: Principal, url: str, auth: ProviderAuth | None
    ) -> CaseImported:
        """Fetch a package from a CASE provider (`.../ims/case/v1p0/CFPackages/{id}`), import it."""
        body = await self.source.fetch(url, auth)
        return await self._import(principal, self.codec.read(body))

    async def import_case_file(self, tenant_slug: str, raw: bytes) -> CaseImported:
        """Import a package file into a tenant, as its operator (`mastery import case`)."""
        tenant = await self.access.tenant_by_slug(tenant_slug)
        return await self.import_case(operator(tenant), raw)

    async def _import(self, principal: Principal, read: ReadPackage) -> CaseImported:
        package = read.package
        if package is None:
            raise Invalid(INVALID, read.problems)
        async with self.uow(principal.tenant_id, writes=False) as uow:
            existing_id = await uow.case.framework_for_document(package.document.identifier)
            owners = await uow.case.competency_owners([i.identifier for i in package.items])
        elsewhere = {key: fid for key, (fid, _) in owners.items() if fid != existing_id}
        plans: list[ImportPlan] = []
        before: list[Framework | None] = []

        def plan(existing: Framework | None) -> Framework:
            before.append(existing)
            try:
                planned = plan_import(package, existing, elsewhere=elsewhere)
            except Invalid as error:
                raise Invalid(error.detail, combined(read.problems, error.problems)) from None
            if read.problems:
                raise Invalid(INVALID, read.problems)
            plans.append(planned)
            return planned.framework

        job = None
        if existing_id is None:
            framework = plan(None)
            async with self.uow(principal.tenant_id) as uow:
                await uow.frameworks.add(framework, self.clock.now())
                await uow.commit()
        else:
            # The plan is made again inside the change's transaction, against what is stored then.
            job = (await self.frameworks.change(principal, existing_id, plan)).job
        done = plans[-1]
        await self._carry_across(principal, before[-1], done)
        return CaseImported(done, group_leniencies([*read.leniencies, *done.leniencies]), job)

    async def _carry_across(
        self, principal: Principal, before: Framework | None, done: ImportPlan
    ) -> None:
        """Carry the stored results across the exact matches the import made (new exactMatchOf
        associations, new competencies an association already named), in a transaction of
        its own: an import that committed stands, and importing again carries what is left."""
        ends = added_exact_match_ends(before, done.framework)
        if not ends and not done.added:
            return
        async with self.uow(principal.tenant_id) as uow:
            owners = await uow.case.competency_owners(ends) if ends else {}
            reached = {competency_id for _, competency_id in owners.values()} | set(done.added)
            carried = await carry_existing(
                uow, reached, self.clock.now(), self.frameworks.ids.new_id
            )
            if carried:  # else nothing was written: no commit (nor change of the database)
                await uow.commit()
