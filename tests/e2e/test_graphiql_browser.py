"""GraphiQL in a real browser: headless Chromium opens /graphql on a real server, and GraphiQL's
introspection, sent with the Authorization header given to its headers editor, is answered.

Skipped where /usr/bin/chromium is absent (`apt-get install chromium`). GraphiQL's scripts
come from unpkg.com; where that cannot be reached, set MASTERY_GRAPHIQL_ASSETS to a folder laid
out like unpkg (docs/graphiql-browser-check.md makes one with `npm pack`): the server then serves
them itself (MASTERY_GRAPHIQL_ASSETS_DIR). Without either, only the page itself is checked."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from tests.e2e.test_cli_and_server import _env, _free_port, _mastery

CHROMIUM = Path("/usr/bin/chromium")
ASSETS = os.environ.get("MASTERY_GRAPHIQL_ASSETS")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium is not installed (apt-get install chromium)"
)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str, subprocess.Popen[str]]]:
    env = _env(f"sqlite+aiosqlite:///{tmp_path / 'browser.db'}", tmp_path)
    if ASSETS:
        env["MASTERY_GRAPHIQL_ASSETS_DIR"] = ASSETS
    _mastery(env, "db", "upgrade")
    _mastery(env, "tenants", "create", "browser", "--json")
    client = json.loads(
        _mastery(
            env, "clients", "create", "--tenant", "browser", "--scope", "roster:read", "--json"
        ).stdout
    )
    port = _free_port()
    process = subprocess.Popen(
        [_mastery.__globals__["MASTERY"], "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                threading.Event().wait(0.1)
        token = httpx.post(
            f"{base}/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(client["client_id"], client["client_secret"]),
        ).json()["access_token"]
        yield base, token, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def _dom(url: str, flags: list[str], tmp_path: Path) -> str:
    done = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=20000",
            *flags,
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_graphiql_opens_and_its_headers_authorize_the_schema(
    served: tuple[str, str, subprocess.Popen[str]], tmp_path: Path
) -> None:
    base, token, process = served
    headers = quote(json.dumps({"Authorization": f"Bearer {token}"}))
    dom = _dom(f"{base}/graphql?headers={headers}", [], tmp_path)
    assert 'id="graphiql"' in dom
    assert "isHeadersEditorEnabled: true" in dom
    if not ASSETS and "graphiql-container" not in dom:
        pytest.skip("GraphiQL's scripts (unpkg.com) are unreachable; set MASTERY_GRAPHIQL_ASSETS")
    assert "graphiql-container" in dom  # React rendered GraphiQL
    assert "Headers" in dom  # its headers editor
    process.terminate()
    log, _ = process.communicate(timeout=20)
    answers = [
        json.loads(line) for line in log.splitlines() if line.startswith("{") and '"path"' in line
    ]
    graphql = [(a.get("method"), a.get("status")) for a in answers if a.get("path") == "/graphql"]
    assert ("GET", 200) in graphql  # the page
    assert ("POST", 200) in graphql  # GraphiQL's introspection, with the header it was given
