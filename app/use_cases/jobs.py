"""Reading a job's progress and outcome."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import Principal
from app.domain.errors import NotFound
from app.domain.jobs import Job
from app.ports.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True, kw_only=True)
class Jobs:
    """What the service's long-running work (imports, syncs, recomputes) shows of itself."""

    uow: UnitOfWorkFactory

    async def get_job(self, principal: Principal, job_id: str) -> Job:
        """A job of the caller's tenant that the caller's scopes may see (else not found)."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            job = await uow.jobs.get(job_id)
        if job is None or not principal.allows(job.scope):
            raise NotFound(f"No job {job_id!r}")
        return job
