"""`mastery credentials keys rotate` as an operator runs it, and what a server then serves: the
issuer's keys move publish → sign → retire, and /credentials/jwks.json keeps serving the retired
ones (a credential outlives the key that signed it), unlike the LTI tool's JWKS."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.e2e.launcher import e2e_env, mastery, prepare, serving


def _published(env: dict[str, str]) -> str:
    answer: dict[str, str] = json.loads(
        mastery(env, "credentials", "keys", "rotate", "--json").stdout
    )
    return answer["published"]


def test_rotated_issuer_keys_stay_published(empty_database: str, tmp_path: Path) -> None:
    if empty_database.startswith("postgresql"):
        # The command is the same on both; the keys' states on both databases are
        # tests/api/test_credentials.py's. One run keeps `make test` short.
        pytest.skip("the command runs once, on SQLite")
    env = e2e_env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    first = _published(env)  # no key yet: the first signs at once
    second = _published(env)  # published, not signing yet
    third = _published(env)  # second signs, first retires
    with serving(env) as (base, _):
        answer = httpx.get(f"{base}/credentials/jwks.json")
        one = httpx.get(f"{base}/credentials/keys/{first}")
    assert "max-age" in answer.headers["cache-control"]
    assert answer.headers["content-type"].startswith("application/jwk-set+json")
    keys = answer.json()["keys"]
    assert [k["kid"] for k in keys] == [first, second, third]  # oldest first, retired kept
    assert all(k["kty"] == "RSA" and k["alg"] == "RS256" and "d" not in k for k in keys)
    assert one.json() == keys[0]
