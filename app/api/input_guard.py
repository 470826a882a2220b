"""The request's own shape, checked once for every route before any route reads it: no NUL
character in the path, the query, a form body or a JSON body's strings, and no JSON body nested
deeper than the service reads (app/domain/input_bounds.py). A pure ASGI middleware, so that no
route can forget it; what it refuses answers 422 problem+json listing every problem found.

GraphQL request bodies (`depth_only`) are checked for depth only: a NUL in a GraphQL string (a
literal or a variable) is refused beside the document's other limits
(app/api/graphql/scalars.py), as a GraphQL error located in the document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.middleware import header
from app.api.openapi_answers import PROBLEM_CONTENT, amend_openapi, operations
from app.api.problems import PROBLEM_JSON
from app.api.refusals import send_refusal
from app.api.standards.gradebook_json import GRADEBOOK
from app.domain.input_bounds import MAX_JSON_DEPTH, NUL, has_nul, json_depth, nul_problem

Location = list[str | int]
_ESCAPED_NUL = b"\\u0000"
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_FORM = "application/x-www-form-urlencoded"  # the token endpoint's client credentials
_CHECKED_MEDIA = frozenset({"application/json", _FORM})


class InputGuard:
    """Refuses NUL characters in the path, the query and JSON bodies, and over-deep JSON."""

    def __init__(self, app: ASGIApp, *, depth_only: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.depth_only = depth_only  # paths whose bodies' strings are checked elsewhere

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problems = list(_request_line_problems(scope))
        if problems:
            await _refuse(scope, send, problems)
            return
        media = _media_type(header(scope, b"content-type"))
        checked = media in _CHECKED_MEDIA or media.endswith("+json")
        if scope["method"] not in _BODY_METHODS or not checked:
            await self.app(scope, receive, send)
            return
        try:
            body = await _read_body(receive)
        except HTTPException as exc:  # the body limit's 413, raised while the body streams in
            await send_refusal(scope, send, exc.status_code, str(exc.detail))
            return
        if media == _FORM:
            problems = list(_form_problems(body))
        elif json_depth(body) > MAX_JSON_DEPTH:
            deep = f"nests deeper than {MAX_JSON_DEPTH} levels"
            problems = [{"loc": ["body"], "msg": deep, "type": "depth"}]
        elif _ESCAPED_NUL in body and scope["path"] not in self.depth_only:
            problems = list(_body_problems(body))
        if problems:
            await _refuse(scope, send, problems)
            return
        await self.app(scope, _replay(body, receive), send)


def _request_line_problems(scope: Scope) -> Iterator[dict[str, Any]]:
    if has_nul(scope["path"]):
        yield _nul(["path"])
    yield from _encoded_problems(scope.get("query_string", b""), "query")


def _form_problems(body: bytes) -> Iterator[dict[str, Any]]:
    yield from _encoded_problems(body, "body")


def _encoded_problems(encoded: bytes, part: str) -> Iterator[dict[str, Any]]:
    """NUL characters in `name=value&...` text (a query string, a form body)."""
    if b"%00" not in encoded and b"\x00" not in encoded:
        return
    seen: set[str] = set()
    for name, value in parse_qsl(encoded.decode("latin-1"), keep_blank_values=True):
        if (has_nul(name) or has_nul(value)) and name not in seen:
            seen.add(name)
            yield _nul([part, name.replace(NUL, "\\u0000")])


def _body_problems(body: bytes) -> Iterator[dict[str, Any]]:
    try:
        document = json.loads(body)
    except ValueError:
        return  # not JSON: the route's own parsing answers 422 for it
    for loc in _nul_locations(document, ["body"]):
        yield _nul(loc)


def _nul_locations(value: Any, loc: Location) -> Iterator[Location]:
    if isinstance(value, str):
        if has_nul(value):
            yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            shown = key.replace("\x00", "\\u0000")
            if has_nul(key):
                yield [*loc, shown]
            yield from _nul_locations(item, [*loc, shown])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_locations(item, [*loc, index])


def _nul(loc: Location) -> dict[str, Any]:
    return {"loc": loc, "msg": nul_problem(), "type": "nul_character"}


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


async def _read_body(receive: Receive) -> bytes:
    """The whole body (its size is bounded by BodyLimit, outside this middleware)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _refuse(scope: Scope, send: Send, problems: list[dict[str, Any]]) -> None:
    await send_refusal(
        scope, send, 422, "The request is not valid", kind="validation", errors=problems
    )


def state_refusals(app: FastAPI) -> None:
    """Declare in the OpenAPI document the 422 problem+json this guard (or request validation)
    may answer on any operation (the OneRoster gradebook declares its own 4XX status info)."""
    amend_openapi(app, _declare_refusals)


def _declare_refusals(schema: dict[str, Any]) -> None:
    refused = {
        "description": "The request is not valid (every problem listed)",
        "content": PROBLEM_CONTENT,
    }
    for path, operation in operations(schema):
        if path.startswith(GRADEBOOK):
            continue
        # FastAPI declares its own 422 as application/json HTTPValidationError; the
        # answer is problem+json (app/api/problems.py), so it is declared as such.
        answers = operation["responses"]
        if "422" not in answers or PROBLEM_JSON not in answers["422"].get("content", {}):
            answers["422"] = refused
