"""Errors of the IMS standards' endpoints as the standards write them: imsx_StatusInfo, not
problem+json, so that a vendor's existing client reads them unchanged.

`ImsxRoute` is the route class of such a router: whatever goes wrong inside one of its routes
(a domain error, an unreadable request, a missing token or scope) is answered as status info.
The body's spelling is OneRoster 1.2's JSON binding (`imsx_CodeMinor`, capital C)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from http import HTTPStatus
from typing import Any, Literal

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from app.api.error_status import headers_of, status_of
from app.api.problems import AuthProblem
from app.domain.errors import DomainError, Location, Problem
from app.domain.oneroster.query import InvalidFilter

# The system reporting a code minor, when no one field of the request is at fault.
TARGET = "TargetEndSystem"

# OneRoster's code minor of each status (app.api.error_status decides the status); any other
# client error is data the service cannot take.
_CODE_OF_STATUS = {
    401: "unauthorisedrequest",
    403: "forbidden",
    404: "unknownobject",
    # A system the service depends on failed: the request may succeed later.
    502: "server_busy",
    # The database is held by another write: the request may succeed later (Retry-After).
    503: "server_busy",
}


class CodeMinorField(BaseModel):
    imsx_codeMinorFieldName: str = Field(
        description="The request field at fault (a path such as `result.score`), "
        "or `TargetEndSystem` when no one field is."
    )
    imsx_codeMinorFieldValue: str = Field(
        description="unknownobject, invaliddata, invalid_filter_field, forbidden, "
        "unauthorisedrequest, …"
    )


class CodeMinor(BaseModel):
    imsx_codeMinorField: list[CodeMinorField]


class StatusInfo(BaseModel):
    """OneRoster's imsx_StatusInfo: what went wrong, in the standard's vocabulary."""

    imsx_codeMajor: Literal["failure"]
    imsx_severity: Literal["error"]
    imsx_description: str
    imsx_CodeMinor: CodeMinor


def field_name(loc: Location) -> str:
    """A problem's location as a path into the request: `result.learningObjectiveSet[0].score`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out or TARGET


def status_info(
    status: int,
    code: str,
    description: str,
    fields: Sequence[str] = (),
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """An error answer: one code minor field per field at fault (or one for the system)."""
    body = {
        "imsx_codeMajor": "failure",
        "imsx_severity": "error",
        "imsx_description": description,
        "imsx_CodeMinor": {
            "imsx_codeMinorField": [
                {"imsx_codeMinorFieldName": name, "imsx_codeMinorFieldValue": code}
                for name in (fields or [TARGET])
            ]
        },
    }
    return JSONResponse(body, status_code=status, headers=headers)


def _described(detail: str, problems: Sequence[tuple[str, str]]) -> str:
    listed = "; ".join(f"{name}: {msg}" for name, msg in problems)
    return f"{detail} ({listed})" if listed else detail


def _domain_error(exc: DomainError) -> JSONResponse:
    status = status_of(exc)
    code = _CODE_OF_STATUS.get(status, "invaliddata")
    if isinstance(exc, InvalidFilter):
        code = "invalid_filter_field"
    problems = [(field_name(p.loc), p.msg) for p in exc.problems]
    return status_info(
        status,
        code,
        _described(exc.detail, problems),
        list(dict.fromkeys(n for n, _ in problems)),
        headers_of(exc) or None,
    )


def request_error(exc: RequestValidationError, more: Sequence[Problem] = ()) -> JSONResponse:
    """The request cannot be read at all (not JSON, a number where text belongs): a bad
    request, listing `more` problems found in what could be read (references) after them."""
    problems = []
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        if loc and loc[0] in ("body", "query", "path", "header"):
            loc = loc[1:]
        msg = str(error.get("msg", "invalid"))
        if error.get("type") == "json_invalid":  # its location is a character position
            loc, msg = (), f"{msg} at character {loc[0] if loc else 0}"
        problems.append((field_name(loc), msg))
    problems += [(field_name(p.loc), p.msg) for p in more]
    names = list(dict.fromkeys(n for n, _ in problems))
    return status_info(400, "invaliddata", _described("The request is not valid", problems), names)


def _auth_error(exc: AuthProblem) -> JSONResponse:
    code = "forbidden" if exc.status == 403 else "unauthorisedrequest"
    return status_info(exc.status, code, exc.detail, headers={"WWW-Authenticate": exc.challenge})


class ImsxRoute(APIRoute):
    """A route whose every error is answered as imsx_StatusInfo."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handle(request)
            except DomainError as exc:
                return _domain_error(exc)
            except RequestValidationError as exc:
                return request_error(exc, await self.readable_problems(request))
            except AuthProblem as exc:
                return _auth_error(exc)
            except HTTPException as exc:
                # FastAPI's own 400 for a body it cannot decode at all (bytes that are not
                # UTF-8 as JSON): found by the fuzzing run (schemathesis ST105).
                code = _CODE_OF_STATUS.get(exc.status_code, "invaliddata")
                headers = dict(exc.headers) if exc.headers else None
                return status_info(exc.status_code, code, str(exc.detail), headers=headers)

        return route

    async def readable_problems(self, request: Request) -> list[Problem]:
        """Beside a request's type errors, the problems of what could be read of it (a route
        that checks its references in the same answer overrides this)."""
        return []


def imsx_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for the status info answers a route can give. The `4XX` entry says
    every client error is status info, and keeps FastAPI from declaring its own 422 (a request
    it cannot read is a 400 here)."""
    declared: dict[int | str, dict[str, Any]] = {
        status: {"description": HTTPStatus(status).phrase, "model": StatusInfo}
        for status in statuses
    }
    return {**declared, "4XX": {"description": "imsx_StatusInfo", "model": StatusInfo}}
