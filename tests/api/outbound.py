"""An API client over the container's services with connectors sending through a given guarded
client: an allow-list for loopback fakes, or an in-process transport in place of the network."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

import httpx

from app.adapters.case.client import HttpCaseSource
from app.adapters.http import OutboundHttp, OutboundPolicy
from app.adapters.oneroster.rest_client import HttpRosterProviders
from app.bootstrap import Container, wire
from app.domain.access import Tenant
from app.use_cases.catalog import UseCases
from app.use_cases.job_kinds import job_kinds
from tests.apps import app_over
from tests.conftest import Api, _no_server_errors, token_for


def outbound(*allowed: str, allow_http: bool = False, **kw: Any) -> OutboundHttp:
    """The guarded client with these allow-list entries (see MASTERY_OUTBOUND_ALLOWED_HOSTS)."""
    return OutboundHttp(OutboundPolicy.from_settings(allowed, allow_http=allow_http), **kw)


async def no_sleep(seconds: float) -> None:
    """Retries without waiting: the tests check what is retried, not the backoff's pace."""


@asynccontextmanager
async def api_sending_through(
    container: Container,
    tenant: Tenant,
    http: OutboundHttp,
    *,
    case_max_bytes: int = 1 << 20,
    sis_timeout_seconds: float = 60.0,
) -> AsyncIterator[Api]:
    sis = HttpRosterProviders(http, sleep=no_sleep, timeout_seconds=sis_timeout_seconds)
    adapters = replace(
        container.adapters,
        roster_providers=sis,
        case_source=HttpCaseSource(http, timeout_seconds=5, max_bytes=case_max_bytes),
    )
    async with api_over(container, tenant, wire(adapters, container.policy)) as api:
        yield api


@asynccontextmanager
async def api_over(container: Container, tenant: Tenant, use_cases: UseCases) -> AsyncIterator[Api]:
    """The tenant's client on an app over these use cases, whose jobs they also run."""
    with app_over(use_cases, max_body_bytes=container.settings.max_body_bytes) as app:
        async with (
            jobs_run_by(container, use_cases),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app),
                base_url="http://test",
                event_hooks={"response": [_no_server_errors]},
            ) as client,
        ):
            yield Api(client, tenant, token_for(container, tenant))


@asynccontextmanager
async def jobs_run_by(container: Container, use_cases: UseCases) -> AsyncIterator[None]:
    """The container's runner runs jobs by their kind with these use cases (wired again with
    an adapter swapped) while in the block, then with the container's own again."""
    container.jobs.attach(job_kinds(use_cases))
    try:
        yield
    finally:
        await container.jobs.wait()
        container.jobs.attach(job_kinds(container.use_cases))
