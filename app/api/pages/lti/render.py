"""How an LTI page is answered: Jinja2 templates (autoescaped), the page session read from the
`session` query parameter or a bearer header, and the headers that let only the launching
platform frame the page and keep the session out of caches and Referer headers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from app.domain.lti.session import PageSession

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")
STATIC_PATH = "/lti/static"

# An origin as the launch records it; anything else never reaches a header.
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?")


def content_security_policy(session: PageSession | None, ancestors: str | None = None) -> str:
    """No script at all (the pages read without one), our own styles and images, and framing
    by ourselves and the platform that launched the page. A page without a session (the one
    saying to open it from the LMS again) shows nothing and does nothing, and must show in any
    platform's frame: it is the only one any origin may frame. `ancestors` overrides that choice
    (a page the API serves to a client token is framed by nobody)."""
    if ancestors is None:
        ancestors = "'self'" if session is not None else "*"
    origin = session.frame_origin if session is not None else None
    if origin and _ORIGIN.fullmatch(origin):
        ancestors += f" {origin}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'none'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            f"frame-ancestors {ancestors}",
        ]
    )


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["standing_html"] = standing_html
    return environment


def standing_html(standing: Any) -> Markup:
    """macros.html's `standing` for a grid cell, rendered once per status and words: a class
    grid of 35 x 44 cells called the macro 3,000 times a page, most of its rendering time
    (bench/RESULTS.md, LTI section), for four or five different answers."""
    return _standing(standing.status, standing.words)


@cache
def _standing(status: Any, words: str) -> Markup:
    macro = _environment().get_template("macros.html").module.standing  # type: ignore[attr-defined]
    return Markup(macro(SimpleNamespace(status=status, words=words)))


@dataclass(frozen=True)
class Viewer:
    """Who a page is for: the session, the token its links carry, the district's name."""

    session: PageSession
    token: str
    district: str


def token_of(request: Request) -> str | None:
    """The page session's token: the `session` parameter, else an `Authorization: Bearer`."""
    given = request.query_params.get("session")
    if given:
        return given
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return credentials.strip() or None if scheme.lower() == "bearer" else None


def link(path: str, token: str, **params: str | None) -> str:
    """A link to one of the pages, carrying the session (and only the parameters given)."""
    query = {"session": token, **{k: v for k, v in params.items() if v is not None}}
    return f"{path}?{urlencode(query)}"


def html_page(
    template: str, status: int = 200, viewer: Viewer | None = None, **context: Any
) -> HTMLResponse:
    token = viewer.token if viewer else ""
    session = viewer.session if viewer else None
    # A page without a session (the API's) may name the district itself.
    district = context.pop("district", None) or (viewer.district if viewer else "Mastery Service")
    body = (
        _environment()
        .get_template(template)
        .render(
            session=session,
            token=token,
            district=district,
            css=f"{STATIC_PATH}/lti.css",
            link=lambda path, **params: link(path, token, **params),
            **context,
        )
    )
    return HTMLResponse(body, status_code=status, headers=page_headers(session))


def page_headers(session: PageSession | None) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(session),
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    }
