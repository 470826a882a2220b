"""Runs jobs as asyncio tasks in the serving process, from their rows, so that they survive it.

A job is its row: a kind and JSON arguments (app.ports.jobs); its life (claim, attempts,
outcome, `ended` hook) is app.adapters.jobs.lifecycle's. When the process is killed, its jobs'
rows stay `queued` or `running`; the next runner to start takes them over (`resume`). One
in-process runner per database is assumed: see docs/decisions/0018-durable-jobs.md (the queue
runner, app.adapters.jobs.queue, lifts that)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from app.adapters.jobs.lifecycle import JobLifecycle
from app.adapters.jobs.progress import JobProgress
from app.adapters.waiting import waiting_in
from app.domain.access import Scope, TenantId
from app.domain.jobs import Job
from app.ports.jobs import JobArguments, JobKinds

log = logging.getLogger("mastery.jobs")

# How long a stopping process waits for the jobs it cancelled at the end of its grace.
_CANCELLED_WAIT_SECONDS = 5.0


class InProcessJobRunner:
    def __init__(
        self, lifecycle: JobLifecycle, unfinished: Callable[[], Awaitable[list[Job]]]
    ) -> None:
        self._lifecycle = lifecycle
        self._unfinished = unfinished
        self._tasks: set[asyncio.Task[bool]] = set()

    def attach(self, kinds: JobKinds) -> None:
        """The registry of job kinds (built from the use cases, which need this runner)."""
        self._lifecycle.attach(kinds)

    async def enqueue(
        self, tenant: TenantId, kind: str, scope: Scope, arguments: JobArguments
    ) -> Job:
        job = await self._lifecycle.record(tenant, kind, scope, arguments)
        self._launch(job)
        return job

    async def resume(self) -> int:
        """Take over the jobs a stopped process left unfinished: each is begun again, or given
        up once interrupted too often. How many were found."""
        found = await self._unfinished()
        for job in found:
            self._launch(job)
        if found:
            log.info("unfinished jobs taken over", extra={"jobs": len(found)})
        return len(found)

    def _launch(self, job: Job) -> None:
        lifecycle = self._lifecycle
        task = asyncio.create_task(
            lifecycle.take_over(job, lambda begun: JobProgress(lifecycle.save, begun)),
            name=f"job {job.kind} {job.id}",
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def wait(self) -> None:
        """Wait for every running job to end (tests, and a graceful shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self, grace_seconds: float | None = None) -> None:
        """Wait for the running jobs, or for `grace_seconds` at most: the jobs still running
        are then cancelled, and each is put back in the queue for the next process."""
        if grace_seconds is None or not self._tasks:
            await self.wait()
            return
        _, running = await asyncio.wait(list(self._tasks), timeout=grace_seconds)
        if not running:
            return
        for task in running:
            task.cancel()
        log.warning("jobs put back in the queue at shutdown", extra={"jobs": len(running)})
        # A cancelled job ends at its next await; one that does not (a library that caught the
        # cancel) must not hold the process: its row is taken over by the next start anyway.
        _, stuck = await asyncio.wait(running, timeout=_CANCELLED_WAIT_SECONDS)
        for task in stuck:
            log.warning(
                "a cancelled job has not ended; the process stops without it",
                extra={"job": task.get_name(), "waiting_in": waiting_in(task)},
            )
