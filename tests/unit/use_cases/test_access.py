"""Districts, clients and tokens on fakes: the secret is shown once and kept only hashed, a
token carries the client's scopes or fewer, and a wrong secret earns nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.bootstrap import Policy
from app.domain.access import Principal, Scope, ScopeNotGranted
from app.domain.errors import Conflict, Invalid, NotFound, Problem, Unauthorized
from app.use_cases.access import ClientCredentials
from app.use_cases.catalog import UseCases
from tests.fakes.clock import START
from tests.fakes.wiring import FakeAdapters

WRITE_AND_READ = frozenset({Scope.EVIDENCE_WRITE, Scope.MASTERY_READ})


@pytest.fixture
async def client(use_cases: UseCases) -> ClientCredentials:
    await use_cases.access.create_tenant(slug="lakeside", name="Lakeside District")
    return await use_cases.access.create_client(
        tenant_slug="lakeside", scopes="evidence:write mastery:read", name="LMS"
    )


async def test_a_district_is_registered_once(fakes: FakeAdapters, use_cases: UseCases) -> None:
    tenant = await use_cases.access.create_tenant(slug="lakeside")
    assert (tenant.slug, tenant.name, tenant.created_at) == ("lakeside", "lakeside", START)
    assert await use_cases.access.tenant_by_slug("lakeside") == tenant
    with pytest.raises(Conflict) as taken:
        await use_cases.access.create_tenant(slug="lakeside")
    assert taken.value.problems == [Problem(("slug",), "taken")]
    with pytest.raises(Invalid):
        await use_cases.access.create_tenant(slug="Not A Slug")
    assert await use_cases.access.list_tenants() == [tenant]
    with pytest.raises(NotFound):
        await use_cases.access.tenant_by_slug("hillside")


async def test_a_clients_secret_is_shown_once_and_kept_hashed(
    fakes: FakeAdapters, client: ClientCredentials
) -> None:
    assert client == ClientCredentials("id-0001", "secret-0001", "lakeside", WRITE_AND_READ)
    stored = fakes.database.store.directory.clients["id-0001"]
    assert stored.secret_hash == "hashed:1000-terces"
    assert stored.secret_hash != client.client_secret
    assert (stored.name, stored.scopes, stored.tenant_id) == ("LMS", WRITE_AND_READ, 1)


async def test_a_token_carries_the_clients_scopes(
    fakes: FakeAdapters, use_cases: UseCases, client: ClientCredentials
) -> None:
    issued = await use_cases.access.issue_token(
        client_id=client.client_id, client_secret=client.client_secret, scope=None
    )
    assert (issued.access_token, issued.expires_in, issued.scopes) == (
        "token-1",
        3600,
        WRITE_AND_READ,
    )
    principal = await use_cases.access.authenticate(issued.access_token)
    assert principal == Principal("id-0001", 1, "lakeside", WRITE_AND_READ)  # type: ignore[arg-type]
    fakes.clock.advance(seconds=3600)
    with pytest.raises(Unauthorized, match="expired"):
        await use_cases.access.authenticate(issued.access_token)


async def test_a_token_may_carry_fewer_scopes_never_more(
    use_cases: UseCases, client: ClientCredentials
) -> None:
    narrow = await use_cases.access.issue_token(
        client_id=client.client_id, client_secret=client.client_secret, scope="mastery:read"
    )
    assert narrow.scopes == frozenset({Scope.MASTERY_READ})
    assert (await use_cases.access.authenticate(narrow.access_token)).scopes == narrow.scopes
    with pytest.raises(ScopeNotGranted) as refused:
        await use_cases.access.issue_token(
            client_id=client.client_id,
            client_secret=client.client_secret,
            scope="mastery:read admin",
        )
    assert refused.value.problems == [Problem(("scope",), "not granted to this client: admin")]
    with pytest.raises(Invalid, match="Unknown scope"):
        await use_cases.access.issue_token(
            client_id=client.client_id, client_secret=client.client_secret, scope="everything"
        )


async def test_a_wrong_secret_earns_nothing(
    fakes: FakeAdapters, use_cases: UseCases, client: ClientCredentials
) -> None:
    for client_id, secret in (
        (client.client_id, "secret-0002"),
        (client.client_id, ""),
        ("id-9999", client.client_secret),
    ):
        with pytest.raises(Unauthorized, match="Client authentication failed"):
            await use_cases.access.issue_token(
                client_id=client_id, client_secret=secret, scope=None
            )
    assert fakes.tokens.issued == {}
    with pytest.raises(Unauthorized, match="not valid"):
        await use_cases.access.authenticate("token-from-elsewhere")


async def test_a_revoked_client_earns_nothing(
    fakes: FakeAdapters, use_cases: UseCases, client: ClientCredentials
) -> None:
    async with fakes.database.directory() as directory:
        stored = await directory.clients.get(client.client_id)
        assert stored is not None
        await directory.clients.save(replace(stored, revoked_at=START))
        await directory.commit()
    with pytest.raises(Unauthorized):
        await use_cases.access.issue_token(
            client_id=client.client_id, client_secret=client.client_secret, scope=None
        )


async def test_a_rotated_secret_replaces_the_old_one(
    use_cases: UseCases, client: ClientCredentials
) -> None:
    rotated = await use_cases.access.rotate_client_secret(client_id=client.client_id)
    assert rotated == ClientCredentials("id-0001", "secret-0002", "lakeside", WRITE_AND_READ)
    with pytest.raises(Unauthorized):
        await use_cases.access.issue_token(
            client_id=client.client_id, client_secret=client.client_secret, scope=None
        )
    issued = await use_cases.access.issue_token(
        client_id=client.client_id, client_secret="secret-0002", scope=None
    )
    assert issued.scopes == WRITE_AND_READ


async def test_a_client_needs_a_scope_and_a_district(use_cases: UseCases) -> None:
    await use_cases.access.create_tenant(slug="lakeside")
    with pytest.raises(Invalid) as empty:
        await use_cases.access.create_client(tenant_slug="lakeside", scopes=" ")
    assert empty.value.problems == [Problem(("scope",), "empty")]
    with pytest.raises(NotFound):
        await use_cases.access.create_client(tenant_slug="hillside", scopes="admin")


async def test_the_token_lifetime_is_the_policys(fakes: FakeAdapters) -> None:
    use_cases = fakes.use_cases(Policy(token_ttl_seconds=60))
    await use_cases.access.create_tenant(slug="lakeside")
    made = await use_cases.access.create_client(tenant_slug="lakeside", scopes="admin")
    issued = await use_cases.access.issue_token(
        client_id=made.client_id, client_secret=made.client_secret, scope=None
    )
    assert issued.expires_in == 60
    fakes.clock.advance(seconds=59)
    assert (await use_cases.access.authenticate(issued.access_token)).scopes == frozenset(
        {Scope.ADMIN}
    )
    fakes.clock.advance(seconds=1)
    with pytest.raises(Unauthorized):
        await use_cases.access.authenticate(issued.access_token)
