"""The ASGI apps of the tests: an app per configuration, reused from test to test with the
test's use cases and fresh rate limits put in its state (the `http` fixture's, and those of
tests that wire their own use cases: a fake clock, a fake platform, an outbound client).
FastAPI works out each route's parameters and models the first time the route is matched
(about 4 ms a route): an app made for each test spent a third to a half of the test's time
there (docs/decisions/0068). The app reads its use cases and rate limits from its state at each
request, so an app reused reads exactly the test's own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI

from app.api.app import create_app
from app.api.rate_limits import TokenRateLimits
from app.use_cases.catalog import UseCases

# Apps not in use, by configuration: an app is lent to one block at a time, so two blocks open
# at once (two tenants' tools, say) never share one.
_IDLE: dict[tuple[tuple[str, Any], ...], list[FastAPI]] = {}


@contextmanager
def app_over(
    use_cases: UseCases, *, token_limits: TokenRateLimits | None = None, **config: Any
) -> Iterator[FastAPI]:
    """An app with these use cases and fresh rate limits (or these) for the block; `config` is
    create_app's."""
    idle = _IDLE.setdefault(tuple(sorted(config.items())), [])
    app = idle.pop() if idle else create_app(use_cases=use_cases, **config)
    app.state.use_cases = use_cases
    app.state.token_limits = token_limits or TokenRateLimits()
    try:
        yield app
    finally:
        idle.append(app)
