"""LTI Dynamic Registration 1.0 against the fake platform: our one-time URL, the platform's
configuration checked, our client registration posted, the platform and deployment kept for
the district, and the page that tells the platform to close it."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.adapters.lti.dynamic_registration import HttpPlatformRegistrar
from app.bootstrap import Container, wire
from app.domain.access import Tenant
from app.domain.lti.tool_config import SCOPES
from tests.api.outbound import outbound
from tests.apps import app_over
from tests.conftest import _no_server_errors
from tests.fakes.lti_platform import HOST, TOOL, FakePlatform


@pytest.fixture
async def platform() -> FakePlatform:
    return FakePlatform()


@pytest.fixture
async def tool(container: Container, platform: FakePlatform) -> AsyncIterator[httpx.AsyncClient]:
    http = outbound(HOST, transport=httpx.ASGITransport(app=platform.app))
    lti = replace(container.adapters.lti, registrar=HttpPlatformRegistrar(http))
    use_cases = wire(replace(container.adapters, lti=lti), container.policy)
    with app_over(use_cases, public_base_url=TOOL) as app:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url=TOOL,
            event_hooks={"response": [_no_server_errors]},
        ) as client:
            yield client


async def _opened(
    container: Container, tenant: Tenant, platform: FakePlatform, tool: httpx.AsyncClient
) -> tuple[str, httpx.Response]:
    url = await container.use_cases.lti_registration.registration_url(tenant.slug, TOOL)
    token = parse_qs(urlsplit(url).query)["tenant_token"][0]
    params = {
        "tenant_token": token,
        "openid_configuration": f"{platform.issuer}/.well-known/openid-configuration",
        "registration_token": platform.registration_token,
    }
    return token, await tool.get("/lti/register", params=params)


async def test_a_platform_registers_the_tool_for_the_district(
    container: Container, tenant: Tenant, platform: FakePlatform, tool: httpx.AsyncClient
) -> None:
    token, answer = await _opened(container, tenant, platform, tool)
    assert answer.status_code == 200, answer.text
    assert '<script src="/lti/close.js">' in answer.text
    assert "org.imsglobal.lti.close" in (await tool.get("/lti/close.js")).text
    [client] = platform.registrations
    assert client["initiate_login_uri"] == f"{TOOL}/lti/login"
    assert client["redirect_uris"] == [f"{TOOL}/lti/launch"]
    assert client["jwks_uri"] == f"{TOOL}/lti/jwks.json"
    assert client["token_endpoint_auth_method"] == "private_key_jwt"
    assert client["grant_types"] == ["implicit", "client_credentials"]
    assert client["scope"].split() == list(SCOPES)
    messages = client["https://purl.imsglobal.org/spec/lti-tool-configuration"]["messages"]
    assert [m["type"] for m in messages] == ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"]
    [kept] = await container.use_cases.lti.registrations(tenant.id)
    assert kept.platform == platform.platform
    assert kept.deployment_ids == (platform.deployment_id,)
    # The link is good once.
    again = await tool.get(
        "/lti/register",
        params={"tenant_token": token, "openid_configuration": f"{platform.issuer}/x"},
    )
    assert again.status_code == 400
    assert "unknown, used or expired" in html.unescape(again.text)


async def test_a_configuration_naming_another_issuer_is_refused(
    container: Container, tenant: Tenant, platform: FakePlatform, tool: httpx.AsyncClient
) -> None:
    platform.config_issuer = "https://elsewhere.test"
    _, answer = await _opened(container, tenant, platform, tool)
    assert answer.status_code == 400
    assert "issuer does not match" in html.unescape(answer.text)
    assert platform.registrations == []
    assert await container.use_cases.lti.registrations(tenant.id) == []


async def test_a_made_up_registration_link_is_refused(tool: httpx.AsyncClient) -> None:
    answer = await tool.get(
        "/lti/register",
        params={"tenant_token": "made-up", "openid_configuration": "https://platform.test/c"},
    )
    assert answer.status_code == 400
    assert "unknown, used or expired" in html.unescape(answer.text)
