"""The composition root: settings -> engine -> units of work -> the services every adapter uses."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.case.client import HttpCaseSource
from app.adapters.case.codec import CaseJsonCodec
from app.adapters.db.engine import create_engine, session_factory
from app.adapters.db.frameworks import FrameworkCache
from app.adapters.db.queries import SqlReadModels
from app.adapters.db.row_security import warn_if_row_security_is_bypassed
from app.adapters.db.uow import SqlAccessUnitOfWork, SqlUnitOfWork
from app.adapters.http import OutboundHttp, OutboundPolicy
from app.adapters.jobs import AsyncioJobRunner
from app.adapters.oneroster.csv_files import CsvRosterFiles
from app.adapters.oneroster.rest_client import HttpRosterProviders
from app.adapters.security.secret_box import FernetSecretBox
from app.adapters.security.secrets import Argon2SecretHasher, RandomIds
from app.adapters.security.tokens import JwtTokenCodec
from app.adapters.system import SystemClock
from app.api.app import create_app
from app.api.graphql.limits import Limits
from app.api.logs import configure_logging, guard_personal_data
from app.config import Settings
from app.ports.services import Services


class ConfigurationError(RuntimeError):
    """The settings cannot run the service; the message says what to set."""


def secret_key(settings: Settings) -> str:
    """The token-signing key: from MASTERY_SECRET_KEY, or for the embedded database a generated
    development key kept in the state directory (created on first use)."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    if not settings.embedded:
        raise ConfigurationError("MASTERY_SECRET_KEY is required with a PostgreSQL database")
    path = Path(settings.state_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def outbound_http(settings: Settings) -> OutboundHttp:
    """The guarded client every server-side fetch goes through, under the operator's policy."""
    try:
        policy = OutboundPolicy.from_settings(
            settings.outbound_allowed_hosts, allow_http=settings.outbound_allow_http
        )
    except ValueError as exc:
        raise ConfigurationError(f"MASTERY_OUTBOUND_ALLOWED_HOSTS: {exc}") from None
    return OutboundHttp(policy)


class _DatabaseReadiness:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def check(self) -> None:
        async with self._engine.connect() as conn:
            await conn.execute(sa.text("SELECT 1"))


@dataclass
class Container:
    """What a process holds: the engine (to dispose at shutdown) and the services."""

    settings: Settings
    engine: AsyncEngine
    services: Services
    jobs: AsyncioJobRunner

    async def close(self) -> None:
        await self.jobs.wait()
        await self.engine.dispose()


def build(settings: Settings) -> Container:
    """Wire the real adapters for these settings."""
    guard_personal_data()  # before anything can log: the server, the CLI and workers alike
    engine = create_engine(settings.database_url)
    sessions = session_factory(engine)
    uow = partial(SqlUnitOfWork, sessions, FrameworkCache())
    clock = SystemClock()
    ids = RandomIds()
    jobs = AsyncioJobRunner(uow, clock, ids)
    key = secret_key(settings)
    outbound = outbound_http(settings)
    services = Services(
        uow=uow,
        access=partial(SqlAccessUnitOfWork, sessions),
        clock=clock,
        ids=ids,
        hasher=Argon2SecretHasher(
            time_cost=settings.secret_hash_time_cost,
            memory_cost=settings.secret_hash_memory_kib,
        ),
        tokens=JwtTokenCodec(key),
        readiness=_DatabaseReadiness(engine),
        jobs=jobs,
        roster_files=CsvRosterFiles(),
        roster_providers=HttpRosterProviders(
            outbound,
            timeout_seconds=settings.sis_fetch_timeout_seconds,
            max_page_bytes=settings.sis_page_max_bytes,
        ),
        secrets=FernetSecretBox(key),
        case=CaseJsonCodec(),
        case_source=HttpCaseSource(
            outbound,
            timeout_seconds=settings.case_fetch_timeout_seconds,
            max_bytes=settings.case_fetch_max_bytes,
        ),
        reads=partial(SqlReadModels, sessions),
        token_ttl_seconds=settings.token_ttl_seconds,
        max_batch=settings.max_batch,
        recompute_inline_limit=settings.recompute_inline_limit,
        report_min_cell=settings.report_min_cell,
    )
    return Container(settings, engine, services, jobs)


@asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[Services]:
    """The services of a server process, for its whole life; the engine is disposed at the end."""
    container = build(settings)
    try:
        await warn_if_row_security_is_bypassed(container.engine)
        yield container.services
    finally:
        await container.close()


def create_web_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI app for a server process: logging configured, services started in the lifespan."""
    settings = settings or Settings()
    configure_logging(settings.log_level)
    limits = Limits(
        max_depth=settings.graphql_max_depth,
        max_cost=settings.graphql_max_cost,
        max_page_size=settings.graphql_max_page_size,
    )
    return create_app(
        start=partial(running, settings),
        max_body_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.max_upload_bytes,
        graphql_limits=limits,
        graphiql_assets=settings.graphiql_assets_dir,
    )
