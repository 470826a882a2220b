"""Unexpected failures still answer problem+json, with a correlation id and no internals."""

from __future__ import annotations

import httpx
from fastapi import APIRouter

from app.api.app import create_app
from app.bootstrap import Container


async def test_an_unexpected_error_is_a_500_problem_without_internals(
    container: Container,
) -> None:
    app = create_app(use_cases=container.use_cases)
    broken = APIRouter()

    @broken.get("/broken")
    async def explode() -> None:
        raise RuntimeError("secret internals")

    app.include_router(broken)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/broken", headers={"X-Request-ID": "trace-me"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 500
    assert body["request_id"] == "trace-me"
    assert "secret internals" not in response.text


async def test_unknown_paths_and_methods_are_problems(http: httpx.AsyncClient) -> None:
    missing = await http.get("/v1/nothing-here")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    wrong = await http.post("/healthz")
    assert wrong.status_code == 405
    assert wrong.json()["status"] == 405


async def test_health_and_readiness(http: httpx.AsyncClient) -> None:
    assert (await http.get("/healthz")).json() == {"status": "ok"}
    ready = await http.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready"}
