"""Runs jobs on a procrastinate queue in PostgreSQL, in `mastery worker` processes.

The job's row (our `jobs` table) stays the source of truth: what GET /v1/jobs/{id} reads, its
attempts, its outcome. The queue only carries "run job X of tenant T", deferred after the row
is written, with X as both procrastinate locks: `queueing_lock` (one waiting entry per job)
and `lock` (never two entries of one job running at once, so a job queued again while it runs
waits, then finds its row finished). Nothing is lost between the two writes or to a killed
worker, because every worker, at start-up and every `recover_seconds`, `recover`s:
- an entry of a worker silent for `stalled_seconds` (killed) is put back in the queue
  (procrastinate's heartbeats); the row's attempts count it, and MAX_ATTEMPTS gives it up;
- an unfinished row with no entry waiting or running (its process died between writing the
  row and deferring, or a database error stopped the entry) is deferred again.
docs/decisions/0022-job-queue.md."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import procrastinate
import psycopg_pool
import sqlalchemy as sa

from app.adapters.jobs.lifecycle import JobLifecycle
from app.adapters.jobs.progress import JobProgress
from app.domain.access import Scope, TenantId
from app.domain.jobs import Job
from app.ports.jobs import JobArguments, JobKinds

log = logging.getLogger("mastery.jobs")
TASK = "mastery.run_job"


def queue_conninfo(database_url: str) -> str:
    """libpq's form of the service's SQLAlchemy URL (`postgresql+asyncpg://…`)."""
    url = sa.engine.make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class QueuedJobRunner:
    def __init__(
        self,
        lifecycle: JobLifecycle,
        unfinished: Callable[[], Awaitable[list[Job]]],
        conninfo: str,
        *,
        stalled_seconds: float = 30.0,
    ) -> None:
        self.lifecycle = lifecycle
        self._unfinished = unfinished
        self._stalled_seconds = stalled_seconds
        self._conninfo = conninfo
        self._pool: psycopg_pool.AsyncConnectionPool | None = None
        connector = procrastinate.PsycopgConnector()
        self.app = procrastinate.App(connector=connector)
        self._task = self.app.task(name=TASK, pass_context=False)(self._run)
        self._opening = asyncio.Lock()
        self._running: set[str] = set()  # ids of the jobs this process is running

    def attach(self, kinds: JobKinds) -> None:
        self.lifecycle.attach(kinds)

    async def enqueue(
        self, tenant: TenantId, kind: str, scope: Scope, arguments: JobArguments
    ) -> Job:
        job = await self.lifecycle.record(tenant, kind, scope, arguments)
        try:
            await self.defer(job)
        except Exception:  # the row is written: a worker's recovery queues it
            log.warning("job not queued; a worker will queue it", extra={"job_id": job.id})
        return job

    async def _open(self) -> None:
        async with self._opening:
            if self._pool is not None:
                return
            # A small pool: a server only defers; a worker's jobs use the service's engine. It
            # fills in the background, and a connection is waited for 5 s at most, as the
            # service's own (0018): a request that queues a job never hangs on the queue.
            self._pool = psycopg_pool.AsyncConnectionPool(
                self._conninfo,
                min_size=1,
                max_size=4,
                timeout=5,
                open=False,
                check=psycopg_pool.AsyncConnectionPool.check_connection,
            )
            await self._pool.open(wait=False)
            await self.app.open_async(pool=self._pool)

    async def defer(self, job: Job) -> None:
        """Queue "run job X" (again): one waiting entry per job at most."""
        await self._open()
        deferrer = self._task.configure(lock=job.id, queueing_lock=job.id)
        with contextlib.suppress(procrastinate.exceptions.AlreadyEnqueued):
            await deferrer.defer_async(tenant=int(job.tenant_id), job_id=job.id)

    async def _run(self, tenant: int, job_id: str) -> None:
        """The queue's task: run job `job_id` from its row (it may have ended already: an
        entry deferred twice, or put back after its worker was taken for dead)."""
        if job_id in self._running:  # its entry was put back while it runs here: not dead
            return
        self._running.add(job_id)
        lifecycle = self.lifecycle
        try:
            job = await lifecycle.load(TenantId(tenant), job_id)
            if job is None:
                log.warning("a queued job has no row", extra={"job_id": job_id})
                return
            await lifecycle.take_over(job, lambda begun: JobProgress(lifecycle.save, begun))
        finally:
            self._running.discard(job_id)

    async def recover(self) -> int:
        """Put back in the queue the entries of dead workers, and queue again unfinished rows
        that have no entry. How many jobs were queued again."""
        await self._open()
        manager = self.app.job_manager
        # A worker's own entries look stalled when its heartbeat lagged (a busy or paused
        # process): those of jobs running here are alive, whatever the heartbeat says.
        stalled = [
            entry
            for entry in await manager.get_stalled_jobs(
                task_name=TASK, seconds_since_heartbeat=self._stalled_seconds
            )
            if entry.queueing_lock not in self._running
        ]
        for entry in stalled:
            try:
                await manager.retry_job(entry)
            except procrastinate.exceptions.ConnectorException:
                # The job was queued again meanwhile (its waiting entry holds the queueing
                # lock): end this one, whose `lock` would otherwise hold the new one back.
                await manager.finish_job(
                    entry, status=procrastinate.jobs.Status.FAILED, delete_job=True
                )
        live = {
            entry.queueing_lock
            for status in ("todo", "doing")
            for entry in await manager.list_jobs_async(task=TASK, status=status)
        }
        orphans = [job for job in await self._unfinished() if job.id not in live]
        for job in orphans:
            await self.defer(job)
        if stalled or orphans:
            log.info(
                "jobs queued again",
                extra={"stalled": len(stalled), "unqueued": len(orphans)},
            )
        return len(stalled) + len(orphans)

    async def resume(self) -> int:
        """At a server's start-up: what a worker does every few seconds (a server runs no
        job; nothing else is needed)."""
        return await self.recover()

    async def work(self, *, concurrency: int, recover_seconds: float, signals: bool = True) -> None:
        """Run jobs until SIGTERM or SIGINT: procrastinate's worker stops taking jobs and
        waits for those running (a second signal does not wait). Meanwhile, `recover` every
        `recover_seconds`. (Without `signals`, it stops when cancelled: the tests.)"""
        await self._open()
        recovering = asyncio.create_task(self._recover_every(recover_seconds))
        options: dict[str, Any] = {
            "concurrency": concurrency,
            "install_signal_handlers": signals,
            "update_heartbeat_interval": self._stalled_seconds / 3,
            "stalled_worker_timeout": self._stalled_seconds,
            # The row keeps the outcome; the queue keeps nothing once an entry has ended.
            "delete_jobs": "always",
        }
        try:
            await self.app.run_worker_async(**options)
        finally:
            recovering.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await recovering

    async def _recover_every(self, seconds: float) -> None:
        while True:
            try:
                await self.recover()
            except Exception:  # the database may be restarting: try again next time
                log.warning("recovering jobs failed", exc_info=True)
            await asyncio.sleep(seconds)

    async def wait(self) -> None:
        """Nothing runs in this process but in workers: nothing to wait for."""

    async def close(self, grace_seconds: float | None = None) -> None:
        """The queue's connections (a job runs in a worker, which stops on its own signal)."""
        del grace_seconds
        if self._pool is not None:
            await self.app.close_async()
            await self._pool.close()
            self._pool = None
