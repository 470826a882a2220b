"""Debian's Chromium, driven by Playwright, opening our pages on a real `mastery serve`.

Playwright never downloads a browser here: it drives /usr/bin/chromium. Every request a page
makes off this machine is stopped and recorded (the pages must need none: district networks
block CDNs), and so is every Content-Security-Policy refusal. axe-core (vendored beside this
module by tools/vendor_assets.py) checks the pages against WCAG 2.1 A and AA. The fixtures
(`browser`, `context`, `district`) are in conftest.py beside this module."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from tools.vendor_assets import load

CHROMIUM = Path("/usr/bin/chromium")
VENDOR = Path(__file__).with_name("vendor")
AXE = VENDOR / next(p for p in load(VENDOR / "manifest.json") if p.name == "axe-core").target(
    "axe.min.js"
)
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}

if not CHROMIUM.exists() and os.environ.get("MASTERY_TEST_REQUIRE_BROWSER"):
    # CI installs Chromium (.ci/run); there a missing browser is a failure, never a skip.
    raise RuntimeError("MASTERY_TEST_REQUIRE_BROWSER is set but /usr/bin/chromium is absent")

# The widgets parse megabytes of script on two cores shared with other test workers.
expect.set_options(timeout=30_000)

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium is not installed (apt-get install chromium)"
)


@dataclass
class Visit:
    """What a browser tab did besides rendering: requests stopped and the page's complaints."""

    page: Page
    offsite: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # CSP refusals, from the console
    errors: list[str] = field(default_factory=list)  # uncaught script errors


def visit(context: BrowserContext, also: frozenset[str] = frozenset()) -> Visit:
    """A new tab whose requests leave this machine never (each one is stopped and recorded).
    `also`: test host names the browser itself maps to loopback (--host-resolver-rules)."""
    page = context.new_page()
    seen = Visit(page)

    def guard(route: Route) -> None:
        url = urlsplit(route.request.url)
        local = url.hostname in LOCAL_HOSTS or url.hostname in also
        if url.scheme in ("http", "https", "ws", "wss") and not local:
            seen.offsite.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", guard)
    page.on(
        "console",
        lambda m: seen.refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    return seen


def accessibility_violations(page: Page, exclude: list[str]) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page, outside the `exclude` selectors, as
    `rule: selector` lines."""
    violations = page.evaluate(
        """async ([exclude, tags]) => {
            const found = await axe.run(
                { include: [document], exclude: exclude.map((s) => [s]) },
                { runOnly: { type: "tag", values: tags } },
            );
            return found.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) }));
        }""",
        [exclude, WCAG_21_AA],
    )
    return [f"{v['id']}: {json.dumps(node)}" for v in violations for node in v["nodes"]]


def keep_screenshot(page: Page, name: str) -> None:
    """With MASTERY_SCREENSHOTS set to a folder, the page as the test saw it (the network
    blocked) is saved there as NAME.png: how docs/screenshots/ is made
    (`MASTERY_SCREENSHOTS=docs/screenshots pytest tests/e2e/test_docs_browser.py
    tests/e2e/test_graphiql_browser.py`)."""
    folder = os.environ.get("MASTERY_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))
