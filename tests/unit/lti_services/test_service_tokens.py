"""Service tokens by client assertion (1EdTech Security Framework 1.0 §4.1): the fake token
endpoint verifies each assertion; the cache and single flight are counted at the fake."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from app.adapters.lti.advantage import AdvantageServices
from app.adapters.lti.service_tokens import RENEW_MARGIN_SECONDS, ServiceTokens
from app.domain.errors import SourceUnavailable
from tests.fakes.lti_keys import TestToolKeys
from tests.fakes.lti_services import CLIENT_ID, TOKEN_URL, FakePlatformServices
from tests.unit.lti_services.platform import platform, through

NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
RESULTS = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_concurrent_callers_share_one_token_request_then_the_cache() -> None:
    keys = TestToolKeys()
    services = FakePlatformServices(keys)
    tokens = ServiceTokens(through(services), keys)
    got = await asyncio.gather(*(tokens.token(platform(), [NRPS]) for _ in range(8)))
    assert services.token_requests == 1
    assert len(set(got)) == 1
    assert got[0] in services.granted
    assert services.granted[got[0]] == (NRPS,)
    assert await tokens.token(platform(), [NRPS]) == got[0]
    assert services.token_requests == 1


async def test_the_assertion_names_the_tool_and_the_token_audience() -> None:
    keys = TestToolKeys()
    at = 1_700_000_000
    tokens = ServiceTokens(through(FakePlatformServices(keys)), keys, wall_clock=lambda: at)
    claims = keys.decode(await tokens.assertion(platform()), audience=TOKEN_URL, check_exp=False)
    assert claims["iss"] == claims["sub"] == CLIENT_ID
    assert claims["iat"] == at
    assert claims["exp"] == at + 300
    other = keys.decode(await tokens.assertion(platform()), audience=TOKEN_URL, check_exp=False)
    assert len(claims["jti"]) >= 32
    assert other["jti"] != claims["jti"]


async def test_a_token_is_renewed_before_it_expires_and_kept_per_scopes() -> None:
    keys = TestToolKeys()
    services = FakePlatformServices(keys, token_lifetime=600)
    ticks = Ticks()
    tokens = ServiceTokens(through(services), keys, monotonic=ticks)
    first = await tokens.token(platform(), [NRPS])
    await tokens.token(platform(), [RESULTS, NRPS])  # another set of scopes: its own token
    assert services.token_requests == 2
    ticks.now += 600 - RENEW_MARGIN_SECONDS - 1  # still inside the margin
    assert await tokens.token(platform(), [NRPS]) == first
    ticks.now += 1
    assert await tokens.token(platform(), [NRPS]) != first
    assert services.token_requests == 3


async def test_a_refused_assertion_is_the_platform_failing_not_ours() -> None:
    keys = TestToolKeys()
    services = FakePlatformServices(TestToolKeys())  # the platform knows another key
    tokens = ServiceTokens(through(services), keys)
    with pytest.raises(SourceUnavailable) as raised:
        await tokens.token(platform(), [NRPS])
    assert raised.value.problems[0].msg == "the platform's token endpoint answered 401 at /token"


async def test_a_token_the_platform_revoked_is_replaced_once() -> None:
    keys = TestToolKeys()
    services = FakePlatformServices(keys, members=[{"user_id": "u1", "roles": ["Learner"]}])
    http = through(services)
    advantage = AdvantageServices(http, ServiceTokens(http, keys))
    await advantage.memberships(platform(), services.memberships_url)
    services.granted.clear()  # the platform forgets every token it gave
    pulled = await advantage.memberships(platform(), services.memberships_url)
    assert len(pulled.members) == 1
    assert services.token_requests == 2


async def test_the_fake_platform_refuses_a_replayed_assertion() -> None:
    keys = TestToolKeys()
    services = FakePlatformServices(keys)
    assertion = await ServiceTokens(through(services), keys).assertion(platform())
    form = {
        "grant_type": "client_credentials",
        "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion": assertion,
        "scope": NRPS,
    }
    transport = httpx.ASGITransport(app=services.app)
    async with httpx.AsyncClient(transport=transport, base_url="https://lms.example") as lms:
        assert (await lms.post("/token", data=form)).status_code == 200
        assert (await lms.post("/token", data=form)).status_code == 401


async def test_a_failing_gradebook_is_asked_again_then_given_up_on() -> None:
    keys = TestToolKeys()
    services = FakePlatformServices(keys, busy_once=5, busy_status=503)
    item = services.add_line_item({"label": "Place value", "scoreMaximum": 4})
    http = through(services)
    waited: list[float] = []

    async def sleep(seconds: float) -> None:
        waited.append(seconds)

    advantage = AdvantageServices(http, ServiceTokens(http, keys), sleep=sleep)
    score = {"userId": "u1", "scoreGiven": 3, "scoreMaximum": 4, "timestamp": "2026-09-01T09:00Z"}
    with pytest.raises(SourceUnavailable) as raised:
        await advantage.post_score(platform(), item, score)
    # the first post and four more, each after the Retry-After of 1 s
    assert (services.score_attempts, waited) == (5, [1.0] * 4)
    assert raised.value.problems[0].msg == (
        "the platform's scores answered 503 at /contexts/ctx-1/lineitems/1/scores"
    )
    await advantage.post_score(platform(), item, score)  # the platform is back
    assert services.scores[item] == [score]
