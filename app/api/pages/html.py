"""Our pages' HTML, from the templates beside this module, and the headers they are sent with."""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path
from string import Template

from fastapi.responses import HTMLResponse

from app.api.pages.assets import own

TEMPLATES = Path(__file__).with_name("templates")

# Every page loads only this app's files: the browser itself then refuses a script, style, font
# or connection to another host, so a CDN reference slipped into a page fails in every test
# that opens it instead of reaching the district's firewall. Inline styles stay allowed: ReDoc
# and GraphiQL's editors set styles at run time; inline scripts do not.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def render(name: str, **urls: str) -> str:
    """The template filled with (escaped) URLs; a placeholder without a value is a KeyError."""
    values = {key: escape(value) for key, value in urls.items()}
    return _template(name).substitute(favicon=escape(own("favicon.svg")), **values)


def page(html: str) -> HTMLResponse:
    return HTMLResponse(html, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})
