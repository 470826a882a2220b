"""The real `mastery` command and a real server process, as an operator uses them."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

MASTERY = str(Path(sys.executable).with_name("mastery"))


def _env(database_url: str, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "MASTERY_DATABASE_URL": database_url,
        "MASTERY_SECRET_KEY": "e2e-signing-key-0123456789-abcdefghijklmno",
        "MASTERY_STATE_DIR": str(tmp_path / "state"),
        "MASTERY_SECRET_HASH_TIME_COST": "1",
        "MASTERY_SECRET_HASH_MEMORY_KIB": "64",
    }


def _mastery(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [MASTERY, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"mastery {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(env: dict[str, str]) -> Iterator[tuple[str, list[str]]]:
    """`mastery serve` on a free port until the block ends; then its output is in the list."""
    port = _free_port()
    process = subprocess.Popen(
        [MASTERY, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    output: list[str] = []
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer /healthz within 20 s")
        yield base, output
    finally:
        process.send_signal(signal.SIGTERM)
        output.append(process.communicate(timeout=20)[0])
        assert "Traceback" not in output[0], output[0]


@pytest.fixture
def server(empty_database: str, tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    env = _env(empty_database, tmp_path)
    _mastery(env, "db", "upgrade")
    with serving(env) as (base, _output):
        yield base, env


def test_tenant_client_token_and_demo_through_the_real_cli_and_server(
    server: tuple[str, dict[str, str]],
) -> None:
    base, env = server
    tenant = json.loads(
        _mastery(env, "tenants", "create", "riverside", "--name", "Riverside", "--json").stdout
    )
    assert tenant["slug"] == "riverside"
    assert tenant["name"] == "Riverside"
    created = json.loads(
        _mastery(
            env, "clients", "create", "--tenant", "riverside", "--scope", "roster:read", "--json"
        ).stdout
    )
    assert set(created) == {"client_id", "client_secret", "tenant", "scopes"}
    assert created["scopes"] == "roster:read"

    _mastery(env, "demo", "load", "--tenant", "riverside")
    _mastery(env, "demo", "load", "--tenant", "riverside")  # a second load changes nothing

    token = httpx.post(
        f"{base}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(created["client_id"], created["client_secret"]),
    )
    assert token.status_code == 200
    auth = {"Authorization": f"Bearer {token.json()['access_token']}"}
    students: list[str] = []
    cursor = None
    while True:
        params = {"role": "student", "limit": 100} | ({"cursor": cursor} if cursor else {})
        page = httpx.get(f"{base}/v1/users", params=params, headers=auth).json()
        students += [u["id"] for u in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(students) == 150  # 6 grades x 25 students, loaded once despite two loads
    assert len(set(students)) == 150
    ready = httpx.get(f"{base}/readyz")
    assert ready.json() == {"status": "ready"}
    assert ready.headers["x-request-id"]


def test_a_duplicate_tenant_is_a_clear_error(empty_database: str, tmp_path: Path) -> None:
    env = _env(empty_database, tmp_path)
    _mastery(env, "db", "upgrade")
    _mastery(env, "tenants", "create", "dup")
    again = subprocess.run(
        [MASTERY, "tenants", "create", "dup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode == 1
    assert "exists already" in again.stderr


def test_postgres_needs_a_secret_key(tmp_path: Path) -> None:
    env = _env("postgresql+asyncpg://nobody@127.0.0.1:1/none", tmp_path)
    del env["MASTERY_SECRET_KEY"]
    done = subprocess.run(
        [MASTERY, "tenants", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "MASTERY_SECRET_KEY is required" in done.stderr
