"""Jobs outlive their process: a job left queued or running (its process killed) is taken over
by the next runner to start, from its row alone, on both databases; one interrupted too often
fails for good, and an upload it held is deleted whatever the end."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.adapters.jobs import in_process
from app.bootstrap import Container
from app.domain.access import Scope, TenantId
from app.domain.jobs import MAX_ATTEMPTS, Job, JobStatus
from app.ports.jobs import JobArguments, JobKind, JobReport, Progress
from app.use_cases.job_kinds import job_kinds
from tests.conftest import Api

CREATED = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


async def _left_behind(container: Container, job: Job) -> None:
    """The row a killed process leaves: nothing runs it any more."""
    async with container.adapters.uow(job.tenant_id) as uow:
        await uow.jobs.add(job)
        await uow.commit()


async def test_a_job_left_running_by_a_killed_process_is_begun_again(
    api: Api, container: Container
) -> None:
    calls: list[tuple[TenantId, JobArguments]] = []

    async def count(tenant: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        calls.append((tenant, arguments))
        return JobReport(result={"counted": arguments["up_to"]})

    container.jobs.attach({**job_kinds(container.use_cases), "count": JobKind(count)})
    running = Job(
        id=f"left-{api.tenant.id}",
        tenant_id=api.tenant.id,
        kind="count",
        scope=Scope.ROSTER_WRITE,
        status=JobStatus.RUNNING,
        created_at=CREATED,
        started_at=CREATED,
        arguments={"up_to": 7},
        attempts=1,
    )
    await _left_behind(container, running)
    assert await container.jobs.resume() >= 1
    await container.jobs.wait()
    done = (await api.get(f"/v1/jobs/{running.id}")).json()
    assert (done["status"], done["result"]) == ("succeeded", {"counted": 7})
    assert calls == [(api.tenant.id, {"up_to": 7})]
    async with container.adapters.uow(api.tenant.id) as uow:
        stored = await uow.jobs.get(running.id)
    assert stored is not None
    assert stored.attempts == 2


async def test_an_import_interrupted_every_time_fails_and_its_upload_is_deleted(
    api: Api, container: Container, tmp_path: Path
) -> None:
    upload = tmp_path / "oneroster-upload.zip"
    upload.write_bytes(b"students' names")
    interrupted = Job(
        id=f"doomed-{api.tenant.id}",
        tenant_id=api.tenant.id,
        kind="roster_import",
        scope=Scope.ROSTER_WRITE,
        status=JobStatus.RUNNING,
        created_at=CREATED,
        started_at=CREATED,
        arguments={"path": str(upload), "skip_invalid": False, "upload": True},
        attempts=MAX_ATTEMPTS,
    )
    await _left_behind(container, interrupted)
    await container.jobs.resume()
    await container.jobs.wait()
    failed = (await api.get(f"/v1/jobs/{interrupted.id}")).json()
    assert failed["status"] == "failed"
    assert failed["errors"] == [
        {"loc": [], "msg": f"the job was interrupted {MAX_ATTEMPTS} times; given up"}
    ]
    assert not upload.exists()


async def test_an_uploaded_set_is_kept_in_the_state_folder_until_its_job_ends(
    api: Api, container: Container
) -> None:
    uploads = Path(container.settings.state_dir) / "uploads"
    before = set(uploads.iterdir()) if uploads.exists() else set()
    response = await api.post(
        "/v1/roster/imports", files={"file": ("set.zip", b"not a zip", "application/zip")}
    )
    assert response.status_code == 422
    # Refused at once: the upload is not kept.
    assert set(uploads.iterdir()) == before


async def test_a_job_still_running_when_the_server_stops_is_put_back_and_run_by_the_next(
    api: Api, container: Container
) -> None:
    begun = asyncio.Event()

    async def stall(tenant: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        begun.set()
        await asyncio.Event().wait()  # longer than any grace
        raise AssertionError("never reached")

    async def finish(tenant: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        return JobReport(result={"finished": arguments["n"]})

    kinds = job_kinds(container.use_cases)
    container.jobs.attach({**kinds, "work": JobKind(stall)})
    job = await container.jobs.enqueue(api.tenant.id, "work", Scope.ROSTER_WRITE, {"n": 3})
    await begun.wait()
    await container.jobs.close(grace_seconds=0.05)  # what a stopping server does
    async with container.adapters.uow(api.tenant.id) as uow:
        left = await uow.jobs.get(job.id)
    assert left is not None
    assert (left.status, left.attempts) == (JobStatus.QUEUED, 0)  # the stop is not an attempt

    container.jobs.attach({**kinds, "work": JobKind(finish)})  # the next process
    assert await container.jobs.resume() >= 1
    await container.jobs.wait()
    done = (await api.get(f"/v1/jobs/{job.id}")).json()
    assert (done["status"], done["result"]) == ("succeeded", {"finished": 3})


async def test_a_job_that_will_not_end_when_cancelled_does_not_hold_the_stop(
    api: Api, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A library that catches the cancel inside its cleanup and waits on: the stop logs the job
    # and goes on (its row is taken over by the next start), where it waited forever before.
    monkeypatch.setattr(in_process, "_CANCELLED_WAIT_SECONDS", 0.05)
    begun, release = asyncio.Event(), asyncio.Event()

    async def stubborn(tenant: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        begun.set()
        while not release.is_set():
            with contextlib.suppress(asyncio.CancelledError):
                await release.wait()
        return JobReport(result={})

    container.jobs.attach({**job_kinds(container.use_cases), "work": JobKind(stubborn)})
    await container.jobs.enqueue(api.tenant.id, "work", Scope.ROSTER_WRITE, {"n": 1})
    await begun.wait()
    try:
        await asyncio.wait_for(container.jobs.close(grace_seconds=0.05), timeout=10)
    finally:
        release.set()
        await container.jobs.wait()
