"""A started app has worked out every route before its first request (app/api/route_warm_up.py):
no request after the lifespan's start makes FastAPI build a route's state. Counted where FastAPI
builds it, so the test fails if FastAPI moves that work (then the warm-up needs a look too)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI, routing

from app.api.app import create_app

# Operations from the first router to the last: GraphQL first, the OneRoster and LTI routes late.
PATHS = (
    ("POST", "/graphql"),
    ("GET", "/healthz"),
    ("GET", "/v1/orgs"),
    ("GET", "/v1/students/s-1/mastery"),
    ("GET", "/ims/oneroster/gradebook/v1p2/categories"),
    ("GET", "/lti/jwks"),
    ("GET", "/nowhere"),
)


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the routes whose state FastAPI builds from now on."""
    found: list[str] = []
    original = routing._EffectiveRouteContext.from_api_route.__func__  # type: ignore[attr-defined]

    def counted(cls: Any, **kw: Any) -> Any:
        found.append(kw["original_route"].path)
        return original(cls, **kw)

    monkeypatch.setattr(routing._EffectiveRouteContext, "from_api_route", classmethod(counted))
    return found


@pytest.fixture
def app() -> FastAPI:
    return create_app(use_cases=object(), max_body_bytes=1024)  # type: ignore[arg-type]


def _api_routes(routes: list[Any]) -> list[str]:
    """The paths of every API route, through the routers the app includes."""
    found: list[str] = []
    for route in routes:
        if isinstance(route, routing.APIRoute):
            found.append(route.path)
        elif (included := getattr(route, "original_router", None)) is not None:
            found += _api_routes(included.routes)
    return found


async def _ask_each(app: FastAPI) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        for method, path in PATHS:
            await client.request(method, path)


async def test_without_a_start_the_first_requests_build_every_routes_state(
    app: FastAPI, built: list[str]
) -> None:
    await _ask_each(app)
    assert sorted(built) == sorted(_api_routes(app.router.routes))


async def test_after_the_start_no_request_builds_a_routes_state(
    app: FastAPI, built: list[str]
) -> None:
    async with app.router.lifespan_context(app):
        started = len(built)
        await _ask_each(app)
    assert sorted(built[:started]) == sorted(_api_routes(app.router.routes))
    assert built[started:] == []
