"""Evidence: post results in all-or-nothing batches, read them, void them.

A batch is checked in one pass: when some items cannot even be read (a score that is not a
number, a field missing), the others are still checked against the district's students,
competencies, scales and each other, the unread ones' student and competency too, and one 422
lists every problem of every item."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

from app.api.bounded import Instant
from app.api.deps import AUTHENTICATED, EvidenceWriter, MasteryReader, UseCasesDep
from app.api.prefer import PREFERENCE_APPLIED, RETURN_MINIMAL, PreferHeader, prefers_minimal
from app.api.problems import located, responses
from app.api.rest import mastery_schemas as s
from app.api.rest.json_bytes import json_response
from app.api.rest.pagination import Cursor, Limit, ListPage, decode_cursor, encode_cursor
from app.domain.access import Principal
from app.domain.errors import Invalid, Problem
from app.domain.evidence_acceptance import EvidenceInput, Outcome, UnreadItem
from app.domain.mastery.view import view_of
from app.use_cases import evidence as use


class OnePassRoute(APIRoute):
    """The batch route answers the problems of the items it could read along with the type
    errors of those it could not (see the module's docstring)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()
        if self.name != "record":
            return handle

        async def route(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as exc:
                raise await _every_problem(request, exc) from None

        return route


def _item_of(loc: Any) -> int | None:
    """The item index of a location ("body", "items", i, ...), else None."""
    if len(loc) > 2 and tuple(loc[:2]) == ("body", "items") and isinstance(loc[2], int):
        return int(loc[2])
    return None


async def _every_problem(request: Request, error: RequestValidationError) -> Exception:
    """The type errors and every problem of the items that could be read, as one Invalid; the
    error itself when the batch as a whole could not be read (not a list of items)."""
    errors = error.errors()
    bad = {_item_of(e["loc"]) for e in errors}
    principal = getattr(request.state, AUTHENTICATED, None)
    if None in bad or not isinstance(principal, Principal):
        return error
    try:
        items = json.loads(await request.body())["items"]
    except (ValueError, KeyError, TypeError):
        return error
    if not isinstance(items, list):
        return error
    refused = {(e["loc"][2], e["loc"][3]) for e in errors if len(e["loc"]) > 3}
    readable = [
        _unread(i, item, refused)
        if i in bad
        else EvidenceInput(**s.EvidenceIn.model_validate(item).model_dump())
        for i, item in enumerate(items)
    ]
    found = await request.app.state.use_cases.evidence.problems_of(principal, readable)
    problems = [Problem(tuple(e["loc"]), e["msg"]) for e in errors]
    problems += [Problem(("body", *p.loc), p.msg) for p in found]
    problems.sort(key=lambda p: _item_of(p.loc) or 0)  # by item; stable: types first
    return Invalid(f"{len(problems)} problem(s) in the batch; nothing was written", problems)


def _unread(index: int, item: Any, refused: set[tuple[Any, Any]]) -> UnreadItem:
    """What can be read of an item whose types were refused: the student and competency it
    names, when they are ids (the references checked for it)."""

    def read(field: str) -> str | None:
        value = item.get(field) if isinstance(item, dict) else None
        ok = isinstance(value, str) and 1 <= len(value) <= 255 and (index, field) not in refused
        return value if ok else None

    return UnreadItem(read("student_id"), read("competency_id"))


router = APIRouter(tags=["evidence"], route_class=OnePassRoute)
Id = Annotated[str, Path(min_length=1, max_length=64)]


class EvidenceList(ListPage[s.EvidenceRead]):
    pass


class VoidedRead(s.RecordedRead):
    pass


def _recorded(batch: use.RecordedBatch) -> Response:
    """The answer as JSON bytes: a batch may change thousands of decisions, and building a
    model for each, then validating it again, costs more than storing them (same shape as
    RecordedRead, which the OpenAPI document declares)."""
    body = {
        "items": [{"id": i.id, "outcome": i.outcome.value} for i in batch.items],
        "decisions": [
            s.decision_json(view_of(r, batch.frameworks[r.framework_id], batch.shown_at))
            for r in batch.decisions
        ],
    }
    return json_response(body)


def _counted(batch: use.RecordedBatch) -> Response:
    """The minimal answer (`Prefer: return=minimal`): how many items were created, updated and
    unchanged and how many decisions changed, without serialising those decisions (at 1,000
    results a batch changes about 1,100 of them: a 400 kB answer)."""
    counts = Counter(i.outcome.value for i in batch.items)
    body = {o.value: counts[o.value] for o in Outcome}
    body["decisions_changed"] = len(batch.decisions)
    response = json_response(body)
    response.headers[PREFERENCE_APPLIED] = RETURN_MINIMAL
    return response


@router.post(
    "/v1/evidence",
    response_model=s.RecordedRead,
    summary="Record a batch of results (all or nothing)",
    description=(
        "How a gradebook, an assessment platform or a district script sends students' results "
        "on competencies: each result is scored on its own scale (`score` of `max_score`) and "
        "the decisions it feeds are recomputed at once and answered. "
        "1 to MASTERY_MAX_BATCH items. If any item is invalid the answer is 422 listing every "
        "bad item by index and field, and nothing is written. Sending an item again (same "
        "source, source_id and competency) is an upsert: `unchanged` or `updated`. "
        "With `Prefer: return=minimal` the answer is only the counts "
        '`{"created": n, "updated": n, "unchanged": n, "decisions_changed": n}` '
        "and carries `Preference-Applied: return=minimal`."
    ),
    operation_id="record_evidence",
    responses=responses(401, 403, 413, 422),
)
async def record(
    body: s.EvidenceBatch,
    use_cases: UseCasesDep,
    principal: EvidenceWriter,
    prefer: PreferHeader = None,
) -> Any:
    # The model's fields are flat: its __dict__ is model_dump() at a sixth of the cost.
    items = [EvidenceInput(**vars(i)) for i in body.items]
    with located("body"):
        batch = await use_cases.evidence.record_evidence(principal, items)
    return _counted(batch) if prefers_minimal(prefer) else _recorded(batch)


@router.get(
    "/v1/evidence/{id}",
    response_model=s.EvidenceRead,
    summary="Get one result",
    operation_id="get_evidence",
    responses=responses(401, 403, 404),
)
async def get(id: Id, use_cases: UseCasesDep, principal: MasteryReader) -> Any:
    """One assessment result as recorded: the student, competency, score and scale, when it was
    observed, its source and `source_id`, and `voided_at` once voided."""
    return await use_cases.evidence.get_evidence(principal, id)


@router.get(
    "/v1/evidence",
    response_model=EvidenceList,
    summary="List results in arrival order",
    operation_id="list_evidence",
    responses=responses(401, 403, 422),
)
async def list_(
    use_cases: UseCasesDep,
    principal: MasteryReader,
    student_id: str | None = None,
    competency_id: str | None = None,
    since: Annotated[Instant | None, Query(description="Changed at or after")] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Any:
    """The district's results in the order they arrived, narrowed by `student_id`, `competency_id`
    and `since` (changed at or after). Paged with `limit` and `cursor`, so a warehouse can read
    what is new since its last page; also as CSV or Parquet for the whole list."""
    page = await use_cases.evidence.list_evidence(
        principal,
        student_id=student_id,
        competency_id=competency_id,
        since=since,
        after=decode_cursor(cursor),
        limit=limit,
    )
    return {"items": page.items, "next_cursor": encode_cursor(page.last_key)}


@router.delete(
    "/v1/evidence/{id}",
    response_model=VoidedRead,
    summary="Void a result: kept, no longer counted; its decisions are recomputed",
    operation_id="void_evidence",
    responses=responses(401, 403, 404),
)
async def void(id: Id, use_cases: UseCasesDep, principal: EvidenceWriter) -> Any:
    """Voids a result entered in error: it is kept (the audit of what was decided stays true) but no
    longer counted, and the decisions it fed are recomputed. Answers the decisions as they now
    stand. Voiding again changes nothing."""
    return _recorded(await use_cases.evidence.void_evidence(principal, id))
