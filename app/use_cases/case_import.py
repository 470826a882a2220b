"""Importing a CASE 1.0 package: from a request body, a file, or another CASE provider.

A package whose CFDocument identifier is already a framework here updates that framework in
place (and recomputes the decisions its changes reach); any other creates one. Nothing is
written unless the whole package is acceptable: every problem is reported at once."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import ALL_SCOPES, Principal, Tenant
from app.domain.case.importing import ImportPlan, plan_import
from app.domain.case.package import LeniencyGroup, ReadPackage, combined, group_leniencies
from app.domain.errors import Invalid
from app.domain.frameworks import Framework
from app.domain.jobs import Job
from app.ports.case import ProviderAuth
from app.ports.services import Services
from app.use_cases.access import tenant_by_slug
from app.use_cases.frameworks import _change

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


async def import_case(services: Services, principal: Principal, raw: object) -> CaseImported:
    """Import a package given as JSON text or an already decoded JSON value."""
    return await _import(services, principal, services.case.read(raw))


async def import_case_from_provider(
    services: Services, principal: Principal, url: str, auth: ProviderAuth | None
) -> CaseImported:
    """Fetch a package from a CASE provider (`.../ims/case/v1p0/CFPackages/{id}`), import it."""
    body = await services.case_source.fetch(url, auth)
    return await _import(services, principal, services.case.read(body))


async def import_case_file(services: Services, tenant_slug: str, raw: bytes) -> CaseImported:
    """Import a package file into a tenant, as its operator (`mastery import case`)."""
    tenant = await tenant_by_slug(services, tenant_slug)
    return await import_case(services, operator(tenant), raw)


async def _import(services: Services, principal: Principal, read: ReadPackage) -> CaseImported:
    package = read.package
    if package is None:
        raise Invalid(INVALID, read.problems)
    async with services.uow(principal.tenant_id) as uow:
        existing_id = await uow.case.framework_for_document(package.document.identifier)
        owners = await uow.case.competency_owners([i.identifier for i in package.items])
    elsewhere = {key: fid for key, (fid, _) in owners.items() if fid != existing_id}
    plans: list[ImportPlan] = []

    def plan(existing: Framework | None) -> Framework:
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
        async with services.uow(principal.tenant_id) as uow:
            await uow.frameworks.add(framework, services.clock.now())
            await uow.commit()
    else:
        # The plan is made again inside the change's transaction, against what is stored then.
        job = (await _change(services, principal, existing_id, plan)).job
    done = plans[-1]
    return CaseImported(done, group_leniencies([*read.leniencies, *done.leniencies]), job)
