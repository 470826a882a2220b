"""Every kind of domain error answers the same status through every door: problem+json,
OneRoster's imsx_StatusInfo, CASE's status info and GraphQL's error extensions all read the
one table of app.api.error_status.

Every DomainError subclass of the service is found by importing every module of `app`, so a
new kind of error cannot be added without a row of its own in the table (or a base that has
one) and without each format answering it."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from collections.abc import Iterator

import httpx
import pytest
from fastapi import APIRouter, FastAPI

import app
from app.api.error_status import ANSWERS, answer_for
from app.api.problems import add_problem_handlers, graphql_extensions
from app.api.standards.case import CaseRoute
from app.api.standards.imsx import ImsxRoute
from app.domain.errors import (
    Busy,
    Conflict,
    DomainError,
    Forbidden,
    Invalid,
    InvalidQuery,
    NotFound,
    Problem,
    SourceUnavailable,
    Unauthorized,
)

# Modules that run something when imported: the migrations (Alembic's env) and the process
# entry point (it builds the app from the environment's settings).
_NOT_IMPORTED = ("app.adapters.db.migrations", "app.main")


def _import_every_module() -> None:
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if not module.name.startswith(_NOT_IMPORTED):
            importlib.import_module(module.name)


def _subclasses(kind: type[DomainError]) -> Iterator[type[DomainError]]:
    for sub in kind.__subclasses__():
        yield sub
        yield from _subclasses(sub)


_import_every_module()
EVERY_KIND = sorted(
    {DomainError, *_subclasses(DomainError)}, key=lambda k: f"{k.__module__}.{k.__qualname__}"
)


def _raised(kind: type[DomainError]) -> DomainError:
    """An error of this kind with one problem, built as the kind's own fields say."""
    problems = [Problem(("body", "field"), "is wrong")]
    try:
        return kind("Something is wrong", problems)
    except TypeError:
        # A kind that carries more (an import's report): its base's fields are what the
        # formats read, and its kind is the nearest dataclass default.
        error = kind.__new__(kind)
        default = next(f.default for f in dataclasses.fields(kind) if f.name == "kind")
        DomainError.__init__(error, "Something is wrong", problems, str(default))
        return error


def test_every_kind_is_found_and_the_known_ones_answer_as_the_table_says() -> None:
    names = {k.__name__ for k in EVERY_KIND}
    # Kinds defined across the domain and the use cases are all found.
    assert {"ScopeNotGranted", "InvalidFilter", "ImportRejected"} <= names
    expected = {
        NotFound: 404,
        Invalid: 422,
        InvalidQuery: 400,
        Conflict: 409,
        Forbidden: 403,
        Unauthorized: 401,
        SourceUnavailable: 502,
        Busy: 503,
    }
    assert {k: answer_for(_raised(k)).status for k in expected} == expected


@pytest.mark.parametrize("kind", [k for k in EVERY_KIND if k is not DomainError])
def test_every_kind_has_a_row_of_its_own_or_a_base_with_one(kind: type[DomainError]) -> None:
    # The fallback row is for DomainError raised as such; every kind is meant.
    nearest = next(k for k in kind.__mro__ if k in ANSWERS)
    assert nearest is not DomainError, f"{kind.__name__} has no row in app.api.error_status"


def _app(error: DomainError) -> FastAPI:
    application = FastAPI()
    add_problem_handlers(application)
    plain = APIRouter()
    imsx = APIRouter(route_class=ImsxRoute)
    case = APIRouter(route_class=CaseRoute)

    async def fail() -> None:
        raise error

    plain.add_api_route("/problem", fail)
    imsx.add_api_route("/imsx", fail)
    case.add_api_route("/case", fail)
    for router in (plain, imsx, case):
        application.include_router(router)
    return application


@pytest.mark.parametrize("kind", EVERY_KIND, ids=lambda k: k.__name__)
async def test_every_format_answers_the_tables_status(kind: type[DomainError]) -> None:
    error = _raised(kind)
    expected = answer_for(error)
    transport = httpx.ASGITransport(app=_app(error))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        problem = await client.get("/problem")
        imsx = await client.get("/imsx")
        case = await client.get("/case")
    assert (problem.status_code, problem.json()["status"]) == (expected.status, expected.status)
    assert problem.headers["content-type"] == "application/problem+json"
    assert imsx.status_code == expected.status
    assert imsx.json()["imsx_codeMajor"] == "failure"
    assert (case.status_code, case.json()["status"]) == (expected.status, expected.status)
    assert case.json()["imsx_codeMajor"] == "failure"
    extensions = graphql_extensions(error)
    assert (extensions["code"], extensions["status"]) == (expected.code, expected.status)


async def test_busy_answers_503_with_retry_after_through_every_format() -> None:
    error = Busy("The database is busy", retry_after_seconds=7)
    transport = httpx.ASGITransport(app=_app(error))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        answers = [await client.get(path) for path in ("/problem", "/imsx", "/case")]
    assert [(a.status_code, a.headers.get("retry-after")) for a in answers] == [(503, "7")] * 3
    assert answers[0].json()["type"] == "/problems/busy"
    # OneRoster's and CASE's code minor for "try again later".
    assert (
        answers[1].json()["imsx_CodeMinor"]["imsx_codeMinorField"][0]["imsx_codeMinorFieldValue"]
        == "server_busy"
    )
    assert graphql_extensions(error)["code"] == "BUSY"
