"""Evidence: post results in all-or-nothing batches, read them, void them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from app.api.bounded import Instant
from app.api.deps import EvidenceWriter, MasteryReader, UseCasesDep
from app.api.problems import located, responses
from app.api.rest import mastery_schemas as s
from app.api.rest.json_bytes import json_response
from app.api.rest.pagination import Cursor, Limit, ListPage, decode_cursor, encode_cursor
from app.domain.evidence_acceptance import EvidenceInput
from app.domain.mastery.view import view_of
from app.use_cases import evidence as use

router = APIRouter(tags=["evidence"])
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


@router.post(
    "/v1/evidence",
    response_model=s.RecordedRead,
    summary="Record a batch of results (all or nothing)",
    description=(
        "1 to MASTERY_MAX_BATCH items. If any item is invalid the answer is 422 listing every "
        "bad item by index and field, and nothing is written. Sending an item again (same "
        "source, source_id and competency) is an upsert: `unchanged` or `updated`."
    ),
    operation_id="record_evidence",
    responses=responses(401, 403, 413, 422),
)
async def record(body: s.EvidenceBatch, use_cases: UseCasesDep, principal: EvidenceWriter) -> Any:
    items = [EvidenceInput(**i.model_dump()) for i in body.items]
    with located("body"):
        batch = await use_cases.evidence.record_evidence(principal, items)
    return _recorded(batch)


@router.get(
    "/v1/evidence/{id}",
    response_model=s.EvidenceRead,
    summary="Get one result",
    operation_id="get_evidence",
    responses=responses(401, 403, 404),
)
async def get(id: Id, use_cases: UseCasesDep, principal: MasteryReader) -> Any:
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
    return _recorded(await use_cases.evidence.void_evidence(principal, id))
