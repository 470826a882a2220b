"""Importing from another CASE provider: a fake provider in-process answers; unreachable or
failing providers are 502, refusals and non-CASE answers 422, each said clearly."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from tests.api.case_provider import api_fetching_through
from tests.case_packages import DOC, grade5

URL = f"https://provider.test/ims/case/v1p0/CFPackages/{DOC}"
IMPORT = "/v1/frameworks/import/case"
Handler = Callable[[httpx.Request], httpx.Response]


def raising(error: Exception, cause: Exception | None = None) -> Handler:
    """Fails as httpx does: its error raised from the operating system's, when there is one."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise error from cause

    return handler


def answering(status: int, body: bytes = b"", kind: str = "application/json") -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": kind})

    return handler


async def _import(
    container: Container, tenant: Tenant, handler: Handler, body: Any, **kw: Any
) -> httpx.Response:
    async with api_fetching_through(container, tenant, httpx.MockTransport(handler), **kw) as api:
        return await api.post(IMPORT, json=body)


async def test_a_package_is_fetched_from_the_provider_and_imported(
    container: Container, tenant: Tenant
) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json=grade5())

    response = await _import(container, tenant, handler, {"url": URL})
    assert response.status_code == 201, response.text
    assert seen == [URL]
    assert response.json()["framework_id"] == DOC
    assert len(response.json()["added"]) == 10


async def test_oauth_client_credentials_are_used_for_a_provider_that_needs_them(
    container: Container, tenant: Tenant
) -> None:
    basic = "Basic " + base64.b64encode(b"our-client:our-secret").decode()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            form = dict(x.split("=") for x in request.content.decode().split("&"))
            if request.headers.get("authorization") != basic:
                return httpx.Response(401, json={"error": "invalid_client"})
            assert form == {"grant_type": "client_credentials", "scope": "case.read"}
            return httpx.Response(200, json={"access_token": "t0k", "token_type": "Bearer"})
        if request.headers.get("authorization") != "Bearer t0k":
            return httpx.Response(401)
        return httpx.Response(200, json=grade5())

    auth = {
        "token_url": "https://provider.test/oauth/token",
        "client_id": "our-client",
        "client_secret": "our-secret",
        "scope": "case.read",
    }
    good = await _import(container, tenant, handler, {"url": URL, "auth": auth})
    assert good.status_code == 201, good.text
    wrong = {**auth, "client_secret": "wrong"}
    refused = await _import(container, tenant, handler, {"url": URL, "auth": wrong})
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"loc": ["body", "auth"], "msg": "the token endpoint answered invalid_client"}
    ]
    anonymous = await _import(container, tenant, handler, {"url": URL})
    assert anonymous.json()["errors"] == [
        {"loc": ["body", "auth"], "msg": "the provider answered 401; check the credentials"}
    ]


@pytest.mark.parametrize(
    ("handler", "detail"),
    [
        (
            raising(
                httpx.ConnectError("All connection attempts failed"),
                ConnectionRefusedError(111, "Connect call failed"),
            ),
            "The CASE provider at provider.test could not be reached: connection refused",
        ),
        (
            raising(httpx.ReadTimeout("timed out")),
            "The CASE provider at provider.test did not answer within 5 seconds",
        ),
        (answering(503), "The CASE provider at provider.test failed (503)"),
    ],
    ids=["unreachable", "timeout", "failing"],
)
async def test_an_unreachable_or_failing_provider_is_a_bad_gateway(
    container: Container, tenant: Tenant, handler: Handler, detail: str
) -> None:
    response = await _import(container, tenant, handler, {"url": URL})
    assert response.status_code == 502
    assert response.headers["content-type"] == "application/problem+json"
    assert (response.json()["type"], response.json()["detail"]) == (
        "/problems/source-unavailable",
        detail,
    )
    async with api_fetching_through(container, tenant, httpx.MockTransport(handler)) as api:
        assert (await api.get("/v1/frameworks")).json()["items"] == []


@pytest.mark.parametrize(
    ("handler", "body", "errors"),
    [
        (
            answering(404),
            {"url": URL},
            [{"loc": ["body", "url"], "msg": "the provider answered 404: no package at this URL"}],
        ),
        (
            answering(200, b"<html>Sign in</html>", "text/html; charset=utf-8"),
            {"url": URL},
            [
                {
                    "loc": ["body", "url"],
                    "msg": "the answer is text/html; charset=utf-8, not a CASE package",
                }
            ],
        ),
        (
            answering(200, json.dumps({"error": "nope"}).encode()),
            {"url": URL},
            [
                {
                    "loc": ["package", "CFDocument"],
                    "msg": "is required: the package's CFDocument object",
                }
            ],
        ),
        (
            answering(200, b"{" + b" " * 2000 + b"}"),
            {"url": URL},
            [{"loc": ["body", "url"], "msg": "the answer exceeds 1024 bytes"}],
        ),
        (
            answering(200),
            {"url": "ftp://provider.test/package.json"},
            [
                {
                    "loc": ["body", "url"],
                    "msg": "provider.test: only http and https URLs are fetched",
                }
            ],
        ),
    ],
    ids=["not-found", "not-json", "not-a-package", "too-large", "not-http"],
)
async def test_a_refusal_or_an_answer_that_is_no_package_is_unprocessable(
    container: Container, tenant: Tenant, handler: Handler, body: Any, errors: list[Any]
) -> None:
    response = await _import(container, tenant, handler, body, max_bytes=1024)
    assert response.status_code == 422, response.text
    assert response.json()["errors"] == errors


async def test_a_provider_request_with_a_malformed_body_is_a_validation_error(
    container: Container, tenant: Tenant
) -> None:
    response = await _import(container, tenant, answering(200), {"url": URL, "auth": {"x": 1}})
    assert response.status_code == 422
    locs = [e["loc"] for e in response.json()["errors"]]
    assert locs == [
        ["body", "auth", "token_url"],
        ["body", "auth", "client_id"],
        ["body", "auth", "client_secret"],
        ["body", "auth", "x"],
    ]


async def test_the_token_goes_to_the_package_url_and_no_other_origin(
    container: Container, tenant: Tenant
) -> None:
    seen: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("authorization")))
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "t0k", "token_type": "Bearer"})
        if request.url.host == "provider.test":
            return httpx.Response(302, headers={"Location": "https://mirror.test/package"})
        return httpx.Response(200, json=grade5())

    auth = {
        "token_url": "https://provider.test/oauth/token",
        "client_id": "c",
        "client_secret": "s",
    }
    response = await _import(container, tenant, handler, {"url": URL, "auth": auth})
    assert response.status_code == 201, response.text
    assert [(url, header and header.split()[0]) for url, header in seen] == [
        ("https://provider.test/oauth/token", "Basic"),
        (URL, "Bearer"),
        ("https://mirror.test/package", None),  # the redirect to another origin drops the token
    ]


@pytest.mark.parametrize(
    ("answer", "msg"),
    [
        (
            httpx.Response(307, headers={"Location": "https://collector.test/token"}),
            "the token endpoint answered 307",  # a token request is never redirected
        ),
        (
            httpx.Response(400, json={"error": "<b>internal detail</b>"}),
            "the token endpoint answered 400",  # only RFC 6749's error codes are repeated
        ),
    ],
    ids=["redirected", "unregistered-error"],
)
async def test_a_token_endpoint_answer_is_named_by_status_not_repeated(
    container: Container, tenant: Tenant, answer: httpx.Response, msg: str
) -> None:
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        return answer

    auth = {
        "token_url": "https://provider.test/oauth/token",
        "client_id": "c",
        "client_secret": "s",
    }
    response = await _import(container, tenant, handler, {"url": URL, "auth": auth})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"loc": ["body", "auth"], "msg": msg}]
    assert hosts == ["provider.test"]
