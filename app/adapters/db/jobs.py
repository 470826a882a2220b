"""SQL repository of jobs."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import tables as t
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import upsert
from app.domain.access import Scope, TenantId
from app.domain.jobs import Job, JobStatus

_jobs = table_of(t.JobRow)


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
    }


class SqlJobRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def add(self, job: Job) -> None:
        await self._session.execute(sa.insert(_jobs).values(_values(job)))

    async def save(self, job: Job) -> None:
        await upsert(self._session, _jobs, [_values(job)], key=("tenant_id", "id"))

    async def get(self, job_id: str) -> Job | None:
        stmt = sa.select(_jobs).where(_jobs.c.tenant_id == self._tenant, _jobs.c.id == job_id)
        row = (await self._session.execute(stmt)).mappings().first()
        if row is None:
            return None
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
        )
