"""What the settings choose, apart from app/bootstrap.py (at its size limit): the keys that
sign and seal, the guarded outbound client under the operator's policy, and the job runner
MASTERY_JOB_QUEUE names; a setting that cannot run the service is a ConfigurationError."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db.jobs import unfinished_jobs
from app.adapters.http import OutboundHttp, OutboundPolicy
from app.adapters.jobs.in_process import InProcessJobRunner
from app.adapters.jobs.lifecycle import JobLifecycle
from app.adapters.security import keys as service_keys
from app.config import Settings

if TYPE_CHECKING:
    from app.adapters.jobs.queue import QueuedJobRunner


class ConfigurationError(RuntimeError):
    """The settings cannot run the service; the message says what to set."""


def key_ring(settings: Settings) -> service_keys.KeyRing:
    """The keys that sign tokens and seal stored secrets: MASTERY_SECRET_KEY (and the retiring
    MASTERY_PREVIOUS_SECRET_KEYS), or for the embedded database a generated development key
    kept in the state directory (created on first use)."""
    try:
        if settings.secret_key is not None:
            previous = tuple(k.get_secret_value() for k in settings.previous_secret_keys)
            return service_keys.key_ring(settings.secret_key.get_secret_value(), previous)
        if not settings.embedded:
            raise ConfigurationError("MASTERY_SECRET_KEY is required with a PostgreSQL database")
        return service_keys.KeyRing((service_keys.embedded_key(Path(settings.state_dir)),))
    except service_keys.WeakKey as exc:
        raise ConfigurationError(str(exc)) from None


def outbound_http(settings: Settings) -> OutboundHttp:
    """The guarded client every server-side fetch goes through, under the operator's policy."""
    try:
        policy = OutboundPolicy.from_settings(
            settings.outbound_allowed_hosts, allow_http=settings.outbound_allow_http
        )
    except ValueError as exc:
        raise ConfigurationError(f"MASTERY_OUTBOUND_ALLOWED_HOSTS: {exc}") from None
    return OutboundHttp(policy, extra_ca_file=settings.outbound_ca_file)


def job_runner(
    settings: Settings, lifecycle: JobLifecycle, sessions: async_sessionmaker[AsyncSession]
) -> InProcessJobRunner | QueuedJobRunner:
    """The runner MASTERY_JOB_QUEUE names: in this process, or on procrastinate's queue."""
    unfinished = partial(unfinished_jobs, sessions)
    if settings.job_queue == "in_process":
        return InProcessJobRunner(lifecycle, unfinished)
    if settings.embedded:
        raise ConfigurationError("MASTERY_JOB_QUEUE=procrastinate needs a PostgreSQL database")
    # Imported only here: procrastinate and psycopg add about 0.1 s of CPU to the start of every
    # `mastery` command and server (0074), and only a deployment that chose the queue uses them.
    from app.adapters.jobs.queue import QueuedJobRunner, queue_conninfo

    return QueuedJobRunner(
        lifecycle,
        unfinished,
        settings.job_queue_url or queue_conninfo(settings.database_url),
        stalled_seconds=settings.worker_stalled_seconds,
    )
