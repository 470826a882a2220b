"""The CASE 1.0 provider endpoints (/ims/case/v1p0): every framework of the tenant, imported or
authored here, as CASE JSON, for bearer tokens with frameworks:read.

Errors answer CASE's imsx_StatusInfo (codeMajor failure, severity error, a codeMinor such as
unknownobject) and carry RFC 9457's fields beside it, as the token endpoint carries OAuth's:
one body that CASE clients and our own clients both read. Answers carry a strong ETag; a
request whose If-None-Match names it is answered 304 without a body."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Coroutine
from http import HTTPStatus
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel

from app.api.deps import FrameworkReader, UseCasesDep
from app.api.error_status import headers_of, status_of
from app.api.problems import AuthProblem, problem_body
from app.api.public_url import public_base
from app.domain.access import Principal
from app.domain.errors import DomainError
from app.use_cases import case_provider as use

PREFIX = "/ims/case/v1p0"
_MINOR_OF_STATUS = {401: "unauthorisedrequest", 403: "forbidden", 404: "unknownobject"}


class CaseCodeMinorField(BaseModel):
    imsx_codeMinorFieldName: str
    imsx_codeMinorFieldValue: str


class CaseCodeMinor(BaseModel):
    imsx_codeMinorField: list[CaseCodeMinorField]


class CaseStatusInfo(BaseModel):
    """CASE 1.0's imsx_StatusInfo, with RFC 9457's fields beside it."""

    imsx_codeMajor: Literal["success", "processing", "failure", "unsupported"]
    imsx_severity: Literal["status", "warning", "error"]
    imsx_description: str | None = None
    imsx_codeMinor: CaseCodeMinor | None = None
    type: str | None = None
    title: str | None = None
    status: int | None = None
    detail: str | None = None


def status_info(
    status: int, detail: str, field: str, minor: str, path: str, headers: dict[str, str] | None
) -> Response:
    kind = {401: "unauthorized", 403: "insufficient-scope", 404: "not-found"}.get(status)
    body: dict[str, Any] = {
        "imsx_codeMajor": "failure",
        "imsx_severity": "error",
        "imsx_description": detail,
        "imsx_codeMinor": {
            "imsx_codeMinorField": [
                {"imsx_codeMinorFieldName": field, "imsx_codeMinorFieldValue": minor}
            ]
        },
        **problem_body(status, detail, kind=kind, instance=path),
    }
    return Response(json.dumps(body), status, headers, media_type="application/json")


def _minor(status: int, field: str) -> str:
    """CASE's code minor for a domain error answered `status` (app.api.error_status decides
    it), the request's `field` at fault."""
    if status in _MINOR_OF_STATUS:
        return _MINOR_OF_STATUS[status]
    if status >= 500:
        return "server_busy"  # a system the service depends on failed: try again later
    return "invalid_sort_field" if field == "sort" else "invalid_selection_field"


class CaseRoute(APIRoute):
    """A route whose errors (authentication, parameters, unknown objects) answer in CASE's
    imsx_StatusInfo form rather than the API's problem+json."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            path = request.url.path
            try:
                return await handler(request)
            except AuthProblem as exc:
                minor = _MINOR_OF_STATUS[exc.status]
                headers = {"WWW-Authenticate": exc.challenge}
                return status_info(exc.status, exc.detail, "Authorization", minor, path, headers)
            except RequestValidationError as exc:
                first = exc.errors()[0] if exc.errors() else {}
                field = str(first.get("loc", ("", "query"))[-1])
                detail = f"{field}: {first.get('msg', 'invalid')}"
                return status_info(400, detail, field, "invalid_selection_field", path, None)
            except DomainError as exc:
                status = status_of(exc)
                if status == 404:
                    return status_info(404, exc.detail, "sourcedId", "unknownobject", path, None)
                field = str(exc.problems[0].loc[-1]) if exc.problems else "request"
                detail = "; ".join(p.msg for p in exc.problems) or exc.detail
                minor = _minor(status, field)
                retry = headers_of(exc) or None
                return status_info(status, f"{exc.detail}: {detail}", field, minor, path, retry)

        return route


router = APIRouter(prefix=PREFIX, tags=["CASE 1.0"], route_class=CaseRoute)
SourcedId = Annotated[str, Path(min_length=1, max_length=255, description="The identifier")]
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": f"{HTTPStatus(status).phrase} (imsx_StatusInfo)",
        "model": CaseStatusInfo,
    }
    for status in (400, 401, 403, 404)
}


def _base(request: Request) -> str:
    return public_base(request) + PREFIX


def _answer(request: Request, body: Any, headers: dict[str, str] | None = None) -> Response:
    """The JSON answer with its ETag, or 304 when the client holds this very answer."""
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    tags = {
        t.strip().removeprefix("W/") for t in request.headers.get("if-none-match", "").split(",")
    }
    cache = {"ETag": etag, "Cache-Control": "private, no-cache", **(headers or {})}
    if etag in tags or "*" in tags:
        return Response(status_code=304, headers=cache)
    return Response(content, 200, cache, media_type="application/json")


def _ok(description: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"description": description, "content": {"application/json": {}}}, **_ERRORS}


@router.get(
    "/CFDocuments",
    name="getAllCFDocuments",
    summary="Every CFDocument (framework) of the district",
    description="The district's frameworks as CASE 1.0 CFDocuments, for a CASE consumer to "
    "discover them; fetch a whole one from CFPackages. Sorted by title unless `sort` names "
    "another field; paged with `limit` and `offset`; `X-Total-Count` counts all.",
    response_class=Response,
    responses=_ok("CFDocumentSet: {CFDocuments: [...]}"),
)
async def documents(
    request: Request,
    use_cases: UseCasesDep,
    principal: FrameworkReader,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    sort: Annotated[str | None, Query(description=", ".join(use.SORTABLE))] = None,
    order_by: Annotated[Literal["asc", "desc"], Query(alias="orderBy")] = "asc",
    filter: Annotated[str | None, Query(description="Not supported: answers 400")] = None,
    fields: Annotated[str | None, Query(description="Ignored: every field is served")] = None,
) -> Response:
    if filter is not None:
        path = request.url.path
        return status_info(
            400, "filter is not supported", "filter", "invalid_selection_field", path, None
        )
    page, total = await use_cases.case_provider.case_documents(
        principal,
        base=_base(request),
        sort=sort,
        descending=order_by == "desc",
        offset=offset,
        limit=limit,
    )
    return _answer(request, {"CFDocuments": page}, {"X-Total-Count": str(total)})


Fetch = Callable[[use.CaseProvider, Principal, str, str], Awaitable[dict[str, Any]]]


# What every object read says after its own sentence.
_SERVED = (
    " As CASE 1.0 serves it, for a CASE consumer (a vendor's platform, another district's "
    "system) to read the district's frameworks. The answer carries an ETag: sent back in "
    "If-None-Match, an unchanged object answers 304. An unknown identifier, or another "
    "district's, is a 404 in imsx_StatusInfo form."
)


def _object_route(
    path: str, name: str, summary: str, shape: str, fetch: Fetch, counted: str | None = None
) -> None:
    """One GET of an object by its identifier: the same parameters, errors and caching;
    `counted` names a list whose length the answer gives in X-Total-Count."""

    async def get(
        request: Request, sourcedId: SourcedId, use_cases: UseCasesDep, principal: FrameworkReader
    ) -> Response:
        body = await fetch(use_cases.case_provider, principal, sourcedId, _base(request))
        total = {"X-Total-Count": str(len(body[counted]))} if counted else None
        return _answer(request, body, total)

    router.add_api_route(
        f"/{path}/{{sourcedId}}",
        get,
        methods=["GET"],
        name=name,
        summary=summary,
        description=_ABOUT[name] + _SERVED,
        response_class=Response,
        responses=_ok(shape),
    )


_ROUTES: list[tuple[str, str, str, str, Fetch, str | None]] = [
    (
        "CFDocuments",
        "getCFDocument",
        "One CFDocument",
        "CFDocument",
        use.CaseProvider.case_document,
        None,
    ),
    (
        "CFPackages",
        "getCFPackage",
        "A whole framework: CFDocument, CFItems, CFAssociations, CFDefinitions",
        "CFPackage",
        use.CaseProvider.case_package,
        None,
    ),
    ("CFItems", "getCFItem", "One CFItem (competency)", "CFItem", use.CaseProvider.case_item, None),
    (
        "CFAssociations",
        "getCFAssociation",
        "One CFAssociation",
        "CFAssociation",
        use.CaseProvider.case_association,
        None,
    ),
    (
        "CFItemAssociations",
        "getCFItemAssociations",
        "A CFItem with every association from or to it",
        "CFAssociationSet: {CFItem, CFAssociations: [...]}",
        use.CaseProvider.case_item_associations,
        "CFAssociations",
    ),
    (
        "CFItemTypes",
        "getCFItemType",
        "One CFItemType",
        "CFItemTypeSet: {CFItemTypes: [...]}",
        use.CaseProvider.case_item_type,
        None,
    ),
]
_ABOUT = {
    "getCFDocument": "A framework's CFDocument: its title, creator, publisher, version, "
    "subjects and adoption status, without its items.",
    "getCFPackage": "A whole framework in one answer: its CFDocument, every CFItem (competency), "
    "every CFAssociation (the tree as isChildOf, prerequisites as precedes) and the "
    "CFDefinitions they use.",
    "getCFItem": "One competency as a CFItem: its statement, human coding scheme (the code), item "
    "type, education levels and the document it belongs to.",
    "getCFAssociation": "One association between two items or an item and its document: "
    "isChildOf for the tree, precedes for a prerequisite.",
    "getCFItemAssociations": "A CFItem with every association from or to it: its parent, its "
    "children and its prerequisites both ways; X-Total-Count counts the associations.",
    "getCFItemType": "One CFItemType (Grade Level, Domain, Standard...) the framework's items use, "
    "as a CFItemTypeSet of one.",
}
for _route in _ROUTES:
    _object_route(*_route)
