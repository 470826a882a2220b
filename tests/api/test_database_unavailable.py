"""A database that cannot be reached answers 503 problem+json with Retry-After, at once: the
readiness probe and every request, never a 500 and never a hang. Here the database is a real
PostgreSQL URL on a loopback port where nothing listens (connection refused); the restart of a
real server under traffic is the e2e test's (tests/e2e/test_faults.py)."""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from functools import partial
from typing import Any

import httpx
import pytest

from app.adapters.db.engine import create_engine, session_factory
from app.adapters.db.frameworks import FrameworkCache
from app.adapters.db.queries import SqlReadModels
from app.adapters.db.readiness import DatabaseReadiness
from app.adapters.db.uow import SqlAccessUnitOfWork, SqlUnitOfWork
from app.adapters.http import OutboundHttp, OutboundPolicy
from app.adapters.lti.launch_records import SqlLaunchRecords
from app.api.app import create_app
from app.bootstrap import Container, wire
from app.bootstrap_credentials import credential_adapters
from app.bootstrap_lti import lti_adapters
from app.bootstrap_webhooks import webhook_adapters
from tests.conftest import Api


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends


@pytest.fixture
async def unreachable(container: Container, api: Api) -> AsyncIterator[httpx.AsyncClient]:
    engine = create_engine(f"postgresql+asyncpg://nobody@127.0.0.1:{_closed_port()}/mastery")
    sessions = session_factory(engine)
    nowhere = OutboundHttp(OutboundPolicy.from_settings((), allow_http=False))
    # Every adapter that reads the database, but the client standing, so a token still counts
    # and each route reaches its own reads.
    adapters = replace(
        container.adapters,
        uow=partial(SqlUnitOfWork, sessions, FrameworkCache()),
        directory=partial(SqlAccessUnitOfWork, sessions),
        reads=partial(SqlReadModels, sessions),
        readiness=DatabaseReadiness(engine),
        lti_launches=SqlLaunchRecords(sessions),
        lti=lti_adapters(sessions, container.adapters.secrets, container.adapters.clock, nowhere),
        credentials=credential_adapters(
            sessions, container.adapters.secrets, container.adapters.clock
        ),
        webhooks=webhook_adapters(sessions, FrameworkCache(), nowhere, container.settings),
    )
    app = create_app(use_cases=wire(adapters, container.policy))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test", headers=api.auth
    ) as client:
        yield client
    await engine.dispose()


async def test_readiness_answers_503_with_retry_after(unreachable: httpx.AsyncClient) -> None:
    started = time.monotonic()
    response = await unreachable.get("/readyz")
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "5"


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/v1/frameworks"), ("GET", "/v1/students/student-1/mastery"), ("GET", "/v1/jobs/x")],
)
async def test_a_request_answers_503_problem_json_with_retry_after(
    unreachable: httpx.AsyncClient, method: str, path: str
) -> None:
    started = time.monotonic()
    response = await unreachable.request(method, path)
    assert time.monotonic() - started < 5
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "5"
    assert response.json()["detail"] == "The database cannot be reached; retry shortly."


@pytest.mark.parametrize(
    "query",
    [
        "{ frameworks { totalCount } }",
        '{ student(id: "student-1") { familyName } }',
        "{ viewer { tenant } frameworks(first: 1) { nodes { id } } }",
    ],
)
async def test_a_graphql_query_answers_503_problem_json_with_retry_after(
    unreachable: httpx.AsyncClient, query: str
) -> None:
    """GraphQL answers as REST does: the whole request is 503, not a 200 carrying an error
    (a resolver's failure is otherwise an error beside partial data) nor a 500."""
    started = time.monotonic()
    response = await unreachable.post("/graphql", json={"query": query})
    assert time.monotonic() - started < 5
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "5"
    assert response.json()["detail"] == "The database cannot be reached; retry shortly."


async def test_the_openapi_document_declares_the_503_on_every_operation_but_liveness(
    unreachable: httpx.AsyncClient,
) -> None:
    paths = (await unreachable.get("/openapi.json")).json()["paths"]
    declared = {
        (method, path): operation["responses"].get("503")
        for path, operations in paths.items()
        for method, operation in operations.items()
    }
    assert [key for key, answer in declared.items() if answer is None] == [("get", "/healthz")]
    for answer in (a for a in declared.values() if a is not None):
        assert answer["content"] == {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}
        }
        assert answer["headers"]["Retry-After"]["schema"]["type"] == "integer"


# Reads that need one of two optional parameters, which a document cannot mark required.
ONE_OF = {"/v1/academic-sessions/{id}/report-cards": {"class_id": "x"}}


async def test_every_read_the_document_declares_503_on_answers_503(
    unreachable: httpx.AsyncClient,
) -> None:
    """What the document declares is what the service does: every GET (its path and required
    query parameters filled in) answers 503 while the database is out of reach."""
    document = (await unreachable.get("/openapi.json")).json()
    paths = document["paths"]
    reads = [
        (path, operations["get"])
        for path, operations in paths.items()
        if "get" in operations and "503" in operations["get"]["responses"]
    ]
    assert len(reads) > 30
    answered = {}
    for path, operation in reads:
        required = [p for p in operation.get("parameters", []) if p.get("required")]
        params = {p["name"]: _valid(p["schema"], document) for p in required if p["in"] == "query"}
        params |= ONE_OF.get(path, {})
        url = path
        for p in (p for p in required if p["in"] == "path"):
            url = url.replace("{" + p["name"] + "}", "x")
        response = await unreachable.get(url, params=params)
        answered[path] = (response.status_code, response.headers.get("retry-after"))
    assert {path: (503, "5") for path, _ in reads} == answered


def _valid(schema: dict[str, Any], document: dict[str, Any]) -> str:
    """A value the parameter's schema accepts (so that validation passes and the database is
    reached): an enum's first member, an instant for a date-time, otherwise "x"."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _valid(document["components"]["schemas"][name], document)
    if "items" in schema:
        return _valid(schema["items"], document)
    if "enum" in schema:
        return str(schema["enum"][0])
    if schema.get("format") == "date-time":
        return "2026-09-01T00:00:00Z"
    return "x"
