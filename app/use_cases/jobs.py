"""Reading a job's progress and outcome."""

from __future__ import annotations

from app.domain.access import Principal
from app.domain.errors import NotFound
from app.domain.jobs import Job
from app.ports.services import Services


async def get_job(services: Services, principal: Principal, job_id: str) -> Job:
    """A job of the caller's tenant that the caller's scopes may see (else not found)."""
    async with services.uow(principal.tenant_id) as uow:
        job = await uow.jobs.get(job_id)
    if job is None or not principal.allows(job.scope):
        raise NotFound(f"No job {job_id!r}")
    return job
