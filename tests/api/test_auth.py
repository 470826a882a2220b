"""OAuth 2.0 client credentials (RFC 6749 §4.4) and bearer-token checks (RFC 6750)."""

from __future__ import annotations

import base64
import re
from datetime import timedelta
from urllib.parse import quote

import httpx
import jwt
import pytest

from app.api.app import create_app
from app.bootstrap import Container
from app.domain.access import Principal, Scope, Tenant, granting
from tests.api.gradebook_data import GRADEBOOK
from tests.api.public_operations import PUBLIC
from tests.conftest import TEST_SECRET, token_for

# Any valid token of the tenant may ask; the use case checks the scope each job was started
# with (a list shows only the jobs the caller's scopes could have started).
TOKEN_ONLY = {("GET", "/v1/jobs/{id}"), ("GET", "/v1/jobs")}


def _basic(client_id: str, secret: str) -> dict[str, str]:
    raw = f"{quote(client_id, safe='')}:{quote(secret, safe='')}".encode()
    return {"Authorization": "Basic " + base64.b64encode(raw).decode()}


@pytest.fixture
async def credentials(container: Container, tenant: Tenant) -> tuple[str, str]:
    created = await container.use_cases.access.create_client(
        tenant_slug=tenant.slug, scopes="roster:read roster:write"
    )
    return created.client_id, created.client_secret


async def test_basic_authentication_gives_a_working_bearer_token(
    http: httpx.AsyncClient, credentials: tuple[str, str], tenant: Tenant
) -> None:
    response = await http.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, headers=_basic(*credentials)
    )
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert body["scope"] == "roster:read roster:write"
    claims = jwt.decode(
        body["access_token"], TEST_SECRET, algorithms=["HS256"], options={"verify_iss": False}
    )
    assert claims["tid"] == tenant.id
    assert claims["exp"] - claims["iat"] == 3600
    used = await http.get("/v1/orgs", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert used.status_code == 200


async def test_form_authentication_and_scope_narrowing(
    http: httpx.AsyncClient, credentials: tuple[str, str]
) -> None:
    client_id, secret = credentials
    response = await http.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": "roster:read",
        },
    )
    assert response.status_code == 200
    token = response.json()["access_token"]
    assert response.json()["scope"] == "roster:read"
    auth = {"Authorization": f"Bearer {token}"}
    assert (await http.get("/v1/orgs", headers=auth)).status_code == 200
    denied = await http.put("/v1/orgs/o-1", json={"name": "x", "type": "school"}, headers=auth)
    assert denied.status_code == 403


async def test_wrong_secret_is_invalid_client_with_a_basic_challenge(
    http: httpx.AsyncClient, credentials: tuple[str, str]
) -> None:
    response = await http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        headers=_basic(credentials[0], "wrong"),
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert response.headers["www-authenticate"] == 'Basic realm="mastery"'


async def test_unknown_client_is_invalid_client(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": "nobody", "client_secret": "x"},
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


@pytest.mark.parametrize(
    ("data", "status", "error"),
    [
        ({}, 400, "invalid_request"),
        ({"grant_type": "password"}, 400, "unsupported_grant_type"),
        ({"grant_type": "client_credentials", "scope": "admin"}, 400, "invalid_scope"),
        ({"grant_type": "client_credentials", "scope": "teleport"}, 400, "invalid_scope"),
    ],
)
async def test_token_request_errors_follow_rfc_6749(
    http: httpx.AsyncClient,
    credentials: tuple[str, str],
    data: dict[str, str],
    status: int,
    error: str,
) -> None:
    response = await http.post("/oauth/token", data=data, headers=_basic(*credentials))
    assert response.status_code == status
    body = response.json()
    assert body["error"] == error
    assert body["status"] == status  # the RFC 9457 fields ride along
    assert body["error_description"]


async def test_two_authentication_methods_at_once_are_refused(
    http: httpx.AsyncClient, credentials: tuple[str, str]
) -> None:
    response = await http.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": credentials[0],
            "client_secret": credentials[1],
        },
        headers=_basic(*credentials),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


async def test_a_revoked_or_rotated_secret_stops_working(
    http: httpx.AsyncClient, container: Container, credentials: tuple[str, str]
) -> None:

    rotated = await container.use_cases.access.rotate_client_secret(client_id=credentials[0])
    old = await http.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, headers=_basic(*credentials)
    )
    assert old.status_code == 401
    new = await http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        headers=_basic(credentials[0], rotated.client_secret),
    )
    assert new.status_code == 200


def _protected_routes() -> list[tuple[str, str, list[str]]]:
    """Every operation of the app, read from its OpenAPI document, with the scopes it declares.
    An operation that is neither public nor declares a scope fails the test below."""
    app = create_app(use_cases=object(), max_body_bytes=1024)  # type: ignore[arg-type]
    found = []
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            if (method.upper(), path) in PUBLIC:
                continue
            scopes = [s for req in operation.get("security", []) for s in req.get("OAuth2", [])]
            found.append((method.upper(), path, scopes))
    return sorted(found)


ROUTES = _protected_routes()


def _url(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "anything", path)


@pytest.mark.parametrize(
    ("method", "path", "scopes"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES]
)
async def test_every_protected_route_demands_a_token_and_its_scope(
    http: httpx.AsyncClient,
    container: Container,
    tenant: Tenant,
    method: str,
    path: str,
    scopes: list[str],
) -> None:
    assert scopes or (method, path) in TOKEN_ONLY, f"{method} {path} declares no scope"
    missing = await http.request(method, _url(path))
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == 'Bearer realm="mastery"'
    # The standards' endpoints answer in the standard's own shape; the others problem+json.
    # The gradebook's both sides: the consumer, and the provider under /provider.
    if path.removeprefix("/provider").startswith(GRADEBOOK):
        _assert_status_info(missing, "unauthorisedrequest")
    elif path.startswith("/ims/case/"):
        # CASE's imsx_StatusInfo as JSON (with the problem fields beside it).
        assert missing.headers["content-type"] == "application/json"
    else:
        assert missing.headers["content-type"] == "application/problem+json"

    garbage = await http.request(method, _url(path), headers={"Authorization": "Bearer nope"})
    assert garbage.status_code == 401
    assert 'error="invalid_token"' in garbage.headers["www-authenticate"]

    if not scopes:
        return
    needed = {Scope(s) for s in scopes}
    others = frozenset(Scope).difference(*(granting(s) for s in needed))
    token = token_for(container, tenant, others)
    denied = await http.request(method, _url(path), headers={"Authorization": f"Bearer {token}"})
    assert denied.status_code == 403
    assert 'error="insufficient_scope"' in denied.headers["www-authenticate"]
    if path.removeprefix("/provider").startswith(GRADEBOOK):
        _assert_status_info(denied, "forbidden")
    else:
        assert denied.json()["type"] == "/problems/insufficient-scope"


def _assert_status_info(response: httpx.Response, code: str) -> None:
    """OneRoster's imsx_StatusInfo with this code minor."""
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert (body["imsx_codeMajor"], body["imsx_severity"]) == ("failure", "error")
    minor = body["imsx_CodeMinor"]["imsx_codeMinorField"]
    assert [f["imsx_codeMinorFieldValue"] for f in minor] == [code]


async def test_an_expired_token_is_refused(
    http: httpx.AsyncClient, container: Container, tenant: Tenant
) -> None:
    issued_at = container.adapters.clock.now() - timedelta(hours=2)
    principal = Principal("c", tenant.id, tenant.slug, frozenset({Scope.ROSTER_READ}))
    token = container.adapters.tokens.issue(principal, issued_at, 3600)
    response = await http.get("/v1/orgs", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert response.json()["detail"] == "The access token has expired"


async def test_a_token_signed_with_another_key_is_refused(
    http: httpx.AsyncClient, tenant: Tenant
) -> None:
    forged = jwt.encode(
        {
            "iss": "mastery-service",
            "sub": "c",
            "tid": tenant.id,
            "scope": "admin",
            "exp": 4_102_444_800,
            "iat": 0,
        },
        "another-key-another-key-another-key-0",
        algorithm="HS256",
    )
    response = await http.get("/v1/orgs", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401
