"""Reading a job's progress and outcome."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import Principal, Scope
from app.domain.errors import Invalid, NotFound, Problem
from app.domain.jobs import Job, JobQuery, JobStatus, parse_page_key
from app.ports.paging import Page
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

    async def list_jobs(
        self,
        principal: Principal,
        *,
        limit: int,
        after: str | None = None,
        kinds: frozenset[str] = frozenset(),
        statuses: frozenset[JobStatus] = frozenset(),
    ) -> Page[Job]:
        """The caller's tenant's jobs that its scopes may see, newest first; `after` is the
        `last_key` of the page before."""
        start = None
        if after is not None and (start := parse_page_key(after)) is None:
            raise Invalid("The cursor is not valid", [Problem(("query", "cursor"), "not a cursor")])
        visible = frozenset(s for s in Scope if principal.allows(s))
        query = JobQuery(limit, visible, start, kinds, statuses)
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await uow.jobs.page(query)
