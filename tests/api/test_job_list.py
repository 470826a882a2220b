"""GET /v1/jobs (issue #12, finding 6: a lost `Location` header lost the job): a tenant's jobs,
newest first, in cursor pages, narrowed by kind and status, each seen only by a reader of the
scope that started it, and never another tenant's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.bootstrap import Container
from app.domain.access import Scope, Tenant
from app.domain.jobs import Job, JobStatus
from tests.conftest import Api, new_tenant, token_for

START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


async def _stored(container: Container, tenant: Tenant, *jobs: Job) -> None:
    async with container.adapters.uow(tenant.id) as uow:
        for job in jobs:
            await uow.jobs.add(job)
        await uow.commit()


def _job(tenant: Tenant, n: int, kind: str, status: JobStatus, scope: Scope) -> Job:
    at = START + timedelta(minutes=n)
    return Job(f"job-{n:02d}", tenant.id, kind, scope, status, created_at=at)


async def _ids(api: Api, query: str, token: str | None = None) -> list[str]:
    """Every job id the list gives, page after page (two a page)."""
    headers = {"Authorization": f"Bearer {token}"} if token else None
    ids: list[str] = []
    cursor = ""
    while True:
        page: dict[str, Any] = (
            await api.http.get(
                f"/v1/jobs?limit=2{query}{cursor}",
                headers=headers or {"Authorization": f"Bearer {api.token}"},
            )
        ).json()
        ids += [job["id"] for job in page["items"]]
        if page["next_cursor"] is None:
            return ids
        cursor = f"&cursor={page['next_cursor']}"


async def test_jobs_are_listed_newest_first_in_pages_and_narrowed(
    api: Api, container: Container
) -> None:
    t = api.tenant
    await _stored(
        container,
        t,
        _job(t, 1, "roster_import", JobStatus.SUCCEEDED, Scope.ROSTER_WRITE),
        _job(t, 2, "roster_sync", JobStatus.FAILED, Scope.ROSTER_WRITE),
        _job(t, 3, "recompute", JobStatus.RUNNING, Scope.FRAMEWORKS_WRITE),
        _job(t, 4, "roster_sync", JobStatus.SUCCEEDED, Scope.ROSTER_WRITE),
        _job(t, 5, "roster_import", JobStatus.FAILED, Scope.ROSTER_WRITE),
    )
    assert await _ids(api, "") == ["job-05", "job-04", "job-03", "job-02", "job-01"]
    assert await _ids(api, "&kind=roster_sync") == ["job-04", "job-02"]
    assert await _ids(api, "&status=failed") == ["job-05", "job-02"]
    assert await _ids(api, "&status=failed&status=running") == ["job-05", "job-03", "job-02"]
    assert await _ids(api, "&kind=roster_import&status=succeeded") == ["job-01"]
    # A reader of the roster only sees the jobs started under the roster's scope.
    roster_only = token_for(container, t, frozenset({Scope.ROSTER_WRITE}))
    assert await _ids(api, "", roster_only) == ["job-05", "job-04", "job-02", "job-01"]

    listed = (await api.get("/v1/jobs?limit=1")).json()
    one = (await api.get("/v1/jobs/job-05")).json()
    assert listed["items"] == [one]


async def test_another_tenants_jobs_never_appear(api: Api, container: Container) -> None:
    other = await new_tenant(container, "other")
    await _stored(
        container, other, _job(other, 1, "roster_sync", JobStatus.FAILED, Scope.ROSTER_WRITE)
    )
    await _stored(
        container, api.tenant, _job(api.tenant, 2, "roster_sync", JobStatus.FAILED, Scope.ADMIN)
    )
    assert await _ids(api, "") == ["job-02"]
    assert (await api.get("/v1/jobs/job-01")).status_code == 404


async def test_a_bad_filter_or_cursor_is_a_422_naming_it(api: Api) -> None:
    status = await api.get("/v1/jobs?status=lost")
    assert status.status_code == 422
    assert [e["loc"] for e in status.json()["errors"]] == [["query", "status", 0]]
    cursor = await api.get("/v1/jobs?cursor=bm90LW91cnM")
    assert cursor.status_code == 422
    assert cursor.json()["errors"] == [{"loc": ["query", "cursor"], "msg": "not a cursor"}]
    # A cursor of ours whose key is no job's place: refused the same way, never a 500.
    ours_but_not_a_key = "azE6bm90LWEta2V5"  # base64url of "k1:not-a-key"
    wrong = await api.get(f"/v1/jobs?cursor={ours_but_not_a_key}")
    assert wrong.json()["errors"] == [{"loc": ["query", "cursor"], "msg": "not a cursor"}]
