"""What the xAPI and Caliper endpoints share: their callers (HTTP Basic with an OAuth client's
id and secret, or our Bearer tokens) and their answers (the spec's status codes, bodies as
problem+json, and xAPI's version header on every answer)."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from app.api.context import client_id
from app.api.deps import authenticated, challenge
from app.api.problems import AuthProblem, problem
from app.domain.access import Principal, Scope
from app.domain.errors import Conflict, DomainError, Forbidden, NotFound, Unauthorized
from app.domain.xapi import VERSION
from app.use_cases.catalog import UseCases

VERSION_HEADER = "X-Experience-API-Version"
# 1.0, 1.0.x (every 1.0 patch reads the same statements) and 2.0.0 (IEEE 9274.1.1).
_ACCEPTED = re.compile(r"^(1\.0(\.\d+)?|2\.0(\.0)?)$")
BASIC = 'Basic realm="xapi"'


def _status(error: DomainError) -> int:
    # xAPI answers every malformed request 400 (1.0.3 Part Three §3.2), not 422.
    for kind, status in ((NotFound, 404), (Conflict, 409), (Forbidden, 403), (Unauthorized, 401)):
        if isinstance(error, kind):
            return status
    return 400


class LrsRoute(APIRoute):
    """Checks and echoes X-Experience-API-Version (when `versioned`), and answers errors with
    the spec's status codes."""

    versioned = True

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()
        versioned = self.versioned and not self.path.endswith("/about")

        async def handler(request: Request) -> Response:
            sent = request.headers.get(VERSION_HEADER)
            echo = "2.0.0" if sent is not None and sent.startswith("2") else VERSION
            if versioned and sent is None:
                answer: Response = problem(400, f"The {VERSION_HEADER} header is required")
            elif versioned and not _ACCEPTED.match(sent or ""):
                answer = problem(400, f"{VERSION_HEADER} {sent!r} is not supported")
            else:
                answer = await _answered(original, request)
            if self.versioned:
                answer.headers[VERSION_HEADER] = echo
            return answer

        return handler


class CaliperRoute(LrsRoute):
    versioned = False


async def _answered(
    original: Callable[[Request], Coroutine[Any, Any, Response]], request: Request
) -> Response:
    path = request.url.path
    try:
        return await original(request)
    except DomainError as error:
        errors = [{"loc": list(p.loc), "msg": p.msg} for p in error.problems] or None
        return problem(_status(error), error.detail, kind=error.kind, errors=errors, instance=path)
    except AuthProblem as refused:
        headers = {"WWW-Authenticate": refused.challenge}
        return problem(refused.status, refused.detail, headers=headers, instance=path)
    except RequestValidationError as error:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in error.errors()]
        return problem(400, "The request is not valid", errors=errors, instance=path)


async def lrs_caller(request: Request, scope: Scope, *, basic: bool = True) -> Principal:
    """The client calling, by HTTP Basic (its id and secret) or a Bearer token; 401 without
    valid credentials, 403 without `scope`."""
    use_cases: UseCases = request.app.state.use_cases
    header = request.headers.get("authorization") or ""
    scheme, _, value = header.partition(" ")
    if basic and scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        name, colon, secret = decoded.partition(":")
        if not colon:
            raise AuthProblem(401, "Basic credentials are client_id:client_secret", BASIC)
        try:
            issued = await use_cases.access.issue_token(
                client_id=name, client_secret=secret, scope=None
            )
            principal = await use_cases.access.authenticate(issued.access_token)
        except Unauthorized as exc:
            raise AuthProblem(401, exc.detail, BASIC) from exc
    else:
        principal = await authenticated(use_cases, header or None)
    client_id.set(principal.client_id)
    if not principal.allows(scope):
        raise AuthProblem(
            403,
            f"The client lacks the scope {scope.value}",
            challenge("insufficient_scope", scope.value),
        )
    return principal
