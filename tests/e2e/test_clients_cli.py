"""`mastery clients list|disable|delete|rotate` against a real server: what the operator does to
a client reaches the running process's tokens within the revocation window."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import httpx

from tests.conftest import CLI_ON_EMBEDDED_DATABASE
from tests.e2e.launcher import prepare
from tests.e2e.test_cli_and_server import MASTERY, _env, _mastery, serving


def _token(base: str, client_id: str, secret: str) -> httpx.Response:
    return httpx.post(
        f"{base}/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )


@CLI_ON_EMBEDDED_DATABASE
def test_an_operator_lists_rotates_disables_and_deletes_clients(
    empty_database: str, tmp_path: Path
) -> None:
    env = _env(empty_database, tmp_path) | {"MASTERY_CLIENT_STANDING_SECONDS": "0.2"}
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "riverside")

    def create() -> dict[str, str]:
        done = _mastery(
            env, "clients", "create", "--tenant", "riverside", "--scope", "roster:read", "--json"
        )
        made: dict[str, str] = json.loads(done.stdout)
        return made

    first, second = create(), create()
    with serving(env) as (base, _output):
        old = _token(base, first["client_id"], first["client_secret"]).json()["access_token"]
        auth = {"Authorization": f"Bearer {old}"}
        assert httpx.get(f"{base}/v1/orgs", headers=auth).status_code == 200

        rotated = json.loads(
            _mastery(env, "clients", "rotate", first["client_id"], "--json").stdout
        )
        assert rotated["client_secret"] != first["client_secret"]
        time.sleep(0.3)
        refused = httpx.get(f"{base}/v1/orgs", headers=auth)
        assert refused.status_code == 401
        assert refused.json()["detail"] == "The access token has been revoked"
        assert _token(base, first["client_id"], rotated["client_secret"]).status_code == 200

        disabled = json.loads(
            _mastery(env, "clients", "disable", first["client_id"], "--json").stdout
        )
        assert disabled["disabled_at"] is not None
        assert _token(base, first["client_id"], rotated["client_secret"]).status_code == 401

        _mastery(env, "clients", "delete", second["client_id"], "--yes")
        assert _token(base, second["client_id"], second["client_secret"]).status_code == 401

    listed = json.loads(_mastery(env, "clients", "list", "--tenant", "riverside", "--json").stdout)
    assert [(c["client_id"], c["scopes"]) for c in listed["clients"]] == [
        (first["client_id"], "roster:read")
    ]
    assert listed["clients"][0]["disabled_at"] == disabled["disabled_at"]
    text = _mastery(env, "clients", "list", "--tenant", "riverside").stdout
    assert first["client_id"] in text
    assert "disabled" in text

    trail = json.loads(_mastery(env, "audit", "list", "--tenant", "riverside", "--json").stdout)
    assert [(e["kind"], e["actor"], e["subject"]) for e in trail["entries"]] == [
        ("client.deleted", "operator", second["client_id"]),
        ("client.disabled", "operator", first["client_id"]),
        ("client.rotated", "operator", first["client_id"]),
        ("client.created", "operator", second["client_id"]),
        ("client.created", "operator", first["client_id"]),
    ]
    assert "secret" not in json.dumps(trail)
    rotations = _mastery(
        env, "audit", "list", "--tenant", "riverside", "--kind", "client.rotated", "--json"
    )
    assert [e["kind"] for e in json.loads(rotations.stdout)["entries"]] == ["client.rotated"]


def test_a_short_secret_key_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    env = _env("postgresql+asyncpg://nobody@127.0.0.1:1/none", tmp_path)
    env["MASTERY_SECRET_KEY"] = "x"
    done = subprocess.run(
        [MASTERY, "tenants", "list"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "MASTERY_SECRET_KEY is 1 bytes; use at least 32 random bytes" in done.stderr
