"""SQL repository of jobs."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db import tables as t
from app.adapters.db.row_security import all_tenants_session
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import rows_changed, upsert
from app.domain.access import Scope, TenantId
from app.domain.jobs import Job, JobQuery, JobStatus, page_key
from app.ports.paging import Page

_jobs = table_of(t.JobRow)
_UNFINISHED = [JobStatus.QUEUED.value, JobStatus.RUNNING.value]


def _values(job: Job) -> dict[str, Any]:
    return {
        "tenant_id": job.tenant_id,
        "id": job.id,
        "kind": job.kind,
        "scope": job.scope.value,
        "status": job.status.value,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
        "done": job.done,
        "total": job.total,
        "result": job.result,
        "errors": job.errors,
        "arguments": job.arguments,
        "attempts": job.attempts,
    }


class SqlJobRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def add(self, job: Job) -> None:
        await self._session.execute(sa.insert(_jobs).values(_values(job)))

    async def save(self, job: Job) -> None:
        await upsert(self._session, _jobs, [_values(job)], key=("tenant_id", "id"))

    async def claim(self, job: Job) -> bool:
        stmt = (
            sa.update(_jobs)
            .where(
                _jobs.c.tenant_id == self._tenant,
                _jobs.c.id == job.id,
                _jobs.c.attempts == job.attempts - 1,
                _jobs.c.status.in_(_UNFINISHED),
            )
            .values(status=job.status.value, started_at=job.started_at, attempts=job.attempts)
        )
        return await rows_changed(self._session, stmt) == 1

    async def page(self, query: JobQuery) -> Page[Job]:
        stmt = sa.select(_jobs).where(
            _jobs.c.tenant_id == self._tenant,
            _jobs.c.scope.in_(sorted(s.value for s in query.scopes)),
        )
        if query.after is not None:
            at, job_id = query.after
            stmt = stmt.where(
                sa.or_(
                    _jobs.c.created_at < at,
                    sa.and_(_jobs.c.created_at == at, _jobs.c.id < job_id),
                )
            )
        if query.kinds:
            stmt = stmt.where(_jobs.c.kind.in_(sorted(query.kinds)))
        if query.statuses:
            stmt = stmt.where(_jobs.c.status.in_(sorted(s.value for s in query.statuses)))
        stmt = stmt.order_by(_jobs.c.created_at.desc(), _jobs.c.id.desc()).limit(query.limit + 1)
        rows = (await self._session.execute(stmt)).mappings().all()
        jobs = [job_from_row(r) for r in rows[: query.limit]]
        more = len(rows) > query.limit and jobs
        return Page(jobs, page_key(jobs[-1]) if more else None)

    async def get(self, job_id: str) -> Job | None:
        stmt = sa.select(_jobs).where(_jobs.c.tenant_id == self._tenant, _jobs.c.id == job_id)
        row = (await self._session.execute(stmt)).mappings().first()
        return None if row is None else job_from_row(row)


async def unfinished_jobs(sessions: async_sessionmaker[AsyncSession]) -> list[Job]:
    """Every tenant's jobs left queued or running, oldest first: what a runner starting up
    takes over from a process that stopped (or was killed) before they ended."""
    stmt = (
        sa.select(_jobs)
        .where(_jobs.c.status.in_(_UNFINISHED))
        .order_by(_jobs.c.created_at, _jobs.c.id)
    )
    async with all_tenants_session(sessions) as session, session.begin():
        return [job_from_row(r) for r in (await session.execute(stmt)).mappings()]


def job_from_row(row: sa.RowMapping) -> Job:
    return Job(
        id=row["id"],
        tenant_id=TenantId(row["tenant_id"]),
        kind=row["kind"],
        scope=Scope(row["scope"]),
        status=JobStatus(row["status"]),
        created_at=row["created_at"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        done=row["done"],
        total=row["total"],
        result=dict(row["result"]),
        errors=list(row["errors"]),
        arguments=dict(row["arguments"]),
        attempts=row["attempts"],
    )
