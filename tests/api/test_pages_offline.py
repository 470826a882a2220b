"""Every page the app serves to browsers loads only this app's files: district networks block
CDNs. Each page's scripts, styles, icons and fonts are local URLs, each answers 200 with its
content type and cache policy, and the browser is told (CSP) to refuse anything else."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from app.api.app import create_app
from app.api.pages.assets import STATIC
from app.bootstrap import Container

# The attributes through which a page makes the browser load something.
LOADING = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")

# The pages, as a browser asks for them, and what each must load (worked out from the templates
# and the vendor manifest's versions).
PAGES = {
    "/graphql": {
        "/static/favicon.svg",
        "/static/vendor/graphiql-3.8.3/graphiql.min.css",
        "/static/pages.css",
        "/static/vendor/react-18.2.0/react.production.min.js",
        "/static/vendor/react-dom-18.2.0/react-dom.production.min.js",
        "/static/vendor/graphiql-3.8.3/graphiql.min.js",
        "/static/graphiql-host.js",
    },
    "/docs": {
        "/static/favicon.svg",
        "/static/vendor/swagger-ui-dist-5.35.0/swagger-ui.css",
        "/static/vendor/swagger-ui-dist-5.35.0/swagger-ui-bundle.js",
        "/static/swagger-host.js",
    },
    "/redoc": {
        "/static/favicon.svg",
        "/static/pages.css",
        "/static/vendor/redoc-2.5.4/redoc.standalone.js",
    },
}
# The LTI pages answer a page (401: open it from the LMS again) even without a page session;
# tests/api/lti_pages/test_lti_pages_offline.py checks what they load with one.
LTI_PAGES = {
    "/lti/pages/class",
    "/lti/pages/guardian",
    "/lti/pages/report-card",
    "/lti/pages/school",
    "/lti/pages/school.csv",
    "/lti/pages/student",
}
# The LTI launch flow's browser endpoints, whose bare GET is a 400 page saying what is missing;
# their pages (error, storage and registration pages) load nothing but /lti/storage.js and
# /lti/close.js, checked in tests/api/lti.
LTI_FLOW = {"/lti/login", "/lti/register"}
CONTENT_TYPES = {
    ".js": {"text/javascript", "application/javascript"},
    ".css": {"text/css"},
    ".svg": {"image/svg+xml"},
}


class _Loads(HTMLParser):
    """The URLs a page loads, and how many inline scripts it has."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if (tag, name) in LOADING and value:
                self.urls.append(value)
            if name == "style" and value:
                self.urls.extend(_css_urls(value))
        if tag == "script" and not dict(attrs).get("src"):
            self.inline_scripts += 1
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls.extend(_css_urls(data))


def _css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def loads(html: str) -> _Loads:
    parser = _Loads()
    parser.feed(html)
    return parser


def not_local(urls: list[str]) -> list[str]:
    """The URLs that would send the browser to another host (data: URIs stay in the page)."""
    return [u for u in urls if urlsplit(u).scheme not in ("", "data") or urlsplit(u).netloc]


def test_the_scanner_finds_every_way_a_page_reaches_a_cdn() -> None:
    page = loads(
        """<html><head>
        <script src="https://unpkg.com/react.js"></script>
        <link rel="stylesheet" href="//cdn.jsdelivr.net/x.css">
        <link rel="icon" href="http://fastapi.tiangolo.com/favicon.png">
        <style>@import "https://fonts.googleapis.com/css"; b { background: url(/ok.png) }</style>
        <style>@font-face { src: url('https://fonts.gstatic.com/f.woff2') }</style>
        </head><body><img src="data:image/png;base64,AA" style="background:url(http://x/y.png)">
        <script>alert(1)</script><script src="/static/ok.js"></script></body></html>"""
    )
    assert not_local(page.urls) == [
        "https://unpkg.com/react.js",
        "//cdn.jsdelivr.net/x.css",
        "http://fastapi.tiangolo.com/favicon.png",
        "https://fonts.googleapis.com/css",
        "https://fonts.gstatic.com/f.woff2",
        "http://x/y.png",
    ]
    assert page.inline_scripts == 1


async def _page(http: httpx.AsyncClient, path: str) -> httpx.Response:
    page = await http.get(path, headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    return page


def _routes(routes: list[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route, also inside included routers (FastAPI keeps those as wrappers holding the
    router; the app includes them without a prefix)."""
    for route in routes:
        included = getattr(route, "original_router", None)
        yield from _routes(included.routes) if included is not None else [route]


async def test_the_pages_above_are_every_html_page_the_app_serves(
    http: httpx.AsyncClient, container: Container
) -> None:
    # Every GET route without path parameters, asked for as a browser asks: a page added
    # later joins PAGES (and so the checks below) or fails here.
    paths = sorted(
        r.path
        for r in _routes(create_app(use_cases=container.use_cases).routes)
        if isinstance(r, APIRoute) and "GET" in r.methods and "{" not in r.path
    )
    html = set()
    for path in [*paths, "/graphql"]:
        answer = await http.get(path, headers={"Accept": "text/html"})
        if answer.headers.get("content-type", "").startswith("text/html"):
            html.add(path)
    assert len(paths) > 10
    assert html == set(PAGES) | LTI_PAGES | LTI_FLOW


@pytest.mark.parametrize("path", sorted(PAGES))
async def test_a_page_loads_only_this_apps_files(http: httpx.AsyncClient, path: str) -> None:
    page = await _page(http, path)
    found = loads(page.text)
    assert not_local(found.urls) == []
    assert set(found.urls) == PAGES[path]
    assert found.inline_scripts == 0  # the policy below forbids them
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy


@pytest.mark.parametrize("path", sorted(PAGES))
async def test_every_file_a_page_loads_is_served_with_its_type_and_cache_policy(
    http: httpx.AsyncClient, path: str
) -> None:
    for url in loads((await _page(http, path)).text).urls:
        answer = await http.get(url)
        assert answer.status_code == 200, url
        media_type = answer.headers["content-type"].split(";")[0]
        assert media_type in CONTENT_TYPES[PurePosixPath(url).suffix], url
        versioned = url.startswith("/static/vendor/")
        expected = "public, max-age=31536000, immutable" if versioned else "no-cache"
        assert answer.headers["cache-control"] == expected, url
        if media_type == "text/css":  # fonts and images a stylesheet pulls in
            assert not_local(_css_urls(answer.text)) == [], url


async def test_the_docs_pages_read_this_apps_openapi_document(http: httpx.AsyncClient) -> None:
    docs = (await _page(http, "/docs")).text
    redoc = (await _page(http, "/redoc")).text
    assert 'data-openapi-url="/openapi.json"' in docs
    assert '<redoc spec-url="/openapi.json">' in redoc
    document = await http.get("/openapi.json")
    assert document.status_code == 200
    assert document.json()["info"]["title"] == "Mastery Service"


def test_our_own_scripts_name_no_other_host() -> None:
    for script in STATIC.glob("*.js"):
        assert "://" not in script.read_text(encoding="utf-8"), script.name


async def test_a_missing_static_file_is_a_problem_not_a_page(http: httpx.AsyncClient) -> None:
    missing = await http.get("/static/vendor/graphiql-0.0.0/graphiql.min.js")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert "cache-control" not in missing.headers


async def test_only_versioned_folders_are_cached_for_good(http: httpx.AsyncClient) -> None:
    manifest = await http.get("/static/vendor/manifest.json")  # names no version: may change
    assert manifest.status_code == 200
    assert manifest.headers["cache-control"] == "no-cache"
    licence = await http.get("/static/vendor/redoc-2.5.4/LICENSE")
    assert licence.headers["cache-control"] == "public, max-age=31536000, immutable"
