"""Platform keys (app/adapters/lti/platform_keys.py) under concurrency: launches that need the
platform's JWKS at the same moment wait for one fetch, not one each."""

from __future__ import annotations

import asyncio

import httpx

from app.adapters.lti.platform_keys import PlatformKeys
from tests.api.outbound import outbound
from tests.fakes.lti_platform import HOST, FakePlatform


class _SlowTransport(httpx.AsyncBaseTransport):
    """The fake platform, answering after a pause: long enough for every launch to ask."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.05)
        return await self._inner.handle_async_request(request)


async def test_concurrent_launches_fetch_the_keys_once() -> None:
    platform = FakePlatform()
    http = outbound(HOST, transport=_SlowTransport(httpx.ASGITransport(app=platform.app)))
    keys = PlatformKeys(http)
    token = platform.sign({"sub": "s-1"})
    found = await asyncio.gather(
        *(keys.verify(token, platform.platform.jwks_url) for _ in range(5))
    )
    assert [claims["sub"] for claims in found] == ["s-1"] * 5
    assert platform.jwks_fetches == 1
