"""No log line names a student: a district's whole day through the real ASGI app, every logger at
DEBUG, including requests the database refuses, and every formatted line (tracebacks too) is
searched for the distinctive names and emails the day used.

The database is made to fail three ways: a NUL byte in a name (PostgreSQL refuses it), eight
concurrent posts racing for one evidence `source_id`, and a row the database refuses outright.
The last is a CHECK constraint (PostgreSQL) or trigger (SQLite) the test adds for one name: a
refusal that no input validation in front of the database can take away, so the failing path
is exercised whatever the API learns to reject first. PostgreSQL's own message for it quotes
the whole failing row in its DETAIL."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import secrets
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import sqlalchemy as sa

from app.api.app import create_app
from app.api.logs import configure_logging
from app.bootstrap import Container
from app.domain.access import Tenant
from tests.api.mastery_data import FRAMEWORK, day
from tests.api.roster_data import ROSTER
from tests.conftest import Api, token_for
from tests.integration import oneroster_sets as sets


def _word() -> str:
    # Lower case: a search lower-cases its term, and the lowered term must be found too.
    return f"zq{secrets.token_hex(5)}"


@dataclass
class Person:
    """A student whose name and email must never reach a log."""

    id: str
    given: str = field(default_factory=_word)
    family: str = field(default_factory=_word)
    email: str = field(default_factory=lambda: f"{_word()}@{_word()}.example")

    @property
    def personal(self) -> list[str]:
        return [self.given, self.family, self.email]

    def user(self) -> dict[str, Any]:
        return {
            "role": "student",
            "given_name": self.given,
            "family_name": self.family,
            "email": self.email,
            "org_ids": ["school-1"],
            "grades": ["04"],
        }


@dataclass
class Captured:
    json_lines: io.StringIO
    plain_lines: io.StringIO

    def lines(self) -> list[str]:
        return self.json_lines.getvalue().splitlines() + self.plain_lines.getvalue().splitlines()

    def carrying(self, words: list[str]) -> dict[str, tuple[int, str]]:
        """Per logger, how many lines carry any of the words, and the first such line."""
        found: dict[str, tuple[int, str]] = {}
        for line in self.lines():
            if any(w in line for w in words):
                name = json.loads(line)["logger"] if line.startswith("{") else line.split()[1]
                count, first = found.get(name, (0, line[:240]))
                found[name] = (count + 1, first)
        return found

    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.json_lines.getvalue().splitlines()]


@contextmanager
def every_log_line() -> Iterator[Captured]:
    """The server's own logging (JSON lines), plus a plain handler, with every logger at DEBUG."""
    root = logging.getLogger()
    loggers = [logging.getLogger(n) for n in list(logging.root.manager.loggerDict)]
    saved = (
        root.handlers[:],
        root.level,
        [(lg, lg.level, lg.disabled, lg.propagate, lg.handlers[:]) for lg in loggers],
    )
    captured = Captured(io.StringIO(), io.StringIO())
    configure_logging("DEBUG")
    served = root.handlers[0]
    assert isinstance(served, logging.StreamHandler)
    served.setStream(captured.json_lines)
    plain = logging.StreamHandler(captured.plain_lines)
    plain.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    root.addHandler(plain)
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        lg.disabled = False
    try:
        yield captured
    finally:
        handlers, level, states = saved
        root.handlers[:] = handlers
        root.setLevel(level)
        for lg, lg_level, disabled, propagate, lg_handlers in states:
            lg.setLevel(lg_level)
            lg.disabled = disabled
            lg.propagate = propagate
            lg.handlers[:] = lg_handlers


@asynccontextmanager
async def refusing(container: Container, given_name: str) -> AsyncIterator[None]:
    """The database refuses any user row with this given name, until the block ends."""
    postgres = container.engine.dialect.name == "postgresql"
    literal = given_name.replace("'", "''")
    on, off = (
        (
            f"ALTER TABLE users ADD CONSTRAINT ck_users_refused_by_test "
            f"CHECK (given_name <> '{literal}') NOT VALID",
            "ALTER TABLE users DROP CONSTRAINT ck_users_refused_by_test",
        )
        if postgres
        else (
            f"CREATE TRIGGER users_refused_by_test BEFORE INSERT ON users "
            f"WHEN NEW.given_name = '{literal}' BEGIN SELECT RAISE(ABORT, 'refused'); END",
            "DROP TRIGGER users_refused_by_test",
        )
    )
    async with container.engine.begin() as conn:
        await conn.execute(sa.text(on))
    try:
        yield
    finally:
        async with container.engine.begin() as conn:
            await conn.execute(sa.text(off))


def _users_csv(people: list[Person]) -> str:
    header = sets.USERS_1_1.splitlines()[0]
    rows = [
        f"{p.id},active,2026-08-01T00:00:00Z,true,s1,student,,,{p.given},{p.family},,,"
        f"{p.email},,,,04,"
        for p in people
    ]
    return "\n".join([header, *rows]) + "\n"


async def _import(api: Api, container: Container, people: list[Person]) -> dict[str, Any]:
    files = {**sets.BULK_1_1, "users.csv": _users_csv(people)}
    files.pop("enrollments.csv")
    files.pop("demographics.csv")
    files["manifest.csv"] = (
        files["manifest.csv"]
        .replace("file.enrollments,bulk", "file.enrollments,absent")
        .replace("file.demographics,bulk", "file.demographics,absent")
    )
    sent = await api.post(
        "/v1/roster/imports",
        files={"file": ("roster.zip", sets.zip_set(files), "application/zip")},
    )
    assert sent.status_code == 202, sent.text
    await container.jobs.wait()
    job: dict[str, Any] = (await api.get(f"/v1/jobs/{sent.json()['id']}")).json()
    return job


_REPORT = """query ($search: String) {
  masterySummary(frameworkId: "fw-math", groupBy: [GRADE]) { rows { students } }
  students(filter: {search: $search}) { nodes { givenName } }
}"""


async def _a_districts_day(api: Api, container: Container, people: list[Person]) -> None:
    for path, body in ROSTER:
        assert (await api.put(path, body)).status_code == 201, path
    for p in people:
        assert (await api.put(f"/v1/users/{p.id}", p.user())).status_code == 201
        enrolled = {"class_id": "class-1", "user_id": p.id, "role": "student"}
        assert (await api.put(f"/v1/enrollments/e-{p.id}", enrolled)).status_code == 201
        assert (await api.get(f"/v1/users/{p.id}")).json()["email"] == p.email
    assert (await api.post("/v1/frameworks", json=FRAMEWORK)).status_code == 201
    items = [
        {
            "student_id": p.id,
            "competency_id": "s-1",
            "score": 3.0,
            "observed_at": day(i),
            "source_id": f"r-{p.id}",
        }
        for i, p in enumerate(people)
    ]
    assert (await api.post("/v1/evidence", json={"items": items})).status_code == 200
    assert (await api.get(f"/v1/students/{people[0].id}/mastery")).status_code == 200
    assert (await api.get("/v1/classes/class-1/mastery?framework_id=fw-math")).status_code == 200
    report = {"query": _REPORT, "variables": {"search": people[1].family}}
    answer = (await api.post("/graphql", json=report)).json()
    assert answer["data"]["students"]["nodes"] == [{"givenName": people[1].given}]


async def _what_makes_the_database_fail(
    api: Api, container: Container, people: list[Person], refused: Person, nul: Person
) -> list[int]:
    statuses = []
    with_nul = {**nul.user(), "given_name": f"{nul.given}\u0000"}
    statuses.append((await api.put(f"/v1/users/{nul.id}", with_nul)).status_code)
    search = {"query": _REPORT, "variables": {"search": f"{nul.family}\u0000"}}
    statuses.append((await api.post("/graphql", json=search)).status_code)
    race = [
        {
            "items": [
                {
                    "student_id": p.id,
                    "competency_id": "s-2",
                    "score": 2.0,
                    "observed_at": day(9),
                    "source_id": "one-source-for-all",
                }
            ]
        }
        for p in people
    ]
    answers = await asyncio.gather(*(api.post("/v1/evidence", json=body) for body in race))
    statuses += [a.status_code for a in answers]
    put = await api.put(f"/v1/users/{refused.id}", refused.user())
    statuses.append(put.status_code)
    job = await _import(api, container, [*people[:2], refused])
    assert job["status"] == "failed", job
    return statuses


async def test_no_log_line_carries_a_students_name_or_email(
    container: Container, tenant: Tenant
) -> None:
    people = [Person(f"pupil-{i}") for i in range(8)]
    imported = [Person(f"u-{i}") for i in range(3)]
    refused, nul = Person("pupil-refused"), Person("pupil-nul")
    personal = [s for p in [*people, *imported, refused, nul] for s in p.personal]
    app = create_app(
        use_cases=container.use_cases, max_body_bytes=container.settings.max_body_bytes
    )
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    # The refusal is set up before the capture starts: its DDL quotes the refused name.
    async with (
        refusing(container, refused.given),
        httpx.AsyncClient(transport=transport, base_url="http://test") as http,
    ):
        api = Api(http, tenant, token_for(container, tenant))
        with every_log_line() as captured:
            job = await _import(api, container, imported)
            assert job["status"] == "succeeded", job
            await _a_districts_day(api, container, people)
            statuses = await _what_makes_the_database_fail(api, container, people, refused, nul)

    leaks = captured.carrying(personal)
    assert leaks == {}, f"log lines carrying personal data, by logger: {leaks}"

    # The search was not vacuous: the day was logged at DEBUG, the database's statements
    # included, and the refused row's request and job were logged as errors, with the
    # database's error named (its class and SQLSTATE) so the bug can still be found.
    records = captured.records()
    assert any(r["logger"].startswith("sqlalchemy.engine") for r in records)
    assert sum(r["logger"] == "mastery.access" for r in records) > 40
    assert 500 in statuses
    errors = [r for r in records if r["level"] == "ERROR" and r.get("exc_info")]
    assert {"mastery.api", "mastery.jobs"} <= {r["logger"] for r in errors}
    refusal = "23514" if container.engine.dialect.name == "postgresql" else "SQLITE_CONSTRAINT"
    assert any("IntegrityError" in r["exc_info"] and refusal in r["exc_info"] for r in errors)
