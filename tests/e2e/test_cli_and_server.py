"""The real `mastery` command and a real server process, as an operator uses them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.launcher import MASTERY, e2e_env, free_port, mastery, mastery_run, serving

# The names other tests import from here (the launcher is the one copy).
_env = e2e_env
_mastery = mastery
_free_port = free_port
__all__ = ["MASTERY", "_env", "_free_port", "_mastery", "serving"]


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
    again = mastery_run(env, "tenants", "create", "dup")
    assert again.returncode == 1
    assert "exists already" in again.stderr


def test_postgres_needs_a_secret_key(tmp_path: Path) -> None:
    env = _env("postgresql+asyncpg://nobody@127.0.0.1:1/none", tmp_path)
    del env["MASTERY_SECRET_KEY"]
    done = mastery_run(env, "tenants", "list")
    assert done.returncode == 1
    assert "MASTERY_SECRET_KEY is required" in done.stderr
