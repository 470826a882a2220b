"""Every error answer is RFC 9457 problem details (application/problem+json).

A domain error answers the status app.api.error_status decides (the one table every error
format reads); request validation, HTTP errors and unexpected exceptions get the same shape
(the last are answered by `middleware.RequestContext`, with a correlation id and no
internals)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.api.context import request_id
from app.api.error_status import answer_for, headers_of, status_of
from app.domain.errors import DomainError, Problem

PROBLEM_JSON = "application/problem+json"


class ProblemItem(BaseModel):
    loc: list[str | int] = Field(description="Where the problem is: a path into the request.")
    msg: str = Field(description="What is wrong there.")


class ProblemDetails(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description="A URI reference naming the kind of problem.")
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[ProblemItem] | None = Field(
        default=None, description="Every problem found in the request, for validation errors."
    )


def problem(
    status: int,
    detail: str | None = None,
    *,
    kind: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
    instance: str | None = None,
) -> JSONResponse:
    """A problem+json response."""
    body = problem_body(status, detail, kind=kind, errors=errors, instance=instance)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def problem_body(
    status: int,
    detail: str | None = None,
    *,
    kind: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    instance: str | None = None,
) -> dict[str, Any]:
    """The RFC 9457 fields of a problem, with the request id of the call."""
    title = HTTPStatus(status).phrase
    slug = kind or title.lower().replace(" ", "-")
    body: dict[str, Any] = {
        "type": f"/problems/{slug.replace('_', '-')}",
        "title": title,
        "status": status,
        "detail": detail or title,
    }
    if instance:
        body["instance"] = instance
    if rid := request_id.get():
        body["request_id"] = rid
    if errors is not None:
        body["errors"] = errors
    return body


class AuthProblem(Exception):
    """A 401 or 403 that must carry a WWW-Authenticate challenge (RFC 6750 §3)."""

    def __init__(self, status: int, detail: str, challenge: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.challenge = challenge


def _loc(loc: Any) -> list[str | int]:
    return [p if isinstance(p, int) else str(p) for p in loc]


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    status = status_of(exc)
    errors = [{"loc": _loc(p.loc), "msg": p.msg} for p in exc.problems] or None
    headers = headers_of(exc)
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return problem(
        status, exc.detail, kind=exc.kind, errors=errors, headers=headers, instance=request.url.path
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": _loc(e.get("loc", ())), "msg": e.get("msg", "invalid"), "type": e.get("type")}
        for e in exc.errors()
    ]
    return problem(
        422, "The request is not valid", kind="validation", errors=errors, instance=request.url.path
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem(exc.status_code, detail, headers=exc.headers, instance=request.url.path)


async def _auth_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AuthProblem)
    kind = "insufficient_scope" if exc.status == 403 else "unauthorized"
    return problem(
        exc.status,
        exc.detail,
        kind=kind,
        headers={"WWW-Authenticate": exc.challenge},
        instance=request.url.path,
    )


@contextmanager
def located(*prefix: str | int) -> Iterator[None]:
    """Report a domain error's problems as located in part of the request, e.g. ("body",)."""
    try:
        yield
    except DomainError as exc:
        exc.problems = [Problem((*prefix, *p.loc), p.msg) for p in exc.problems]
        raise


def graphql_extensions(exc: DomainError) -> dict[str, Any]:
    """A domain error's GraphQL `extensions`: its code (NOT_FOUND, INVALID, ...) and the status
    REST answers for it, from the one table, and every problem found."""
    answer = answer_for(exc)
    found: dict[str, Any] = {"code": answer.code, "status": answer.status}
    if exc.problems:
        found["problems"] = [{"loc": _loc(p.loc), "msg": p.msg} for p in exc.problems]
    return found


def add_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(AuthProblem, _auth_problem)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for the problem answers a route can give."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "model": ProblemDetails,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}},
        }
        for status in statuses
    }
