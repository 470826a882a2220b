"""Launches the tool refuses, each with a 4xx page saying which check failed and nothing kept:
the 1EdTech certification's known-bad payloads, replays, state and signature attacks; and what
it rides out: key rotation, a platform's JWKS down, clock skew within a minute."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.lti.launch_check import LTI
from tests.api.lti.launching import Tool, tool_for
from tests.fakes.lti_platform import new_key


@pytest.fixture
async def tool(container: Container, tenant: Tenant) -> AsyncIterator[Tool]:
    async with tool_for(container, tenant) as found:
        yield found


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unsigned(header: dict[str, Any], claims: dict[str, Any], key: bytes | None = None) -> str:
    """A JWT by hand: `alg: none` (no key) or HS256 keyed with `key`."""
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
    signature = (
        b"" if key is None else hmac.new(key, signing_input.encode(), hashlib.sha256).digest()
    )
    return f"{signing_input}.{_b64(signature)}"


async def _refused(
    tool: Tool, answer: httpx.Response, reason: str, sub: str | None = "user-1"
) -> None:
    assert answer.status_code == 400, answer.text
    assert answer.headers["content-type"].startswith("text/html")
    assert reason in html.unescape(answer.text)
    if sub is None:
        return
    # Nothing kept: the user was not linked to anyone.
    linked = await tool.container.adapters.lti.users.people(
        tool.registration.tenant_id, tool.platform.issuer, (sub,)
    )
    assert linked == {}


def _without(claims: dict[str, Any], name: str) -> dict[str, Any]:
    return {k: v for k, v in claims.items() if k != name}


MISSING = [
    ("iss", "issuer (iss)"),
    ("aud", "audience (aud)"),
    ("sub", "names no user (sub)"),
    ("exp", "no valid exp or iat"),
    ("iat", "no valid exp or iat"),
    (LTI + "version", "not LTI version 1.3.0"),
    (LTI + "message_type", "not an LTI launch (message_type)"),
    (LTI + "deployment_id", "names no deployment"),
    (LTI + "roles", "no roles claim"),
    (LTI + "resource_link", "no resource link id"),
    (LTI + "target_link_uri", "no target_link_uri"),
]


@pytest.mark.parametrize(("claim", "reason"), MISSING)
async def test_a_launch_missing_a_required_claim_is_refused(
    tool: Tool, claim: str, reason: str
) -> None:
    state, nonce = await tool.state_and_nonce()
    claims = _without(tool.platform.claims(nonce, now=tool.clock.now().timestamp()), claim)
    await _refused(tool, await tool.launch(tool.platform.sign(claims), state), reason)


WRONG = [
    ({LTI + "version": "1.1"}, "not LTI version 1.3.0"),
    ({LTI + "message_type": "LtiSubmissionReviewRequest"}, "not an LTI launch"),
    ({LTI + "deployment_id": "not-registered"}, "deployment is not registered"),
    ({"aud": "someone-else"}, "audience (aud)"),
    ({"iss": "https://evil.test"}, "issuer (iss)"),
    ({LTI + "target_link_uri": "https://evil.test/lti/launch"}, "target_link_uri is not"),
    (
        {LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper"]},
        "None of the launch's roles",
    ),
]


@pytest.mark.parametrize(("changed", "reason"), WRONG)
async def test_a_launch_with_a_wrong_claim_is_refused(
    tool: Tool, changed: dict[str, Any], reason: str
) -> None:
    await _refused(tool, await tool.launch_as(**changed), reason)


async def test_an_audience_list_must_name_us_as_azp(tool: Tool) -> None:
    ours = tool.platform.client_id
    await _refused(tool, await tool.launch_as(aud=[ours, "other"]), "not us as azp")
    await _refused(tool, await tool.launch_as(aud=[ours, "other"], azp="other"), "not us as azp")
    accepted = await tool.launch_as(aud=[ours, "other"], azp=ours)
    assert accepted.status_code == 303


@pytest.mark.parametrize(
    ("iat", "exp", "accepted"),
    [
        (59, 300, True),  # issued 59 s ahead of our clock: skew within the minute
        (61, 300, False),
        (-400, -59, True),  # expired 59 s ago
        (-400, -61, False),
    ],
)
async def test_clock_skew_of_up_to_a_minute_is_allowed(
    tool: Tool, iat: int, exp: int, accepted: bool
) -> None:
    state, nonce = await tool.state_and_nonce()
    now = tool.clock.now().timestamp()
    claims = tool.platform.claims(nonce, now=now)
    claims.update(iat=int(now) + iat, exp=int(now) + exp)
    answer = await tool.launch(tool.platform.sign(claims), state)
    if accepted:
        assert answer.status_code == 303, answer.text
    else:
        await _refused(tool, answer, "The id_token")


async def test_a_replayed_id_token_is_refused_by_its_nonce(tool: Tool) -> None:
    state, nonce = await tool.state_and_nonce()
    token = tool.platform.sign(tool.platform.claims(nonce, now=tool.clock.now().timestamp()))
    assert (await tool.launch(token, state)).status_code == 303
    # The same state again: used.
    await _refused(
        tool, await tool.launch(token, state), "state is unknown, used or expired", sub=None
    )
    # A fresh login's state with the old id_token: its nonce was used.
    fresh_state, _ = await tool.state_and_nonce()
    await _refused(tool, await tool.launch(token, fresh_state), "nonce", sub=None)


async def test_a_nonce_not_ours_is_refused(tool: Tool) -> None:
    state, _ = await tool.state_and_nonce()
    claims = tool.platform.claims("made-up-nonce", now=tool.clock.now().timestamp())
    await _refused(tool, await tool.launch(tool.platform.sign(claims), state), "nonce")


async def test_a_bad_missing_or_foreign_state_is_refused(tool: Tool) -> None:
    state, nonce = await tool.state_and_nonce()
    token = tool.platform.sign(tool.platform.claims(nonce, now=tool.clock.now().timestamp()))
    await _refused(tool, await tool.launch(token, "made-up-state"), "state is unknown")
    missing = await tool.http.post("/lti/launch", data={"id_token": token})
    await _refused(tool, missing, "has no state")
    # The state began in another browser (no cookie comes back with it): login CSRF.
    tool.http.cookies.clear()
    await _refused(tool, await tool.launch(token, state), "did not begin in this browser")


async def test_an_expired_login_state_is_refused(tool: Tool) -> None:
    state, nonce = await tool.state_and_nonce()
    tool.clock.advance(minutes=11)
    token = tool.platform.sign(tool.platform.claims(nonce, now=tool.clock.now().timestamp()))
    await _refused(tool, await tool.launch(token, state), "state is unknown, used or expired")


async def test_tokens_without_a_known_key_are_refused(tool: Tool) -> None:
    state, nonce = await tool.state_and_nonce()
    claims = tool.platform.claims(nonce, now=tool.clock.now().timestamp())
    no_kid = tool.platform.sign(claims, headers={})
    await _refused(tool, await tool.launch(no_kid, state), "names no key (kid)")
    state, nonce = await tool.state_and_nonce()
    claims = tool.platform.claims(nonce, now=tool.clock.now().timestamp())
    stranger = tool.platform.sign(claims, key=new_key())  # a key the platform never published
    await _refused(tool, await tool.launch(stranger, state), "key the platform does not publish")
    state, nonce = await tool.state_and_nonce()
    claims = tool.platform.claims(nonce, now=tool.clock.now().timestamp())
    other = new_key()
    wrong_kid = tool.platform.sign(claims, key=other, headers={"kid": tool.platform.signing.kid})
    await _refused(tool, await tool.launch(wrong_kid, state), "signature does not verify")


async def test_alg_none_and_hs256_keyed_with_the_public_key_are_refused(tool: Tool) -> None:
    kid = tool.platform.signing.kid
    public_pem = tool.platform.signing.private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    for header, key in (
        ({"alg": "none", "kid": kid}, None),
        ({"alg": "HS256", "kid": kid}, public_pem),
    ):
        state, nonce = await tool.state_and_nonce()
        claims = tool.platform.claims(nonce, now=tool.clock.now().timestamp())
        await _refused(
            tool,
            await tool.launch(_unsigned(header, claims, key), state),
            "algorithm is not accepted",
        )


async def test_a_non_jwt_is_refused(tool: Tool) -> None:
    state, _ = await tool.state_and_nonce()
    await _refused(tool, await tool.launch("not-a-jwt", state), "is not a JWT")


async def test_an_unknown_platform_or_foreign_target_is_refused_at_login(tool: Tool) -> None:
    unknown = await tool.http.get(
        "/lti/login",
        params={
            "iss": "https://nobody.test",
            "login_hint": "h",
            "target_link_uri": "http://test/x",
        },
    )
    await _refused(tool, unknown, "No platform is registered")
    foreign = await tool.login(target_link_uri="https://evil.test/lti/launch")
    await _refused(tool, foreign, "target_link_uri is not this tool's")
    missing = await tool.http.post("/lti/login", data={"iss": tool.platform.issuer})
    await _refused(tool, missing, "login_hint, target_link_uri")


async def test_a_rotated_platform_key_is_fetched_once(tool: Tool) -> None:
    assert (await tool.launch_as()).status_code == 303
    assert tool.platform.jwks_fetches == 1
    assert (await tool.launch_as()).status_code == 303
    assert tool.platform.jwks_fetches == 1  # kept per Cache-Control
    tool.platform.rotate()
    assert (await tool.launch_as()).status_code == 303
    assert tool.platform.jwks_fetches == 2  # the unknown kid: one fetch


async def test_the_last_good_keys_serve_while_the_platform_jwks_is_down(
    container: Container, tenant: Tenant
) -> None:
    async with tool_for(container, tenant) as tool:
        tool.platform.jwks_max_age = 0  # stale at once: every launch asks again
        assert (await tool.launch_as()).status_code == 303
        tool.platform.jwks_down = True
        answer = await tool.launch_as(sub="user-2")
        assert answer.status_code == 303, answer.text
        assert tool.platform.jwks_fetches == 2


async def test_with_no_keys_ever_fetched_a_down_jwks_refuses_the_launch(tool: Tool) -> None:
    tool.platform.jwks_down = True
    await _refused(tool, await tool.launch_as(), "key the platform does not publish")
