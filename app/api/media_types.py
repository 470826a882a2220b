"""The media types each route reads, and a 415 for a body sent as anything else.

Without it, a JSON body posted with no Content-Type (or `text/plain`) reached the route as
bytes and was answered with pydantic's "Input should be a valid dictionary", which says
nothing of the header at fault. Each route's accepted types are read from the route itself: a
JSON body model reads `application/json`, a form or file parameter form data, and a route that
reads its body by hand states the types in its OpenAPI `requestBody` (the merge-patch PATCH).
The check is an app-wide dependency, so it runs once the route is found (a wrong path is still
404) and before the body is validated; its error is a domain error, so every door answers it
in its own format (imsx_StatusInfo under the OneRoster gradebook)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request, params
from fastapi.routing import APIRoute

from app.api.problems import PROBLEM_JSON
from app.api.standards.gradebook_json import GRADEBOOK
from app.api.unsupported_media import UnsupportedMediaType
from app.domain.errors import Problem

JSON = "application/json"
MERGE_PATCH = "application/merge-patch+json"
_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def media_type(content_type: str | None) -> str:
    """The media type of a Content-Type header, without its parameters, lower case."""
    return (content_type or "").split(";")[0].strip().lower()


def accepted_media(route: APIRoute) -> tuple[str, ...]:
    """The media types a route reads its body as (none: it takes no body)."""
    declared = (route.openapi_extra or {}).get("requestBody", {}).get("content")
    if declared:
        return tuple(declared)
    if route.body_field is None:
        return ()
    if isinstance(route.body_field.field_info, params.Form):  # File is a Form too
        return _FORMS
    return (JSON,)


def _has_body(request: Request) -> bool:
    length = request.headers.get("content-length")
    if length is not None:
        return length.strip() not in ("", "0")
    return "transfer-encoding" in request.headers


async def require_media_type(request: Request) -> None:
    """Refuse a body in a media type this request's route does not read (415)."""
    route = request.scope.get("route")
    if request.method not in _BODY_METHODS or not isinstance(route, APIRoute):
        return
    accepted = accepted_media(route)
    given = media_type(request.headers.get("content-type"))
    if not accepted or given in accepted or not _has_body(request):
        return
    if not given and route.body_field is None:
        # A route that reads its body itself (a CASE package) reads it whatever the type, and
        # says what is wrong with it; a body with no type is taken as the declared one
        # (RFC 9110 section 8.3 lets the recipient examine the data).
        return
    listed = ", ".join(accepted)
    said = f"Content-Type {given}" if given else "no Content-Type"
    raise UnsupportedMediaType(
        f"The body was sent with {said}; this operation reads {listed}",
        [Problem(("header", "content-type"), f"must be one of {listed}")],
        accepted=accepted,
        patch=request.method == "PATCH",
    )


def state_media_types(app: FastAPI) -> None:
    """Declare in the OpenAPI document the 415 of every operation that reads a body (the
    gradebook's `4XX` says it already)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        for path, operations in schema["paths"].items():
            if path.startswith(GRADEBOOK):
                continue
            for operation in operations.values():
                if "requestBody" in operation:
                    operation["responses"].setdefault("415", _REFUSED)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


_REFUSED = {
    "description": "The body's Content-Type is not one this operation reads",
    "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}},
}
