"""Where clients reach the service: the configured public base URL (MASTERY_PUBLIC_BASE_URL),
never the request's Host header, which any client can set (a served CASE URI once copied it)."""

from __future__ import annotations

from starlette.requests import Request


def public_base(request: Request) -> str:
    """The public base URL, without a trailing slash."""
    base: str = request.app.state.public_base_url
    return base


def public_url(request: Request, **query: str | int) -> str:
    """The request's own path (and query, with `query` replacing some of its parameters) under
    the public base URL."""
    url = request.url.include_query_params(**query) if query else request.url
    return public_base(request) + url.path + (f"?{url.query}" if url.query else "")
