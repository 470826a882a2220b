"""Importing a CASE 1.0 framework: the package in the body, or the URL of a CASE provider."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request, Response, status
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from app.api.deps import FrameworkWriter, UseCasesDep
from app.api.problems import responses
from app.api.rest.case_schemas import IMPORT_BODY, CaseImportRead, CaseProviderImport
from app.domain.errors import DomainError, Problem
from app.ports.case import ProviderAuth

router = APIRouter(tags=["frameworks"])


def _decoded(raw: bytes) -> Any:
    """The body's JSON value; the raw bytes when it is not JSON (the reader says why)."""
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return raw


def _provider_request(data: Any) -> CaseProviderImport | None:
    if not isinstance(data, dict) or "url" not in data or "CFDocument" in data:
        return None
    try:
        return CaseProviderImport.model_validate(data)
    except ValidationError as exc:
        errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]
        raise RequestValidationError(errors) from None


def _located(problem: Problem, *, fetched: bool) -> Problem:
    """A problem located in the request: the package sent is the body; a provider's package
    is not in the body (only its url and auth are)."""
    in_body = not fetched or problem.loc[:1] in (("url",), ("auth",))
    return Problem(("body" if in_body else "package", *problem.loc), problem.msg)


@router.post(
    "/v1/frameworks/import/case",
    response_model=CaseImportRead,
    summary="Import a CASE 1.0 framework (a CFPackage, or a provider's package URL)",
    description=(
        "Creates the framework, or updates in place the one imported from the same CFDocument: "
        "changed items change, new ones are added, missing ones are retired (kept with their "
        "evidence and decisions). 201 when created, 200 when updated, 202 when decisions are "
        "recomputed in the background. A package that breaks a rule is rejected with every "
        "problem listed, located in the package (`body` or, from a provider, `package`); "
        "nothing is written. What was accepted though not CASE 1.0 is listed in `warnings`."
    ),
    operation_id="import_case",
    openapi_extra={"requestBody": IMPORT_BODY},
    responses={
        200: {"description": "Updated in place"},
        201: {"description": "Created"},
        202: {"description": "Updated; decisions are being recomputed (see recompute_job)"},
        **responses(401, 403, 409, 413, 422, 502),
    },
)
async def import_case(
    request: Request, use_cases: UseCasesDep, principal: FrameworkWriter, response: Response
) -> Any:
    data = _decoded(await request.body())
    provider = _provider_request(data)
    try:
        if provider is None:
            done = await use_cases.case_imports.import_case(principal, data)
        else:
            auth = ProviderAuth(**provider.auth.model_dump()) if provider.auth else None
            done = await use_cases.case_imports.import_case_from_provider(
                principal, provider.url, auth
            )
    except DomainError as exc:
        exc.problems = [_located(p, fetched=provider is not None) for p in exc.problems]
        raise
    response.headers["Location"] = f"/v1/frameworks/{done.framework.id}"
    if done.job is not None:
        response.status_code = status.HTTP_202_ACCEPTED
    elif done.plan.created:
        response.status_code = status.HTTP_201_CREATED
    return CaseImportRead.of(done)
