"""`mastery lti ...` as an operator runs it, and what a server then serves: a registration
added, listed and removed; the tool's keys generated and rotated (publish → sign → retire),
with /lti/jwks.json serving the published and signing keys only."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from tests.conftest import CLI_ON_EMBEDDED_DATABASE
from tests.e2e.launcher import e2e_env, mastery, mastery_run, prepare, serving

ADD = (
    "lti", "platforms", "add", "--tenant", "north",
    "--issuer", "https://lms.example",
    "--client-id", "tool-1",
    "--auth-login-url", "https://lms.example/auth",
    "--token-url", "https://lms.example/token",
    "--jwks-url", "https://lms.example/jwks",
    "--deployment-id", "d-1", "--deployment-id", "d-2",
    "--json",
)  # fmt: skip


def _json(env: dict[str, str], *args: str) -> dict[str, object]:
    found: dict[str, object] = json.loads(mastery(env, *args).stdout)
    return found


@CLI_ON_EMBEDDED_DATABASE
def test_platforms_are_added_listed_and_removed(empty_database: str, tmp_path: Path) -> None:
    env = e2e_env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "north")
    added = _json(env, *ADD)
    assert added["deployment_ids"] == ["d-1", "d-2"]
    assert added["issuer"] == "https://lms.example"
    listed = _json(env, "lti", "platforms", "list", "--tenant", "north", "--json")
    assert listed == {"platforms": [added]}
    again = mastery_run(env, *ADD)
    assert again.returncode == 1
    assert "already registered" in again.stdout
    removed = _json(
        env, "lti", "platforms", "remove", "--tenant", "north", str(added["id"]), "--json"
    )
    assert removed == {"removed": added["id"]}
    assert _json(env, "lti", "platforms", "list", "--tenant", "north", "--json") == {
        "platforms": []
    }
    url = str(
        _json(env, "lti", "registration-url", "--tenant", "north", "--json")["registration_url"]
    )
    assert url.startswith("http://127.0.0.1:8000/lti/register?tenant_token=")
    assert len(url.rpartition("=")[2]) >= 43  # 256 bits
    unknown = mastery_run(env, "lti", "registration-url", "--tenant", "nobody")
    assert unknown.returncode == 1


@CLI_ON_EMBEDDED_DATABASE
def test_keys_rotate_from_published_to_signing_to_retired(
    empty_database: str, tmp_path: Path
) -> None:
    env = e2e_env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    first = _json(env, "lti", "keys", "generate", "--json")["generated"]
    assert _json(env, "lti", "keys", "generate", "--json")["generated"] is None
    second = _json(env, "lti", "keys", "rotate", "--json")["published"]
    with serving(env) as (base, _):
        kids = [k["kid"] for k in httpx.get(f"{base}/lti/jwks.json").json()["keys"]]
    assert sorted(kids) == sorted([first, second])  # signing and published
    third = _json(env, "lti", "keys", "rotate", "--json")["published"]
    with serving(env) as (base, _):
        answer = httpx.get(f"{base}/lti/jwks.json")
    assert "max-age" in answer.headers["cache-control"]
    # The first retired; the second signs now; the third is published.
    assert sorted(k["kid"] for k in answer.json()["keys"]) == sorted([second, third])
