"""The directory's (tenants, clients) and the job repository's contract, on the fakes, SQLite
and PostgreSQL."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from app.domain.access import Client, Scope, TenantId
from app.domain.errors import Conflict, Problem
from app.domain.jobs import Job, JobStatus
from tests.contracts.conftest import Backend
from tests.contracts.records import day


def _slug(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:8]}"


async def test_tenants_are_found_by_slug_and_id(backend: Backend) -> None:
    north, south = _slug("north"), _slug("south")
    async with backend.directory() as directory:
        b = await directory.tenants.add(south, "South District", day(1))
        a = await directory.tenants.add(north, "North District", day(2))
        await directory.commit()
    assert (a.slug, a.name, a.created_at) == (north, "North District", day(2))
    assert a.id != b.id
    async with backend.directory() as directory:
        assert await directory.tenants.by_slug(north) == a
        assert await directory.tenants.by_id(b.id) == b
        assert await directory.tenants.by_slug(_slug("nobody")) is None
        assert await directory.tenants.by_id(TenantId(10**9)) is None
        listed = [t for t in await directory.tenants.list() if t.id in (a.id, b.id)]
    assert listed == [a, b]  # by slug


async def test_a_taken_slug_is_a_conflict(backend: Backend) -> None:
    slug = _slug("taken")
    async with backend.directory() as directory:
        await directory.tenants.add(slug, "First", day(1))
        await directory.commit()
    with pytest.raises(Conflict) as conflict:
        async with backend.directory() as directory:
            await directory.tenants.add(slug, "Second", day(2))
    assert conflict.value.problems == [Problem(("slug",), "taken")]


async def test_a_tenant_added_without_a_commit_is_gone(backend: Backend) -> None:
    slug = _slug("gone")
    async with backend.directory() as directory:
        await directory.tenants.add(slug, "Gone", day(1))
    async with backend.directory() as directory:
        assert await directory.tenants.by_slug(slug) is None


def _client(client_id: str, tenant: TenantId, created: float, **changes: object) -> Client:
    client = Client(
        client_id=client_id,
        tenant_id=tenant,
        name="LMS",
        scopes=frozenset({Scope.EVIDENCE_WRITE, Scope.GRADEBOOK_READONLY}),
        secret_hash="hash-1",
        created_at=day(created),
    )
    return replace(client, **changes)  # type: ignore[arg-type]


async def test_clients_of_a_tenant(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    ids = [f"c-{uuid.uuid4().hex[:8]}" for _ in range(3)]
    second, first, other = (
        _client(ids[0], tenant, 2),
        _client(ids[1], tenant, 1),
        _client(ids[2], other_tenant, 1),
    )
    async with backend.directory() as directory:
        for c in (second, first, other):
            await directory.clients.add(c)
        await directory.commit()
    revoked = replace(
        second, secret_hash="hash-2", revoked_at=day(3), scopes=frozenset(), token_version=7
    )
    async with backend.directory() as directory:
        assert await directory.clients.get(ids[0]) == second
        assert await directory.clients.get("nobody") is None
        assert await directory.clients.for_tenant(tenant) == [first, second]  # by creation
        await directory.clients.save(revoked)
        await directory.commit()
    async with backend.directory() as directory:
        assert await directory.clients.get(ids[0]) == revoked
        assert await directory.clients.for_tenant(other_tenant) == [other]


async def test_a_deleted_client_is_gone_only_once_committed(
    backend: Backend, tenant: TenantId
) -> None:
    kept, gone = (_client(f"c-{uuid.uuid4().hex[:8]}", tenant, n) for n in (1, 2))
    async with backend.directory() as directory:
        await directory.clients.add(kept)
        await directory.clients.add(gone)
        await directory.commit()
    async with backend.directory() as directory:
        await directory.clients.delete(gone.client_id)  # rolled back: no commit
    async with backend.directory() as directory:
        assert await directory.clients.for_tenant(tenant) == [kept, gone]
        await directory.clients.delete(gone.client_id)
        await directory.clients.delete("nobody")  # changes nothing
        await directory.commit()
    async with backend.directory() as directory:
        assert await directory.clients.get(gone.client_id) is None
        assert await directory.clients.for_tenant(tenant) == [kept]


def _job(id_: str, tenant: TenantId) -> Job:
    return Job(
        id=id_,
        tenant_id=tenant,
        kind="roster_import",
        scope=Scope.ROSTER_WRITE,
        status=JobStatus.QUEUED,
        created_at=day(1),
    )


async def test_a_job_row_follows_its_job(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    job = _job("job-1", tenant)
    async with backend.uow(tenant) as uow:
        await uow.jobs.add(job)
        await uow.commit()
    finished = replace(
        job,
        status=JobStatus.FAILED,
        started_at=day(1),
        finished_at=day(2),
        done=3,
        total=4,
        result={"files": {"users.csv": {"rows": 3}}, "written": False},
        errors=[{"loc": ["users.csv", 2, "role"], "msg": "role is required"}],
    )
    async with backend.uow(tenant) as uow:
        assert await uow.jobs.get("job-1") == job
        await uow.jobs.save(finished)
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert await uow.jobs.get("job-1") == finished
        assert await uow.jobs.get("job-2") is None
        await uow.jobs.save(_job("job-2", tenant))  # save creates a job too
    async with backend.uow(other_tenant) as uow:
        assert await uow.jobs.get("job-1") is None
    async with backend.uow(tenant) as uow:
        assert await uow.jobs.get("job-2") is None  # never committed
