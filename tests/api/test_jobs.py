"""Background jobs: their progress and outcome are visible through GET /v1/jobs/{id}."""

from __future__ import annotations

import asyncio

from app.bootstrap import Container
from app.domain.access import Scope, TenantId
from app.domain.errors import Invalid, Problem
from app.ports.jobs import JobArguments, JobHandler, JobKind, JobReport, Progress
from app.use_cases.job_kinds import job_kinds
from tests.conftest import Api, token_for


def register(container: Container, kind: str, run: JobHandler) -> None:
    """A job kind for one test, beside the service's own."""
    container.jobs.attach({**job_kinds(container.use_cases), kind: JobKind(run)})


async def test_a_job_reports_progress_then_its_outcome(api: Api, container: Container) -> None:
    release = asyncio.Event()

    async def work(_: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        await progress.advance(3, 10, rows=3)
        await release.wait()
        return JobReport(result={"rows": 10}, errors=[{"loc": ["a.csv", 2], "msg": "skipped"}])

    register(container, "demo", work)
    job = await container.adapters.jobs.enqueue(api.tenant.id, "demo", Scope.ROSTER_WRITE, {})
    for _ in range(100):
        running = (await api.get(f"/v1/jobs/{job.id}")).json()
        if running["done"] == 3:
            break
        await asyncio.sleep(0.01)
    assert running["status"] == "running"
    assert (running["done"], running["total"], running["result"]) == (3, 10, {"rows": 3})
    release.set()
    await container.jobs.wait()
    done = (await api.get(f"/v1/jobs/{job.id}")).json()
    assert done["status"] == "succeeded"
    assert done["result"] == {"rows": 10}
    assert done["errors"] == [{"loc": ["a.csv", 2], "msg": "skipped"}]
    assert done["finished_at"] >= done["started_at"] >= done["created_at"]


async def test_a_domain_error_fails_the_job_with_every_problem(
    api: Api, container: Container
) -> None:
    async def work(_: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        raise Invalid("bad file", [Problem(("x.csv", 4), "one"), Problem(("x.csv", 9), "two")])

    register(container, "demo", work)
    job = await container.adapters.jobs.enqueue(api.tenant.id, "demo", Scope.ROSTER_WRITE, {})
    await container.jobs.wait()
    failed = (await api.get(f"/v1/jobs/{job.id}")).json()
    assert failed["status"] == "failed"
    assert failed["errors"] == [
        {"loc": ["x.csv", 4], "msg": "one"},
        {"loc": ["x.csv", 9], "msg": "two"},
    ]


async def test_a_job_is_hidden_from_a_token_without_its_scope(
    api: Api, container: Container
) -> None:
    async def work(_: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        return JobReport()

    register(container, "demo", work)
    job = await container.adapters.jobs.enqueue(api.tenant.id, "demo", Scope.ROSTER_WRITE, {})
    await container.jobs.wait()
    reader = token_for(container, api.tenant, frozenset({Scope.ROSTER_READ}))
    response = await api.http.get(
        f"/v1/jobs/{job.id}", headers={"Authorization": f"Bearer {reader}"}
    )
    assert response.status_code == 404
