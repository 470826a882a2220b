"""The job queue on PostgreSQL (app.adapters.jobs.queue, MASTERY_JOB_QUEUE=procrastinate): a
worker runs a queued job from its row; a row whose process died before queueing it, and a job
whose worker was taken for dead, are queued again and run to completion; attempts are counted
on the row and a job begun MAX_ATTEMPTS times is given up. Skipped without PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from functools import partial
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from app.adapters.db import migrate
from app.adapters.db.engine import session_factory
from app.adapters.db.jobs import unfinished_jobs
from app.adapters.jobs.queue import TASK, QueuedJobRunner, queue_conninfo
from app.bootstrap import Container, build
from app.domain.access import Scope, TenantId
from app.domain.jobs import MAX_ATTEMPTS, Job, JobStatus
from app.ports.jobs import JobArguments, JobKind, JobReport, Progress
from app.use_cases.job_kinds import job_kinds
from tests.conftest import (
    _postgres_admin_url,
    as_admin,
    create_postgres_database,
    drop_postgres_database,
    test_settings,
)

pytestmark = pytest.mark.postgres


@pytest.fixture
async def queue_database() -> AsyncIterator[tuple[str, str]]:
    """A migrated PostgreSQL database of this test alone, and its administrator's URL."""
    admin = _postgres_admin_url()
    assert admin is not None
    url = await create_postgres_database(admin)
    try:
        await migrate.upgrade(url)
        yield url, admin
    finally:
        await drop_postgres_database(admin, url)


class Counting:
    """A job kind that records each run (and what its `ended` hook released)."""

    def __init__(self) -> None:
        self.runs: list[JobArguments] = []
        self.ended: list[JobArguments] = []

    async def run(self, tenant: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        self.runs.append(arguments)
        return JobReport(result={"counted": arguments["up_to"]})

    async def end(self, arguments: JobArguments) -> None:
        self.ended.append(arguments)


@pytest.fixture
async def queue(
    queue_database: tuple[str, str], tmp_path: Path
) -> AsyncIterator[tuple[Container, QueuedJobRunner, Counting]]:
    url, _ = queue_database
    container = build(
        test_settings(url, job_queue="procrastinate", state_dir=tmp_path, worker_stalled_seconds=1)
    )
    runner = container.jobs
    assert isinstance(runner, QueuedJobRunner)
    counting = Counting()
    runner.attach(
        {**job_kinds(container.use_cases), "count": JobKind(counting.run, ended=counting.end)}
    )
    try:
        yield container, runner, counting
    finally:
        await container.close()


async def _tenant(container: Container) -> TenantId:
    return (await container.use_cases.access.create_tenant(slug="queue")).id


async def _row(container: Container, tenant: TenantId, job_id: str) -> Job:
    async with container.adapters.uow(tenant) as uow:
        job = await uow.jobs.get(job_id)
    assert job is not None
    return job


async def _until(check: Callable[[], Awaitable[Job | None]], seconds: float, what: str) -> Job:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (found := await check()) is not None:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"{what} did not happen within {seconds} s")


async def _finished(container: Container, tenant: TenantId, job_id: str) -> Job:
    async def ended() -> Job | None:
        job = await _row(container, tenant, job_id)
        return job if job.finished else None

    return await _until(ended, 20, f"job {job_id} to end")


async def _working(runner: QueuedJobRunner) -> asyncio.Task[None]:
    return asyncio.create_task(runner.work(concurrency=1, recover_seconds=0.2, signals=False))


async def _stop(worker: asyncio.Task[None]) -> None:
    worker.cancel()
    with pytest.raises(asyncio.CancelledError):
        await worker


async def test_a_queued_job_is_run_by_a_worker_from_its_row(
    queue: tuple[Container, QueuedJobRunner, Counting],
) -> None:
    container, runner, counting = queue
    tenant = await _tenant(container)
    job = await runner.enqueue(tenant, "count", Scope.ROSTER_WRITE, {"up_to": 7})
    assert (await _row(container, tenant, job.id)).status == JobStatus.QUEUED  # no worker yet
    worker = await _working(runner)
    try:
        done = await _finished(container, tenant, job.id)
    finally:
        await _stop(worker)
    assert (done.status, done.result, done.attempts) == (JobStatus.SUCCEEDED, {"counted": 7}, 1)
    assert counting.runs == [{"up_to": 7}]
    assert counting.ended == [{"up_to": 7}]


async def test_a_row_never_queued_is_queued_once_by_recovery_and_run(
    queue: tuple[Container, QueuedJobRunner, Counting],
) -> None:
    container, runner, counting = queue
    tenant = await _tenant(container)
    # The process died between writing the row and queueing it.
    lost = await runner.lifecycle.record(tenant, "count", Scope.ROSTER_WRITE, {"up_to": 3})
    assert await runner.recover() == 1
    assert await runner.recover() == 0  # its entry waits: not queued twice
    entries = await runner.app.job_manager.list_jobs_async(task=TASK, queueing_lock=lost.id)
    assert [e.status for e in entries] == ["todo"]
    worker = await _working(runner)
    try:
        done = await _finished(container, tenant, lost.id)
    finally:
        await _stop(worker)
    assert (done.status, done.attempts) == (JobStatus.SUCCEEDED, 1)
    assert counting.runs == [{"up_to": 3}]


async def _admin(url: str, sql: str) -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(sa.text(sql))
    finally:
        await engine.dispose()


async def test_a_dead_workers_job_is_run_again_by_another_with_its_attempt_counted(
    queue: tuple[Container, QueuedJobRunner, Counting], queue_database: tuple[str, str]
) -> None:
    container, runner, counting = queue
    url, admin = queue_database
    tenant = await _tenant(container)
    job = await runner.enqueue(tenant, "count", Scope.ROSTER_WRITE, {"up_to": 5})
    # A worker takes the entry and begins the row, then dies: its heartbeat stops.
    manager = runner.app.job_manager
    dead = await manager.register_worker()
    entry = await manager.fetch_job(queues=None, worker_id=dead)
    assert entry is not None
    assert entry.queueing_lock == job.id
    await runner.lifecycle.save(job.begun(job.created_at))
    await _admin(
        as_admin(admin, url),
        "UPDATE procrastinate_workers SET last_heartbeat = now() - interval '1 hour'",
    )
    worker = await _working(runner)  # recovers at once, then every 0.2 s
    try:
        done = await _finished(container, tenant, job.id)
    finally:
        await _stop(worker)
    assert (done.status, done.result, done.attempts) == (JobStatus.SUCCEEDED, {"counted": 5}, 2)
    assert counting.runs == [{"up_to": 5}]


async def test_a_job_begun_max_attempts_times_is_given_up_and_released(
    queue: tuple[Container, QueuedJobRunner, Counting],
) -> None:
    container, runner, counting = queue
    tenant = await _tenant(container)
    job = await runner.enqueue(tenant, "count", Scope.ROSTER_WRITE, {"up_to": 9})
    for _ in range(MAX_ATTEMPTS):  # begun and interrupted every time
        job = job.begun(job.created_at)
    await runner.lifecycle.save(job)
    worker = await _working(runner)
    try:
        done = await _finished(container, tenant, job.id)
    finally:
        await _stop(worker)
    assert done.status == JobStatus.FAILED
    assert done.errors == [
        {"loc": [], "msg": f"the job was interrupted {MAX_ATTEMPTS} times; given up"}
    ]
    assert counting.runs == []
    assert counting.ended == [{"up_to": 9}]


async def test_a_job_whose_queue_is_out_of_reach_is_recorded_for_recovery(
    queue: tuple[Container, QueuedJobRunner, Counting],
) -> None:
    container, runner, _ = queue
    tenant = await _tenant(container)
    # Nothing listens on port 1: deferring fails; the row is written all the same (202).
    cut_off = QueuedJobRunner(
        runner.lifecycle,
        partial(unfinished_jobs, session_factory(container.engine)),
        "postgresql://postgres@127.0.0.1:1/postgres?connect_timeout=1",
    )
    try:
        job = await cut_off.enqueue(tenant, "count", Scope.ROSTER_WRITE, {"up_to": 1})
    finally:
        await cut_off.close()
    assert (await _row(container, tenant, job.id)).status == JobStatus.QUEUED
    assert await runner.recover() == 1  # a worker's recovery queues it


async def test_a_job_queued_again_while_it_runs_is_not_run_twice(
    queue: tuple[Container, QueuedJobRunner, Counting],
) -> None:
    container, runner, _ = queue
    tenant = await _tenant(container)
    started, release = asyncio.Event(), asyncio.Event()
    runs: list[str] = []

    async def held(tenant: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        runs.append("run")
        started.set()
        await release.wait()
        return JobReport()

    runner.attach({**job_kinds(container.use_cases), "held": JobKind(held)})
    job = await runner.enqueue(tenant, "held", Scope.ROSTER_WRITE, {})
    worker = asyncio.create_task(runner.work(concurrency=2, recover_seconds=60, signals=False))
    try:
        await asyncio.wait_for(started.wait(), 20)
        await runner.defer(job)  # queued again while its first entry runs
        entries = await runner.app.job_manager.list_jobs_async(task=TASK, queueing_lock=job.id)
        assert sorted(e.status for e in entries) == ["doing", "todo"]
        await asyncio.sleep(1)  # a free slot: the second entry would start now, but waits
        assert runs == ["run"]
        release.set()
        done = await _finished(container, tenant, job.id)

        async def drained() -> Job | None:
            left = await runner.app.job_manager.list_jobs_async(task=TASK, queueing_lock=job.id)
            return done if not list(left) else None

        await _until(drained, 20, "the second entry to run")
    finally:
        release.set()  # a failed assertion must not leave the worker waiting on its jobs
        await _stop(worker)
    assert (done.status, done.attempts) == (JobStatus.SUCCEEDED, 1)
    assert runs == ["run"]  # the second entry found the row finished


async def test_a_worker_never_takes_its_own_running_job_for_dead(
    queue: tuple[Container, QueuedJobRunner, Counting], queue_database: tuple[str, str]
) -> None:
    container, fixture_runner, _ = queue
    url, admin = queue_database
    tenant = await _tenant(container)
    # Beats every 10 s: the heartbeat made stale below stays stale while the test looks.
    runner = QueuedJobRunner(
        fixture_runner.lifecycle,
        partial(unfinished_jobs, session_factory(container.engine)),
        queue_conninfo(url),
        stalled_seconds=30,
    )
    started, release = asyncio.Event(), asyncio.Event()
    runs: list[str] = []

    async def held(tenant: TenantId, arguments: JobArguments, progress: Progress) -> JobReport:
        runs.append("run")
        started.set()
        await release.wait()
        return JobReport()

    runner.attach({**job_kinds(container.use_cases), "held": JobKind(held)})
    job = await runner.enqueue(tenant, "held", Scope.ROSTER_WRITE, {})
    worker = asyncio.create_task(runner.work(concurrency=2, recover_seconds=60, signals=False))
    try:
        await asyncio.wait_for(started.wait(), 20)
        # Its heartbeat lagged (a busy or paused process): it looks dead, yet runs the job.
        await _admin(
            as_admin(admin, url),
            "UPDATE procrastinate_workers SET last_heartbeat = now() - interval '1 hour'",
        )
        stalled = await runner.app.job_manager.get_stalled_jobs(
            task_name=TASK, seconds_since_heartbeat=30
        )
        assert [e.queueing_lock for e in stalled] == [job.id]
        assert await runner.recover() == 0
        entries = await runner.app.job_manager.list_jobs_async(task=TASK, queueing_lock=job.id)
        assert [e.status for e in entries] == ["doing"]
        release.set()
        done = await _finished(container, tenant, job.id)
    finally:
        release.set()
        await _stop(worker)
        await runner.close()
    assert (done.status, done.attempts) == (JobStatus.SUCCEEDED, 1)
    assert runs == ["run"]
