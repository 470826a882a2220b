"""The API docs in a real browser, served wholly by our server: headless Chromium opens /docs
(Swagger UI) and /redoc (ReDoc) on `mastery serve`; each renders every operation of
/openapi.json without a request leaving the machine, and the pages around them meet WCAG 2.1 AA.

Skipped where /usr/bin/chromium is absent; CI sets MASTERY_TEST_REQUIRE_BROWSER=1."""

from __future__ import annotations

import httpx
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.browser import (
    accessibility_violations,
    keep_screenshot,
    needs_chromium,
    visit,
)
from tests.e2e.test_cli_and_server import serving

pytestmark = needs_chromium

METHODS = {"get", "put", "post", "delete", "patch"}

# ReDoc draws "API docs by Redocly" with Redocly's logo from their CDN, unconditionally; our
# pages' Content-Security-Policy refuses it before any request is made, and the image hides
# itself. That refusal is the only one expected.
REDOC_LOGO_REFUSED = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def _every_operation_shown(page: Page) -> set[tuple[str, str]]:
    """Every operation Swagger UI shows, read while scrolling the page from top to bottom: with
    a large document (over about 130 operations) it draws only the operations near the view."""
    shown: set[tuple[str, str]] = set()
    still = 0
    while still < 3:
        for block in page.locator(".opblock-summary").all():
            method = block.locator(".opblock-summary-method").inner_text()
            shown.add((method, block.locator(".opblock-summary-path").get_attribute("data-path")))
        at_end = page.evaluate(
            "window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2"
        )
        still = still + 1 if at_end else 0
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(100)
    return shown


def _operations(base: str) -> list[tuple[str, str]]:
    # The app builds its OpenAPI document on the first request: slow on two shared cores.
    document = httpx.get(f"{base}/openapi.json", timeout=60).json()
    return [
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in METHODS
    ]


def test_swagger_ui_lists_every_operation_from_our_server(
    district: tuple[dict[str, str], dict[str, str]], context: BrowserContext
) -> None:
    env, _client = district
    with serving(env) as (base, _output):
        operations = _operations(base)
        tab = visit(context)
        tab.page.goto(f"{base}/docs")
        expect(tab.page.locator(".opblock-summary", has_text="/oauth/token")).to_be_visible()
        keep_screenshot(tab.page, "swagger-ui-offline")
        shown = _every_operation_shown(tab.page)
        # Swagger UI's own widget is third-party markup; ours is the page around it.
        violations = accessibility_violations(tab.page, exclude=["#swagger-ui > .swagger-ui"])
    assert len(operations) > 40  # the whole API, not an empty document
    assert shown == set(operations)
    assert tab.offsite == []
    assert tab.refused == []
    assert tab.errors == []
    assert violations == []


def test_redoc_renders_our_openapi_document_from_our_server(
    district: tuple[dict[str, str], dict[str, str]], context: BrowserContext
) -> None:
    env, _client = district
    with serving(env) as (base, _output):
        operations = _operations(base)
        tab = visit(context)
        tab.page.goto(f"{base}/redoc")
        expect(tab.page.get_by_role("heading", name="Mastery Service (0.1.0)")).to_be_visible()
        expect(tab.page.locator("[data-section-id^='operation/']")).to_have_count(len(operations))
        keep_screenshot(tab.page, "redoc-offline")
        # ReDoc's own widget is third-party markup; ours is the page around it.
        violations = accessibility_violations(tab.page, exclude=["redoc > *"])
    assert tab.offsite == []
    assert all(REDOC_LOGO_REFUSED in refusal for refusal in tab.refused)
    assert tab.errors == []
    assert violations == []
