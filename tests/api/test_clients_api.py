"""/v1/clients for a tenant's administrators, revocation through the real app on both databases,
and the token endpoint's rate limits."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest

from app.adapters.security.standing import CachedClientStanding
from app.api.app import create_app
from app.api.rate_limits import TokenRateLimits
from app.bootstrap import Container, wire
from app.domain.access import Scope
from tests.conftest import Api, _no_server_errors, token_for

WINDOW = 0.2


@pytest.fixture
async def quick(container: Container, api: Api) -> AsyncIterator[Api]:
    """The tenant's admin, on an app whose client standing is cached for WINDOW seconds."""
    standing = CachedClientStanding(container.adapters.directory, ttl_seconds=WINDOW)
    use_cases = wire(replace(container.adapters, standing=standing), container.policy)
    app = create_app(use_cases=use_cases)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://test",
        event_hooks={"response": [_no_server_errors]},
    ) as http:
        yield Api(http, api.tenant, api.token)


async def _token(http: httpx.AsyncClient, client_id: str, secret: str) -> httpx.Response:
    return await http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )


async def _bearer(http: httpx.AsyncClient, client_id: str, secret: str) -> dict[str, str]:
    issued = await _token(http, client_id, secret)
    assert issued.status_code == 200, issued.text
    return {"Authorization": f"Bearer {issued.json()['access_token']}"}


async def test_an_admin_creates_lists_and_reads_its_clients(api: Api, other_api: Api) -> None:
    created = await api.post("/v1/clients", json={"scope": "roster:read", "name": "SIS"})
    assert created.status_code == 201
    body = created.json()
    assert body["scope"] == "roster:read"
    assert len(body["client_secret"]) == 43
    listed = (await api.get("/v1/clients")).json()
    mine = [c for c in listed if c["client_id"] == body["client_id"]]
    assert [(c["name"], c["scope"], c["disabled_at"]) for c in mine] == [
        ("SIS", "roster:read", None)
    ]
    assert "client_secret" not in mine[0]
    assert body["client_id"] not in {
        c["client_id"] for c in (await other_api.get("/v1/clients")).json()
    }
    for method, path in (
        ("GET", f"/v1/clients/{body['client_id']}"),
        ("POST", f"/v1/clients/{body['client_id']}/rotate"),
        ("POST", f"/v1/clients/{body['client_id']}/disable"),
        ("DELETE", f"/v1/clients/{body['client_id']}"),
    ):
        foreign = await other_api.request(method, path)
        assert foreign.status_code == 404, (method, path)
        assert foreign.headers["content-type"] == "application/problem+json"
    assert (await api.get(f"/v1/clients/{body['client_id']}")).json()["name"] == "SIS"


async def test_bad_client_requests_answer_every_problem(api: Api) -> None:
    bad = await api.post("/v1/clients", json={"scope": "roster:read teleport fly"})
    assert bad.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"
    assert [e["msg"].split(";")[0] for e in bad.json()["errors"]] == [
        "unknown scope 'teleport'",
        "unknown scope 'fly'",
    ]
    empty = await api.post("/v1/clients", json={"scope": "", "name": ""})
    assert empty.status_code == 422
    assert {tuple(e["loc"]) for e in empty.json()["errors"]} == {
        ("body", "scope"),
        ("body", "name"),
    }


async def test_clients_are_for_admins_only(
    api: Api, container: Container, http: httpx.AsyncClient
) -> None:
    everything_else = frozenset(Scope) - {Scope.ADMIN}
    token = token_for(container, api.tenant, everything_else)
    denied = await http.get("/v1/clients", headers={"Authorization": f"Bearer {token}"})
    assert denied.status_code == 403


@pytest.mark.parametrize("how", ["rotate", "disable", "delete"])
async def test_a_revoked_clients_token_answers_401_within_the_window(quick: Api, how: str) -> None:
    made = (await quick.post("/v1/clients", json={"scope": "roster:read"})).json()
    auth = await _bearer(quick.http, made["client_id"], made["client_secret"])
    assert (await quick.http.get("/v1/orgs", headers=auth)).status_code == 200
    if how == "delete":
        done = await quick.delete(f"/v1/clients/{made['client_id']}")
        assert done.status_code == 204
    else:
        done = await quick.post(f"/v1/clients/{made['client_id']}/{how}")
        assert done.status_code == 200
    await asyncio.sleep(WINDOW * 1.5)
    refused = await quick.http.get("/v1/orgs", headers=auth)
    assert refused.status_code == 401
    assert refused.json()["detail"] == "The access token has been revoked"
    assert 'error="invalid_token"' in refused.headers["www-authenticate"]
    again = await _token(quick.http, made["client_id"], made["client_secret"])
    assert again.status_code == 401
    if how == "rotate":
        fresh = await _bearer(quick.http, made["client_id"], done.json()["client_secret"])
        assert (await quick.http.get("/v1/orgs", headers=fresh)).status_code == 200
    if how == "disable":
        assert done.json()["disabled_at"] is not None


async def _limited(limits: TokenRateLimits, container: Container) -> httpx.AsyncClient:
    app = create_app(use_cases=container.use_cases, token_limits=limits)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_too_many_token_requests_for_one_client_id_answer_429(
    container: Container, api: Api
) -> None:
    made = (await api.post("/v1/clients", json={"scope": "roster:read"})).json()
    async with await _limited(TokenRateLimits(per_client=2, per_address=100), container) as http:
        assert (await _token(http, made["client_id"], "wrong")).status_code == 401
        assert (await _token(http, made["client_id"], made["client_secret"])).status_code == 200
        refused = await _token(http, made["client_id"], made["client_secret"])
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 60
        assert refused.json()["error"] == "temporarily_unavailable"
        assert refused.headers["cache-control"] == "no-store"
        # Basic authentication counts against the same client id.
        raw = base64.b64encode(f"{made['client_id']}:{made['client_secret']}".encode()).decode()
        basic = await http.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            headers={"Authorization": f"Basic {raw}"},
        )
        assert basic.status_code == 429
        # Another client id is not held back by this one's attempts.
        assert (await _token(http, "someone-else", "x")).status_code == 401


async def test_too_many_token_requests_from_one_address_answer_429(container: Container) -> None:
    async with await _limited(TokenRateLimits(per_client=100, per_address=3), container) as http:
        answers = [(await _token(http, f"guess-{i}", "x")).status_code for i in range(4)]
    assert answers == [401, 401, 401, 429]
