"""SQLite takes one write at a time. While another tenant holds the write lock (as a long roster
import does, here a raw connection in BEGIN IMMEDIATE), a tenant's reads through the real app
(REST, reports, GraphQL, tokens, readiness) answer 200 while the lock is still held, and its
writes answer 503 problem+json with Retry-After once the busy timeout passes, never 500; after
the lock is released the same write succeeds (issue #11, finding 10).

SQLite only, on a database file of its own (WAL, as the engine sets it), with the busy timeout
shortened by its setting: a read that waited for the lock as before would answer 503 too."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.adapters.db import migrate
from app.api.app import create_app
from app.bootstrap import Container, build
from app.domain.access import Tenant
from tests.api.gradebook_data import GRADEBOOK, line_item
from tests.api.graphql_data import data
from tests.api.mastery_data import by_competency, post, result, seed_framework
from tests.conftest import Api, new_tenant, test_settings, token_for

BUSY_TIMEOUT_SECONDS = 0.3
NEW_STUDENT = {
    "role": "student",
    "given_name": "Nia",
    "family_name": "New",
    "org_ids": ["school-1"],
    "grades": ["04"],
}


@pytest.fixture
def database_file(tmp_path: Path) -> Path:
    return tmp_path / "locked.db"


@pytest.fixture
async def sqlite_container(database_file: Path) -> AsyncIterator[Container]:
    url = f"sqlite+aiosqlite:///{database_file}"
    await migrate.upgrade(url)
    built = build(test_settings(url, sqlite_busy_timeout_seconds=BUSY_TIMEOUT_SECONDS))
    yield built
    await built.close()


async def _tenant(container: Container, prefix: str) -> Tenant:
    return await new_tenant(container, prefix)


@pytest.fixture
async def district(sqlite_container: Container) -> AsyncIterator[Api]:
    """A district with a student, a class, a framework and one result of 3 on s-1."""
    app = create_app(use_cases=sqlite_container.use_cases)
    tenant = await _tenant(sqlite_container, "reads")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        api = Api(client, tenant, token_for(sqlite_container, tenant))
        await seed_framework(api)
        await post(api, result(3, 1))
        yield api


class WriteLock:
    """Another tenant's long write: a raw connection holding SQLite's write lock."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None)
        self.held = False

    def take(self, tenant: Tenant) -> None:
        self._conn.execute("BEGIN IMMEDIATE")
        self._conn.execute("UPDATE tenants SET name = 'importing' WHERE id = ?", (tenant.id,))
        self.held = True

    def release(self) -> None:
        if self.held:
            self._conn.execute("ROLLBACK")
            self.held = False
        self._conn.close()


@contextmanager
def write_lock(path: Path, tenant: Tenant) -> Iterator[WriteLock]:
    lock = WriteLock(path)
    try:
        lock.take(tenant)
        yield lock
    finally:
        lock.release()


def _busy(response: httpx.Response) -> dict[str, Any]:
    """The body of a 503 answered because the database was busy."""
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "2"
    body: dict[str, Any] = response.json()
    assert (body["status"], body["type"]) == (503, "/problems/busy")
    return body


async def test_reads_answer_while_another_tenant_holds_the_write_lock(
    sqlite_container: Container, district: Api, database_file: Path
) -> None:
    importer = await _tenant(sqlite_container, "importer")
    client = await sqlite_container.use_cases.access.create_client(
        tenant_slug=district.tenant.slug, scopes="roster:read"
    )
    grade_summary = """{ masterySummary(frameworkId: "fw-math", groupBy: [GRADE]) {
        minCellSize rows { key { grade } suppressed } } }"""
    # classes: GraphQL's enrolment batches read through the read models, as reports do.
    student_mastery = """{ student(id: "student-1") { givenName classes { id students { id } }
        mastery(frameworkId: "fw-math") { competencyId score evidenceCount } } }"""
    with write_lock(database_file, importer) as lock:
        student = await district.get("/v1/users/student-1")
        students = await district.get("/v1/users", params={"role": "student"})
        mastery = await district.get("/v1/students/student-1/mastery")
        detail = await district.get("/v1/students/student-1/mastery/s-1")
        grid = await district.get("/v1/classes/class-1/mastery", params={"framework_id": "fw-math"})
        evidence = await district.get("/v1/evidence")
        summary = await data(district, grade_summary)
        graph = await data(district, student_mastery)
        token = await district.http.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(client.client_id, client.client_secret),
        )
        ready = await district.http.get("/readyz")
        # A reader sees the last commit, not the lock holder's write in progress (WAL).
        seen = await sqlite_container.use_cases.access.tenant_by_slug(importer.slug)
        assert lock.held  # every answer came while the importer still held the lock

    for response in (student, students, mastery, detail, grid, evidence, token, ready):
        assert response.status_code == 200, (response.url, response.text)
    assert student.json()["given_name"] == "Sam"
    assert [s["id"] for s in students.json()["items"]] == ["student-1"]
    # One counted result of 3 on s-1: its score is 3; s-2 and the domain have no evidence.
    assert by_competency(mastery.json()["items"])["s-1"]["score"] == 3.0
    assert [r["score"] for r in detail.json()["explanation"]["evidence"]] == [3.0]
    [row] = grid.json()["students"]
    assert row["student_id"] == "student-1"
    assert by_competency(row["decisions"])["s-1"]["score"] == 3.0
    assert [e["score"] for e in evidence.json()["items"]] == [3.0]
    # One grade-4 student: fewer than the smallest cell shown, so the row is suppressed.
    assert summary["masterySummary"]["rows"] == [{"key": {"grade": "04"}, "suppressed": True}]
    assert graph["student"]["givenName"] == "Sam"
    assert graph["student"]["classes"] == [{"id": "class-1", "students": [{"id": "student-1"}]}]
    s1 = next(m for m in graph["student"]["mastery"] if m["competencyId"] == "s-1")
    assert (s1["score"], s1["evidenceCount"]) == (3.0, 1)
    assert token.json()["scope"] == "roster:read"
    assert seen.name == importer.slug  # not 'importing'


async def test_a_write_answers_503_with_retry_after_then_succeeds_once_the_lock_is_free(
    sqlite_container: Container, district: Api, database_file: Path
) -> None:
    importer = await _tenant(sqlite_container, "importer")
    with write_lock(database_file, importer):
        refused = await district.put("/v1/users/student-2", NEW_STUDENT)
        evidence = await district.post("/v1/evidence", json={"items": [result(4, 2)]})
        quiz = await district.put(f"{GRADEBOOK}/lineItems/li-9", line_item("s-1"))
        absent = await district.get("/v1/users/student-2")
        no_quiz = await district.get(f"{GRADEBOOK}/lineItems/li-9")
    body = _busy(refused)
    assert body["detail"] == "The database is busy with another write; try again shortly"
    _busy(evidence)
    # The gradebook answers in its own format (imsx_StatusInfo), with the same status and header.
    assert (quiz.status_code, quiz.headers["retry-after"]) == (503, "2")
    assert quiz.json()["imsx_codeMajor"] == "failure"
    # The refused writes wrote nothing.
    assert (absent.status_code, no_quiz.status_code) == (404, 404)

    retried = await district.put("/v1/users/student-2", NEW_STUDENT)
    assert retried.status_code == 201, retried.text
    assert (await district.get("/v1/users/student-2")).json()["given_name"] == "Nia"
    # The refused evidence was not recorded: s-1 still rests on the one result of 3.
    mastery = (await district.get("/v1/students/student-1/mastery")).json()["items"]
    assert by_competency(mastery)["s-1"]["evidence_count"] == 1
