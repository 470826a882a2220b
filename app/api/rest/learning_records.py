"""GET /v1/xapi/unmatched: the xAPI statements and Caliper events stored but counted for
nothing, with the reason, so a district can fix its roster, alignments or vendor settings."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from app.api.deps import MasteryReader, UseCasesDep
from app.api.problems import responses
from app.domain.errors import Invalid, Problem
from app.domain.xapi import parse_instant
from app.ports.xapi import RecordQuery

router = APIRouter(tags=["xAPI and Caliper"])


class UnmatchedRead(BaseModel):
    kind: Literal["xapi", "caliper"]
    id: str = Field(description="The statement's or event's id.")
    stored_at: datetime
    student_id: str | None = Field(description="The student the actor is, when found.")
    reason: str = Field(description="Why it counts for nothing.")


class UnmatchedPageRead(BaseModel):
    items: list[UnmatchedRead]
    next_cursor: str | None = Field(description="Pass as `after` for the next page.")


@router.get(
    "/v1/xapi/unmatched",
    response_model=UnmatchedPageRead,
    summary="Statements and events that made no evidence",
    operation_id="list_unmatched_learning_records",
    responses=responses(401, 403, 422),
)
async def list_unmatched(
    use_cases: UseCasesDep,
    principal: MasteryReader,
    kind: Annotated[Literal["xapi", "caliper"], Query(description="Statements or events.")] = (
        "xapi"
    ),
    limit: Annotated[int, Query(ge=1, le=1000, description="Records per page.")] = 100,
    after: Annotated[
        str | None, Query(max_length=400, description="`next_cursor` of the previous page.")
    ] = None,
) -> Any:
    """The xAPI statements (or Caliper events) this district's clients sent that name no
    student on the roster, no competency of its frameworks, or no score, newest first, each
    with the reason. They are stored all the same: fix the roster or the alignment and send
    them again under new ids."""
    cursor = None
    if after is not None:
        stored, _, rid = after.partition("|")
        instant = parse_instant(stored)
        if instant is None or not rid:
            raise Invalid("The cursor is not valid", [Problem(("query", "after"), "not a cursor")])
        cursor = (instant, rid)
    query = RecordQuery(kind=kind, limit=limit + 1, after=cursor, unmatched_only=True)
    found = await use_cases.learning_records.page(principal, query)
    page = found[:limit]
    last = page[-1] if len(found) > limit else None
    return UnmatchedPageRead(
        items=[
            UnmatchedRead(
                kind=kind,
                id=r.id,
                stored_at=r.stored_at,
                student_id=r.student_id,
                reason=r.unmatched or "",
            )
            for r in page
        ],
        next_cursor=None if last is None else f"{last.stored_at.isoformat()}|{last.id}",
    )
