"""The LTI registry and launch records, the same on the fakes, SQLite and PostgreSQL: a
district's registrations are its own, an issuer and client id are registered once, login state
and nonces are taken once even by concurrent launches, and a launch is kept until it expires."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import replace
from datetime import timedelta

import pytest

from app.domain.access import TenantId
from app.domain.errors import Conflict
from app.domain.lti.launch import Launch
from app.domain.lti.platform import Deployment, Platform
from app.ports.lti_registry import LoginState
from tests.contracts.conftest import NOW, Backend


def _platform(client_id: str = "tool-1") -> Platform:
    issuer = f"https://lms-{uuid.uuid4().hex[:8]}.test"
    return Platform(issuer, client_id, f"{issuer}/auth", f"{issuer}/token", f"{issuer}/jwks")


async def test_a_registration_is_its_districts_alone(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    platform = _platform()
    made = await backend.lti.add(tenant, platform, ("d-2", "d-1", "d-2"), NOW)
    assert made.deployment_ids == ("d-2", "d-1")  # once each, in the order given
    found = await backend.lti.get(tenant, made.id)
    assert found is not None
    assert (found.platform, sorted(found.deployment_ids)) == (platform, ["d-1", "d-2"])
    assert [r.id for r in await backend.lti.list(tenant)] == [made.id]
    assert await backend.lti.list(other_tenant) == []
    assert await backend.lti.get(other_tenant, made.id) is None
    assert await backend.lti.remove(other_tenant, made.id) is False
    assert await backend.lti.remove(tenant, made.id) is True
    assert await backend.lti.get(tenant, made.id) is None
    assert await backend.lti.deployment(platform.issuer, platform.client_id, "d-1") is None


async def test_an_issuer_and_client_id_are_registered_once(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    platform = _platform()
    await backend.lti.add(tenant, platform, ("d-1",), NOW)
    with pytest.raises(Conflict):
        await backend.lti.add(other_tenant, platform, ("d-9",), NOW)
    assert await backend.lti.list(other_tenant) == []


async def test_a_login_and_a_launch_find_the_registration_whoever_owns_it(
    backend: Backend, tenant: TenantId
) -> None:
    platform = _platform()
    made = await backend.lti.add(tenant, platform, ("d-1",), NOW)
    assert (await backend.lti.find(platform.issuer, "tool-1")) == made
    assert (await backend.lti.find(platform.issuer, None)) == made  # the issuer's only one
    assert await backend.lti.find(platform.issuer, "tool-2") is None
    assert await backend.lti.by_id(made.id) == made
    found = await backend.lti.deployment(platform.issuer, "tool-1", "d-1")
    assert found == Deployment(platform.issuer, "tool-1", "d-1", tenant)
    assert await backend.lti.deployment(platform.issuer, "tool-1", "d-2") is None
    # A second client id of the issuer: a login without client_id no longer names one.
    second = replace(platform, client_id="tool-2")
    await backend.lti.add(tenant, second, ("d-1",), NOW)
    assert await backend.lti.find(platform.issuer, None) is None


async def test_state_and_nonce_are_taken_once_even_concurrently(backend: Backend) -> None:
    state, nonce = uuid.uuid4().hex, uuid.uuid4().hex
    login = LoginState("reg-1", "digest")
    await backend.lti.remember(state, nonce, login, NOW + timedelta(minutes=10))
    taken = await asyncio.gather(*(backend.lti.take_state(state, NOW) for _ in range(6)))
    assert [t for t in taken if t is not None] == [login]
    nonces = await asyncio.gather(*(backend.lti.take_nonce(nonce, NOW) for _ in range(6)))
    assert sorted(nonces) == [False] * 5 + [True]
    assert await backend.lti.take_nonce("never-made", NOW) is False


async def test_expired_state_and_nonce_are_refused(backend: Backend) -> None:
    state, nonce = uuid.uuid4().hex, uuid.uuid4().hex
    await backend.lti.remember(state, nonce, LoginState("reg-1", "d"), NOW + timedelta(minutes=10))
    later = NOW + timedelta(minutes=10)
    assert await backend.lti.take_state(state, later) is None
    assert await backend.lti.take_nonce(nonce, later) is False


async def test_a_user_is_linked_and_relinked(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    await backend.lti.link(tenant, "https://lms.test", "s-1", "lti-1", ("Learner",), NOW)
    await backend.lti.link(tenant, "https://lms.test", "s-1", "stu-9", ("Learner",), NOW)
    await backend.lti.link(tenant, "https://lms.test", "s-2", "stu-8", (), NOW)
    found = await backend.lti.people(tenant, "https://lms.test", ("s-1", "s-2", "s-3"))
    assert found == {"s-1": "stu-9", "s-2": "stu-8"}
    assert await backend.lti.people(other_tenant, "https://lms.test", ("s-1",)) == {}
    assert await backend.lti.people(tenant, "https://other.test", ("s-1",)) == {}


LAUNCH = Launch(
    issuer="https://lms.test",
    client_id="tool-1",
    deployment_id="d-1",
    sub="s-1",
    message_type="LtiDeepLinkingRequest",
    roles=("Instructor",),
    target_link_uri="https://tool.test/lti/launch",
    custom={"k": "v"},
    ags_scopes=("a", "b"),
    deep_link_return_url="https://lms.test/return",
    deep_link_accept_types=("ltiResourceLink",),
    deep_link_accept_multiple=False,
)


async def test_a_launch_is_kept_for_its_district_until_it_expires(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    kept = await backend.launches.keep(tenant, LAUNCH, NOW + timedelta(hours=1))
    assert await backend.launches.find(tenant, kept, NOW) == LAUNCH
    assert await backend.launches.find(other_tenant, kept, NOW) is None
    assert await backend.launches.find(tenant, kept, NOW + timedelta(hours=1)) is None
    assert await backend.launches.find(tenant, "not-kept", NOW) is None
