"""An API client whose server fetches CASE packages through the guarded client over a given
transport: a fake provider in-process (httpx.MockTransport) or another app (httpx.ASGITransport),
never the network. Their host, provider.test, is allow-listed: the round trip serves it on http."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from app.bootstrap import Container
from app.domain.access import Tenant
from tests.api.outbound import api_sending_through, outbound
from tests.conftest import Api


@asynccontextmanager
async def api_fetching_through(
    container: Container,
    tenant: Tenant,
    transport: httpx.AsyncBaseTransport,
    *,
    max_bytes: int = 1024 * 1024,
) -> AsyncIterator[Api]:
    http = outbound("provider.test", transport=transport)
    async with api_sending_through(container, tenant, http, case_max_bytes=max_bytes) as api:
        yield api
