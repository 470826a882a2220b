"""Two `mastery serve` processes on one PostgreSQL database share nothing but the database
(issue #14, "Many processes, many machines"): what one changes, the other decides by at once.

Each process keeps parsed frameworks in memory, valid while the stored revision is unchanged
(app/adapters/db/frameworks.py). A policy changed through server A must govern the next result
server B decides, though B parsed the framework before the change; a client revoked through A
is refused by B."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.launcher import bearer, e2e_env, mastery, prepare, serving

SCOPES = "roster:write frameworks:write evidence:write mastery:read"


@pytest.fixture
def two_servers(
    empty_database: str, tmp_path: Path
) -> Iterator[tuple[str, str, dict[str, str], dict[str, str]]]:
    """Servers A and B on one migrated database, a tenant and its client's credentials."""
    if not empty_database.startswith("postgresql"):
        pytest.skip("several servers share a PostgreSQL database; SQLite serves one process")
    env = e2e_env(empty_database, tmp_path)
    prepare(env, "db", "upgrade")
    prepare(env, "tenants", "create", "twin", "--name", "Twin Lakes")
    client = json.loads(
        prepare(env, "clients", "create", "--tenant", "twin", "--scope", SCOPES, "--json").stdout
    )
    with serving(env) as (a, _), serving(env) as (b, _):
        yield a, b, client, env


def _result(score: float, source_id: str, day: int) -> dict[str, object]:
    return {
        "items": [
            {
                "student_id": "stu-1",
                "competency_id": "4.NBT.1",
                "score": score,
                "observed_at": f"2026-09-{day:02d}T10:00:00Z",
                "source_id": source_id,
            }
        ]
    }


def _status(base: str, auth: dict[str, str]) -> str:
    decision = httpx.get(f"{base}/v1/students/stu-1/mastery/4.NBT.1", headers=auth)
    assert decision.status_code == 200, decision.text
    status: str = decision.json()["status"]
    return status


def test_a_policy_changed_on_one_server_governs_the_next_decision_on_the_other(
    two_servers: tuple[str, str, dict[str, str], dict[str, str]],
) -> None:
    a, b, client, env = two_servers
    auth = bearer(a, client)  # one signing key: a token of A is honoured by B
    assert (
        httpx.put(
            f"{a}/v1/orgs/lake", json={"name": "Lake School", "type": "school"}, headers=auth
        ).status_code
        == 201
    )
    student = {"role": "student", "given_name": "Ada", "family_name": "T", "org_ids": ["lake"]}
    assert httpx.put(f"{a}/v1/users/stu-1", json=student, headers=auth).status_code == 201
    framework = {
        "id": "math-4",
        "title": "Grade 4 Mathematics",
        "calculation": {"method": "latest"},
        "competencies": [{"id": "4.NBT.1", "code": "4.NBT.1", "statement": "Place value"}],
    }
    assert httpx.post(f"{a}/v1/frameworks", json=framework, headers=auth).status_code == 201

    # B decides a result, so it has parsed the framework (threshold 3): 3.5 is mastered.
    assert httpx.post(f"{b}/v1/evidence", json=_result(3.5, "q1", 10), headers=auth).is_success
    assert _status(b, auth) == "mastered"

    # A raises the threshold to 4 (and recomputes what is stored: not yet).
    raised = httpx.patch(
        f"{a}/v1/frameworks/math-4",
        content=json.dumps({"scale": {"mastery_threshold": 4}}),
        headers={**auth, "Content-Type": "application/merge-patch+json"},
    )
    assert raised.status_code == 200, raised.text
    assert _status(b, auth) == "not_yet"

    # The next result B decides is judged by the new threshold, not the one B parsed: 3.8 is
    # the latest score, below 4. A stale cache would have called it mastered.
    assert httpx.post(f"{b}/v1/evidence", json=_result(3.8, "q2", 11), headers=auth).is_success
    assert _status(b, auth) == "not_yet"
    assert _status(a, auth) == "not_yet"
    # And 4 masters it, as either server says.
    assert httpx.post(f"{b}/v1/evidence", json=_result(4.0, "q3", 12), headers=auth).is_success
    assert _status(a, auth) == "mastered"

    # A client deleted through the CLI is refused by both servers: each checks the token's
    # standing against the database once its view is older than MASTERY_CLIENT_STANDING_SECONDS
    # (5); waited for with a margin, never a timing assertion.
    mastery(env, "clients", "delete", client["client_id"], "--yes")
    for base in (a, b):
        assert _refused_within(base, auth, seconds=15), base


def _refused_within(base: str, auth: dict[str, str], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = httpx.get(f"{base}/v1/students/stu-1/mastery/4.NBT.1", headers=auth)
        if answer.status_code == 401:
            return True
        assert answer.status_code == 200, answer.text
        time.sleep(0.25)
    return False
