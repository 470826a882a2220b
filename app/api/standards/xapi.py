"""The xAPI 1.0.3 Learning Record Store's statement resource (and /about), as the spec binds
them (Part Three: HTTP), at /xapi: an LMS or content that speaks xAPI points its LRS endpoint
here, and statements naming a student and a competency become evidence.

Writing needs evidence:write, reading mastery:read; a client sees its tenant's statements
only. The routes' contract is the xAPI spec's, so they are left out of the OpenAPI document
(like the LTI endpoints); /v1/xapi/unmatched, ours, is in it."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from app.api.public_url import public_base
from app.api.standards.lrs import LrsRoute, lrs_caller
from app.domain.access import Scope
from app.domain.errors import Invalid, Problem
from app.domain.xapi import ACCEPTED_VERSIONS, parse_instant, statement_uuid
from app.ports.xapi import XAPI, RecordQuery
from app.use_cases.xapi import LearningRecordStore

router = APIRouter(prefix="/xapi", route_class=LrsRoute, include_in_schema=False)
CONSISTENT = "X-Experience-API-Consistent-Through"
_DEFAULT_LIMIT = 100


def _store(request: Request) -> LearningRecordStore:
    store: LearningRecordStore = request.app.state.use_cases.learning_records
    return store


def _iso(instant: datetime) -> str:
    return instant.isoformat().replace("+00:00", "Z")


async def _body(request: Request) -> Any:
    try:
        return json.loads(await request.body())
    except ValueError:
        raise Invalid("The body is not JSON", [Problem(("body",), "not JSON")]) from None


@router.get("/about")
async def about() -> JSONResponse:
    """The xAPI versions this LRS speaks."""
    return JSONResponse({"version": list(ACCEPTED_VERSIONS)})


@router.put("/statements")
async def put_statement(request: Request, statementId: Annotated[str, Query()]) -> Response:
    """Store one statement under the id the query names: 204 (stored now or before, the same)."""
    principal = await lrs_caller(request, Scope.EVIDENCE_WRITE)
    if statement_uuid(statementId) is None:
        raise Invalid(
            "statementId is not a UUID", [Problem(("query", "statementId"), "not a UUID")]
        )
    body = await _body(request)
    await _store(request).store_statements(
        principal,
        [body],
        home_page=public_base(request),
        statement_id=statement_uuid(statementId),
    )
    return Response(status_code=204)


@router.post("/statements")
async def post_statements(request: Request) -> JSONResponse:
    """Store one statement or an array of them, all or none: 200 with their ids in order."""
    principal = await lrs_caller(request, Scope.EVIDENCE_WRITE)
    body = await _body(request)
    sent = body if isinstance(body, list) else [body]
    stored = await _store(request).store_statements(principal, sent, home_page=public_base(request))
    return JSONResponse(stored.ids)


def _instant(name: str, value: str | None, problems: list[Problem]) -> datetime | None:
    if value is None:
        return None
    found = parse_instant(value)
    if found is None:
        problems.append(Problem(("query", name), "not an ISO 8601 timestamp"))
    return found


def _cursor(value: str | None, problems: list[Problem]) -> tuple[datetime, str] | None:
    if value is None:
        return None
    stored, _, sid = value.partition("|")
    instant = parse_instant(stored)
    if instant is None or not sid:
        problems.append(Problem(("query", "after"), "not a cursor of this LRS"))
        return None
    return instant, sid


@router.get("/statements")
async def get_statements(
    request: Request,
    statementId: str | None = None,
    voidedStatementId: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: Annotated[int, Query(ge=0)] = 0,
    ascending: bool = False,
    after: str | None = None,
) -> JSONResponse:
    """One statement (statementId, voidedStatementId) or a page of them with a `more` URL."""
    principal = await lrs_caller(request, Scope.MASTERY_READ)
    store = _store(request)
    now = _iso(store.clock.now())
    headers = {CONSISTENT: now}
    problems: list[Problem] = []
    if statementId is not None and voidedStatementId is not None:
        problems.append(Problem(("query",), "name statementId or voidedStatementId, not both"))
    single = statementId or voidedStatementId
    if single is not None:
        others = {"since", "until", "ascending", "after"} & set(request.query_params)
        if others:
            problems.append(Problem(("query",), f"{', '.join(sorted(others))} with a single id"))
        if problems:
            raise Invalid("The query is not valid", problems)
        record = await store.statement(
            principal, statement_uuid(single) or single, voided=voidedStatementId is not None
        )
        return JSONResponse(record.body, headers=headers)
    query = RecordQuery(
        kind=XAPI,
        limit=min(limit or _DEFAULT_LIMIT, store.max_batch) + 1,
        since=_instant("since", since, problems),
        until=_instant("until", until, problems),
        ascending=ascending,
        after=_cursor(after, problems),
    )
    if problems:
        raise Invalid("The query is not valid", problems)
    records = await store.page(principal, query)
    page, more = records[: query.limit - 1], len(records) == query.limit
    link = ""
    if more:
        last = page[-1]
        cursor = f"{_iso(last.stored_at)}|{last.id}"
        link = str(request.url.include_query_params(after=cursor))
        link = link[link.index("/xapi/") :]
    body = {"statements": [r.body for r in page], "more": link}
    return JSONResponse(body, headers=headers)
