"""The job repository's contract, on the fakes, SQLite and PostgreSQL: a job's row keeps its
kind's arguments and attempts, and only one runner claims a job taken over twice at once."""

from __future__ import annotations

from dataclasses import replace

from app.domain.access import Scope, TenantId
from app.domain.jobs import Job, JobQuery, JobStatus, parse_page_key
from tests.contracts.conftest import Backend
from tests.contracts.records import day

QUEUED = Job(
    id="j-1",
    tenant_id=TenantId(0),
    kind="roster_import",
    scope=Scope.ROSTER_WRITE,
    status=JobStatus.QUEUED,
    created_at=day(0),
    arguments={"path": "/state/uploads/a.zip", "skip_invalid": False, "upload": True},
)


async def test_a_job_comes_back_with_its_arguments(backend: Backend, tenant: TenantId) -> None:
    job = replace(QUEUED, tenant_id=tenant)
    async with backend.uow(tenant) as uow:
        await uow.jobs.add(job)
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert await uow.jobs.get(job.id) == job


async def test_only_one_runner_claims_a_job(backend: Backend, tenant: TenantId) -> None:
    job = replace(QUEUED, tenant_id=tenant, status=JobStatus.RUNNING, attempts=1)
    async with backend.uow(tenant) as uow:
        await uow.jobs.add(job)
        await uow.commit()
    again = job.begun(day(1))
    async with backend.uow(tenant) as uow:
        assert await uow.jobs.claim(again)
        # A second runner that read the same row: its claim finds attempt 2 already.
        assert not await uow.jobs.claim(again)
        await uow.commit()
    async with backend.uow(tenant) as uow:
        stored = await uow.jobs.get(job.id)
        assert stored == again
        await uow.jobs.save(replace(again, status=JobStatus.SUCCEEDED))
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert not await uow.jobs.claim(again.begun(day(2)))  # finished: nothing to claim


async def test_jobs_page_newest_first_with_ties_broken_by_id(
    backend: Backend, tenant: TenantId
) -> None:
    # Two jobs queued at the same instant: the page between them must neither repeat nor drop.
    jobs = [
        replace(QUEUED, tenant_id=tenant, id="j-a", created_at=day(1)),
        replace(QUEUED, tenant_id=tenant, id="j-b", created_at=day(2)),
        replace(QUEUED, tenant_id=tenant, id="j-c", created_at=day(2)),
        replace(QUEUED, tenant_id=tenant, id="j-d", created_at=day(3), scope=Scope.ADMIN),
    ]
    async with backend.uow(tenant) as uow:
        for job in jobs:
            await uow.jobs.add(job)
        await uow.commit()
    roster = frozenset({Scope.ROSTER_WRITE})
    seen: list[str] = []
    after = None
    async with backend.uow(tenant) as uow:
        while True:
            page = await uow.jobs.page(JobQuery(1, roster, after))
            seen += [j.id for j in page.items]
            if page.last_key is None:
                break
            after = parse_page_key(page.last_key)
        everything = await uow.jobs.page(JobQuery(10, frozenset(Scope)))
    assert seen == ["j-c", "j-b", "j-a"]
    assert [j.id for j in everything.items] == ["j-d", "j-c", "j-b", "j-a"]
    assert everything.last_key is None
