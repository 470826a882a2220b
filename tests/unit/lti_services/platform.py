"""A platform registration and the guarded client reaching the fake platform services in-process."""

from __future__ import annotations

import httpx

from app.adapters.http import OutboundHttp, OutboundPolicy
from app.domain.lti.platform import Platform
from tests.fakes.lti_services import BASE, CLIENT_ID, TOKEN_URL, FakePlatformServices


def platform() -> Platform:
    return Platform(
        issuer=BASE,
        client_id=CLIENT_ID,
        auth_login_url=f"{BASE}/auth",
        token_url=TOKEN_URL,
        jwks_url=f"{BASE}/jwks",
    )


def through(services: FakePlatformServices) -> OutboundHttp:
    """The guarded client, allow-listing the fake's host (its checks apply to every URL)."""
    policy = OutboundPolicy.from_settings(["lms.example"], allow_http=False)
    return OutboundHttp(policy, transport=httpx.ASGITransport(app=services.app))
