"""Fixtures of the browser tests (tests/e2e/browser.py): one Chromium per module, a fresh
context (with axe-core) per test, and a district with one client to serve."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from tests.e2e.browser import AXE, CHROMIUM
from tests.e2e.launcher import prepare
from tests.e2e.test_cli_and_server import _env


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    # axe goes in as an init script: the DevTools protocol adds it, so the pages' policy, which
    # forbids inline scripts, does not stop it (and is not loosened for it).
    opened = browser.new_context(viewport={"width": 1280, "height": 800})
    opened.add_init_script(path=str(AXE))
    yield opened
    opened.close()


@pytest.fixture
def district(tmp_path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """A migrated database with one client of roster:read, and the server's environment."""
    env = _env(f"sqlite+aiosqlite:///{tmp_path / 'browser.db'}", tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "browser", "--json")
    created = prepare(
        env, "clients", "create", "--tenant", "browser", "--scope", "roster:read", "--json"
    )
    return env, json.loads(created.stdout)
