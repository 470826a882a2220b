"""An API client whose server fetches CASE packages through a given transport: a fake provider
in-process (httpx.MockTransport) or another app (httpx.ASGITransport), never the network."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

import httpx

from app.adapters.case.client import HttpCaseSource
from app.api.app import create_app
from app.bootstrap import Container, wire
from app.domain.access import Tenant
from tests.conftest import Api, _no_server_errors, token_for


@asynccontextmanager
async def api_fetching_through(
    container: Container,
    tenant: Tenant,
    transport: httpx.AsyncBaseTransport,
    *,
    max_bytes: int = 1024 * 1024,
) -> AsyncIterator[Api]:
    source = HttpCaseSource(timeout_seconds=5, max_bytes=max_bytes, transport=transport)
    use_cases = wire(replace(container.adapters, case_source=source), container.policy)
    app = create_app(use_cases=use_cases, max_body_bytes=container.settings.max_body_bytes)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://test",
        event_hooks={"response": [_no_server_errors]},
    ) as client:
        yield Api(client, tenant, token_for(container, tenant))
