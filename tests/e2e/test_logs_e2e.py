"""No personal data in a real server's output (issue #11, finding 9): a district's scenario
against `mastery serve` at DEBUG — roster records and a CSV upload with distinctive names and
emails, evidence, and the errors that once logged them (a NUL byte in a name, concurrent posts
racing for one `source_id`) — then every line the server wrote (stdout and stderr) is searched
for those names and emails."""

from __future__ import annotations

import io
import json
import secrets
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path

import httpx

from tests.e2e.launcher import bearer, serving
from tests.e2e.test_cli_and_server import _env, _mastery
from tests.integration import oneroster_sets as sets


def _word() -> str:
    return f"zq{secrets.token_hex(5)}"


def test_a_served_day_never_logs_a_name_or_an_email(empty_database: str, tmp_path: Path) -> None:
    env = {**_env(empty_database, tmp_path), "MASTERY_LOG_LEVEL": "DEBUG"}
    _mastery(env, "db", "upgrade")
    _mastery(env, "tenants", "create", "lakeside")
    client = json.loads(
        _mastery(
            env, "clients", "create", "--tenant", "lakeside", "--scope", "admin", "--json"
        ).stdout
    )
    people = [(_word(), _word(), f"{_word()}@{_word()}.example") for _ in range(10)]
    personal = [part for person in people for part in person]
    with serving_to_file(env, tmp_path / "server.log") as (base, output):
        auth = bearer(base, client)
        with httpx.Client(base_url=base, headers=auth, timeout=60) as http:
            _day(http, people)
    lines = "\n".join(output).splitlines()
    assert not any("Traceback" in line for line in lines), "a request failed on the server"
    assert len(lines) > 20  # the access log wrote a line per request at least
    leaked = [line for line in lines if any(word in line for word in personal)]
    assert leaked == []


def serving_to_file(
    env: dict[str, str], log: Path
) -> AbstractContextManager[tuple[str, list[str]]]:
    """`mastery serve` writing its output (stdout and stderr) to `log`; the output in the list
    once the block ends."""
    return serving(env, log=log, clean=False)


def _day(http: httpx.Client, people: list[tuple[str, str, str]]) -> None:
    _import(http, people[:3])
    for path, body in [
        ("/v1/orgs/district-9", {"name": "D", "type": "district"}),
        ("/v1/orgs/school-9", {"name": "S", "type": "school", "parent_id": "district-9"}),
    ]:
        assert http.put(path, json=body).status_code == 201
    for n, (given, family, email) in enumerate(people[3:], start=1):
        user = {
            "role": "student",
            "given_name": given,
            "family_name": family,
            "email": email,
            "org_ids": ["school-9"],
            "grades": ["04"],
        }
        assert http.put(f"/v1/users/p{n}", json=user).status_code == 201
    given, family, email = people[0]
    nul = http.put(
        "/v1/users/p99",
        json={
            "role": "student",
            "given_name": f"{given}\x00",
            "family_name": family,
            "email": email,
            "org_ids": ["school-9"],
        },
    )
    assert nul.status_code == 422
    framework = {
        "id": "fw-1",
        "title": "Math",
        "competencies": [{"id": "c-1", "code": "C1", "statement": "Count"}],
    }
    assert http.post("/v1/frameworks", json=framework).status_code == 201

    def post(n: int) -> int:
        item = {
            "student_id": f"p{n}",
            "competency_id": "c-1",
            "score": 3,
            "observed_at": "2026-09-01T09:00:00Z",
            "source_id": "quiz-1",
        }
        return http.post("/v1/evidence", json={"items": [item]}).status_code

    with ThreadPoolExecutor(max_workers=7) as pool:
        statuses = list(pool.map(post, range(1, 8)))
    assert set(statuses) <= {200, 409}, statuses
    assert http.get("/v1/users", params={"limit": 100}).status_code == 200
    assert http.get(f"/v1/users?grade={people[1][0]}%00").status_code == 422


def _import(http: httpx.Client, people: list[tuple[str, str, str]]) -> None:
    upload = _upload(people)
    imported = http.post(
        "/v1/roster/imports", files={"file": ("roster.zip", upload, "application/zip")}
    )
    assert imported.status_code == 202, imported.text
    for _ in range(300):  # the import runs as a job
        job = http.get(imported.headers["location"]).json()
        if job["status"] in ("succeeded", "failed"):
            break
        time.sleep(0.1)
    assert job["status"] == "succeeded", job


def _upload(people: list[tuple[str, str, str]]) -> bytes:
    users = sets.USERS_1_1
    for (given, family, _email), (old_given, old_family) in zip(
        people, [("Tina", "Teach"), ("Sam", "Study"), ("Sue", "Smart")], strict=True
    ):
        users = users.replace(f"{old_given},{old_family}", f"{given},{family}", 1)
    users = users.replace("tina@lakeside.example", people[0][2])
    files = {**sets.BULK_1_1, "users.csv": users}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()
