"""Clients administered and revoked, on fakes: rotating, disabling or deleting a client stops its
tokens once the cached standing is older than the revocation window, another tenant's client is
not found, and an unknown client id costs the same hash check as a known one."""

from __future__ import annotations

import pytest

from app.bootstrap import Policy
from app.domain.access import Scope, TenantId
from app.domain.errors import NotFound, Problem, Unauthorized
from app.use_cases.access import ClientCredentials
from app.use_cases.catalog import UseCases
from tests.fakes.clock import START
from tests.fakes.wiring import FakeAdapters

WINDOW = 5.0


@pytest.fixture
def fakes() -> FakeAdapters:
    return FakeAdapters(standing_seconds=WINDOW)


@pytest.fixture
async def client(use_cases: UseCases) -> ClientCredentials:
    await use_cases.access.create_tenant(slug="lakeside")
    await use_cases.access.create_tenant(slug="hillside")
    return await use_cases.access.create_client(tenant_slug="lakeside", scopes="roster:read")


async def _token(use_cases: UseCases, credentials: ClientCredentials) -> str:
    issued = await use_cases.access.issue_token(
        client_id=credentials.client_id, client_secret=credentials.client_secret, scope=None
    )
    return issued.access_token


async def test_a_rotated_clients_old_tokens_stop_within_the_window(
    fakes: FakeAdapters, use_cases: UseCases, client: ClientCredentials
) -> None:
    old = await _token(use_cases, client)
    assert (await use_cases.access.authenticate(old)).client_version == 0
    rotated = await use_cases.access.rotate_client_secret(client_id=client.client_id)
    # The standing read at the first call is still within its window: the old token holds.
    fakes.clock.advance(seconds=WINDOW - 1)
    assert (await use_cases.access.authenticate(old)).client_id == client.client_id
    fakes.clock.advance(seconds=1)
    with pytest.raises(Unauthorized, match="revoked"):
        await use_cases.access.authenticate(old)
    new = await _token(use_cases, rotated)
    assert (await use_cases.access.authenticate(new)).client_version == 1


@pytest.mark.parametrize("how", ["disable", "delete"])
async def test_a_disabled_or_deleted_clients_tokens_stop_and_it_gets_no_new_ones(
    fakes: FakeAdapters, use_cases: UseCases, client: ClientCredentials, how: str
) -> None:
    token = await _token(use_cases, client)
    await use_cases.access.authenticate(token)  # caches the standing
    if how == "disable":
        disabled = await use_cases.access.disable_client(client_id=client.client_id)
        assert (disabled.revoked_at, disabled.token_version) == (START, 1)
    else:
        await use_cases.access.delete_client(client_id=client.client_id)
        assert fakes.database.store.directory.clients == {}
    fakes.clock.advance(seconds=WINDOW)
    with pytest.raises(Unauthorized, match="revoked"):
        await use_cases.access.authenticate(token)
    with pytest.raises(Unauthorized, match="Client authentication failed"):
        await _token(use_cases, client)


async def test_with_no_window_every_call_sees_the_revocation(
    fakes: FakeAdapters, client: ClientCredentials
) -> None:
    use_cases = FakeAdapters(database=fakes.database, standing_seconds=0).use_cases(Policy())
    token = await _token(use_cases, client)
    await use_cases.access.authenticate(token)
    await use_cases.access.disable_client(client_id=client.client_id)
    with pytest.raises(Unauthorized, match="revoked"):
        await use_cases.access.authenticate(token)


async def test_the_standing_is_asked_of_the_directory_once_per_window(
    fakes: FakeAdapters, use_cases: UseCases, client: ClientCredentials
) -> None:
    token = await _token(use_cases, client)
    before = len(fakes.database.directories)
    for _ in range(3):
        await use_cases.access.authenticate(token)
    assert len(fakes.database.directories) == before + 1
    fakes.clock.advance(seconds=WINDOW)
    await use_cases.access.authenticate(token)
    assert len(fakes.database.directories) == before + 2


async def test_a_tenants_clients_are_listed_and_another_tenants_are_not_found(
    use_cases: UseCases, client: ClientCredentials
) -> None:
    lakeside = await use_cases.access.tenant_by_slug("lakeside")
    hillside = await use_cases.access.tenant_by_slug("hillside")
    listed = await use_cases.access.list_clients(tenant=lakeside.id)
    assert [(c.client_id, c.scopes) for c in listed] == [
        (client.client_id, frozenset({Scope.ROSTER_READ}))
    ]
    assert await use_cases.access.list_clients(tenant=hillside.id) == []
    missing = [Problem(("client_id",), "no such client")]
    for act in (
        use_cases.access.client(client.client_id, tenant=hillside.id),
        use_cases.access.rotate_client_secret(client_id=client.client_id, tenant=hillside.id),
        use_cases.access.disable_client(client_id=client.client_id, tenant=hillside.id),
        use_cases.access.delete_client(client_id=client.client_id, tenant=hillside.id),
        use_cases.access.client("id-9999", tenant=TenantId(lakeside.id)),
    ):
        with pytest.raises(NotFound) as refused:
            await act
        assert refused.value.problems == missing
    assert (await use_cases.access.client(client.client_id)).token_version == 0


async def test_an_unknown_client_id_is_checked_against_a_hash_like_a_known_one(
    fakes: FakeAdapters, use_cases: UseCases, client: ClientCredentials
) -> None:
    with pytest.raises(Unauthorized):
        await use_cases.access.issue_token(client_id="nobody", client_secret="guess", scope=None)
    with pytest.raises(Unauthorized):
        await use_cases.access.issue_token(
            client_id=client.client_id, client_secret="guess", scope=None
        )
    with pytest.raises(Unauthorized):
        await use_cases.access.issue_token(client_id="nobody-2", client_secret="x", scope=None)
    # One verification per attempt: the unknown ids against one dummy hash, the known one
    # against its own.
    dummy = "hashed:" + "no such client"[::-1]
    assert fakes.hasher.verified == [dummy, "hashed:1000-terces", dummy]
