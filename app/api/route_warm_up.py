"""Every route worked out before the first request.

FastAPI works out a route's parameters, bodies and response models (pydantic adapters) the
first time a request is matched against it: about 4 ms a route, some 0.3 s for the whole API.
A server just started, and each of `mastery serve --workers N`, answered its first requests
that much later, in the tail of every deployment. So the lifespan sends one request, for a
path no route serves, through the router before the server takes any: matching it visits, and
so works out, every route."""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Message

# No route serves it; a path outside every mounted prefix, so that every route is visited.
_NOWHERE = "/.mastery-route-warm-up"


async def work_out_routes(router: ASGIApp) -> None:
    """Match one request against every route of `router` (its answer, a 404, goes nowhere)."""
    # Without "app" in the scope, Starlette's router answers an unmatched path itself, with a
    # plain 404, instead of raising for the app's exception handlers.
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": _NOWHERE,
        "raw_path": _NOWHERE.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 0),
    }

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(_message: Message) -> None:
        return None

    await router(scope, receive, send)
