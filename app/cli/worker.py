"""`mastery worker`: runs the jobs of the queue (MASTERY_JOB_QUEUE=procrastinate, PostgreSQL)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.support import errors

if TYPE_CHECKING:
    from app.config import Settings

log = logging.getLogger("mastery.jobs")


def worker(
    concurrency: Annotated[
        int | None, typer.Option(help="Jobs run at once (MASTERY_WORKER_CONCURRENCY).")
    ] = None,
) -> None:
    """Run queued jobs (imports, syncs, recomputes) until SIGTERM or SIGINT, which let the
    jobs under way finish (a second signal stops at once: a stopped job is run again). Run
    any number, beside `mastery serve`, with MASTERY_JOB_QUEUE=procrastinate on both."""
    from app.api.logs import configure_logging
    from app.bootstrap_settings import ConfigurationError
    from app.config import Settings

    settings = Settings()
    if concurrency:
        settings = settings.model_copy(update={"worker_concurrency": concurrency})
    if settings.job_queue != "procrastinate":
        errors.print(
            "[red]error:[/red] `mastery worker` runs the queue's jobs: set "
            "MASTERY_JOB_QUEUE=procrastinate (and the same on every server); with in_process, "
            "servers run their own jobs"
        )
        raise typer.Exit(1)
    configure_logging(settings.log_level)
    import asyncio  # here, not at the top: `mastery --help` loads no event loop

    try:
        asyncio.run(run_worker(settings))
    except ConfigurationError as exc:
        errors.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None


async def run_worker(settings: Settings) -> None:
    """The same container as a server's (the same registry of job kinds), its jobs run from
    the queue until SIGTERM or SIGINT."""
    from app.adapters.garbage_collection import settle_after_start_up
    from app.adapters.jobs.queue import QueuedJobRunner
    from app.bootstrap import build

    container = build(settings)
    assert isinstance(container.jobs, QueuedJobRunner), "MASTERY_JOB_QUEUE=procrastinate"
    try:
        await container.start()
        settle_after_start_up()  # as a server does: the worker runs the same jobs
        log.info("worker started", extra={"concurrency": settings.worker_concurrency})
        await container.jobs.work(
            concurrency=settings.worker_concurrency,
            recover_seconds=settings.worker_recover_seconds,
        )
    finally:
        await container.close()
    log.info("worker stopped")
