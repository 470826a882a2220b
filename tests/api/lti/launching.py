"""The real login → auth → launch flow, through the tool's ASGI app and the fake platform
(tests/fakes/lti_platform.py): the tool fetches the platform's keys through the guarded client
with an in-process transport, and runs on a clock the test holds (for the time checks)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import httpx

from app.adapters.lti.platform_keys import PlatformKeys
from app.api.rate_limits import TokenRateLimits
from app.bootstrap import Container, wire
from app.domain.access import Tenant
from app.domain.lti.platform import Registration
from app.domain.lti.session import PageSession
from tests.api.outbound import outbound
from tests.apps import app_over
from tests.conftest import _no_server_errors
from tests.fakes.clock import FakeClock
from tests.fakes.lti_platform import HOST, TOOL, FakePlatform


@dataclass
class Tool:
    """The tool as a browser and the platform see it, for one test."""

    http: httpx.AsyncClient
    platform: FakePlatform
    container: Container
    clock: FakeClock
    registration: Registration

    async def login(self, **extra: str) -> httpx.Response:
        params = {
            "iss": self.platform.issuer,
            "login_hint": "hint-1",
            "target_link_uri": f"{TOOL}/lti/launch",
            "client_id": self.platform.client_id,
            **extra,
        }
        return await self.http.get("/lti/login", params=params)

    async def state_and_nonce(self) -> tuple[str, str]:
        """A login as the platform starts it; the state and nonce its auth endpoint got."""
        answer = await self.login()
        assert answer.status_code == 302, answer.text
        params = self.platform.check_auth_request(answer.headers["location"])
        return params["state"], params["nonce"]

    async def launch(self, id_token: str, state: str) -> httpx.Response:
        return await self.http.post("/lti/launch", data={"id_token": id_token, "state": state})

    async def launch_as(self, **claims: object) -> httpx.Response:
        """A whole launch with these claims on top of a learner's resource link launch."""
        state, nonce = await self.state_and_nonce()
        now = self.clock.now().timestamp()
        token = self.platform.sign(self.platform.claims(nonce, now=now, **claims))  # type: ignore[arg-type]
        return await self.launch(token, state)

    def session_of(self, answer: httpx.Response) -> tuple[str, PageSession]:
        """The page path a launch went to and the session its token reads as."""
        assert answer.status_code == 303, answer.text
        location = httpx.URL(answer.headers["location"])
        token = location.params["session"]
        return location.path, self.container.adapters.page_sessions.read(token, self.clock.now())


@asynccontextmanager
async def tool_for(
    container: Container,
    tenant: Tenant,
    platform: FakePlatform | None = None,
    *,
    limits: TokenRateLimits | None = None,
) -> AsyncIterator[Tool]:
    platform = platform or FakePlatform()
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0))
    http = outbound(HOST, transport=httpx.ASGITransport(app=platform.app))
    lti = replace(container.adapters.lti, signatures=PlatformKeys(http))
    use_cases = wire(replace(container.adapters, lti=lti, clock=clock), container.policy)
    registration = await use_cases.lti.register(
        tenant.id, platform.platform, (platform.deployment_id,)
    )
    with app_over(use_cases, public_base_url=TOOL, token_limits=limits) as app:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url=TOOL,
            event_hooks={"response": [_no_server_errors]},
        ) as client:
            yield Tool(client, platform, container, clock, registration)
