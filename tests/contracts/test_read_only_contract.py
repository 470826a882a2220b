"""Units of work opened with `writes=False`, on the fakes, SQLite and PostgreSQL: they read what
is committed, and a write in one fails with `WriteInReadOnlyUnit` and leaves nothing behind (a
use case's block labelled as reading that writes is a bug the tests must catch). A unit that
writes, opened after reading ones (on connections they used), still writes."""

from __future__ import annotations

import uuid

import pytest

from app.domain.access import Scope, TenantId
from app.domain.jobs import Job, JobStatus
from app.domain.roster import RosterKind
from app.ports.unit_of_work import WriteInReadOnlyUnit
from tests.contracts.conftest import Backend
from tests.contracts.records import day


def _job(id_: str, tenant: TenantId) -> Job:
    return Job(
        id=id_,
        tenant_id=tenant,
        kind="recompute_decisions",
        scope=Scope.FRAMEWORKS_WRITE,
        status=JobStatus.QUEUED,
        created_at=day(1),
    )


async def _add_job_reading(backend: Backend, tenant: TenantId, id_: str, *, commit: bool) -> None:
    async with backend.uow(tenant, writes=False) as uow:
        await uow.jobs.add(_job(id_, tenant))
        if commit:
            await uow.commit()


async def _add_tenant_reading(backend: Backend, slug: str) -> None:
    async with backend.directory(writes=False) as directory:
        await directory.tenants.add(slug, "Read Only", day(1))
        await directory.commit()


async def test_a_reading_unit_reads_what_is_committed(backend: Backend, tenant: TenantId) -> None:
    job = _job("job-read", tenant)
    async with backend.uow(tenant) as uow:
        await uow.jobs.add(job)
        await uow.commit()
    async with backend.uow(tenant, writes=False) as uow:
        assert await uow.jobs.get("job-read") == job
        assert await uow.roster(RosterKind.USER).get("nobody") is None


async def test_a_write_in_a_reading_unit_fails_and_writes_nothing(
    backend: Backend, tenant: TenantId
) -> None:
    with pytest.raises(WriteInReadOnlyUnit):
        await _add_job_reading(backend, tenant, "job-committed", commit=True)
    with pytest.raises(WriteInReadOnlyUnit):
        await _add_job_reading(backend, tenant, "job-left", commit=False)
    async with backend.uow(tenant) as uow:
        assert await uow.jobs.get("job-committed") is None
        assert await uow.jobs.get("job-left") is None


async def test_a_write_in_a_reading_directory_unit_fails_and_writes_nothing(
    backend: Backend,
) -> None:
    slug = f"ro-{uuid.uuid4().hex[:8]}"
    with pytest.raises(WriteInReadOnlyUnit):
        await _add_tenant_reading(backend, slug)
    async with backend.directory(writes=False) as directory:
        assert await directory.tenants.by_slug(slug) is None


async def test_writing_units_still_write_after_reading_ones(
    backend: Backend, tenant: TenantId
) -> None:
    # Reading and writing in turn, several units at a time, so that writing units take
    # connections that reading ones had (SQLite's query_only and PostgreSQL's READ ONLY must not
    # outlive the unit that asked for them).
    for round_ in range(4):
        readers = [backend.uow(tenant, writes=False) for _ in range(3)]
        for reader in readers:
            await reader.__aenter__()
        for reader in readers:
            await reader.__aexit__(None, None, None)
        async with backend.uow(tenant) as uow:
            await uow.jobs.add(_job(f"job-{round_}", tenant))
            await uow.commit()
    async with backend.uow(tenant, writes=False) as uow:
        found = [await uow.jobs.get(f"job-{r}") for r in range(4)]
    assert [j.id if j else None for j in found] == ["job-0", "job-1", "job-2", "job-3"]
