"""GET /v1/changes: the change feed (decisions, evidence, roster), oldest first, for the systems
a district connects. Scope `mastery:read`: the events carry ids and new states only, what a
mastery reader may read already (decision 0043)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from app.api.deps import MasteryReader, UseCasesDep
from app.api.problems import responses
from app.api.rest.pagination import MAX_PAGE
from app.domain.changes import ChangeType

router = APIRouter(tags=["changes"])


class ChangeRead(BaseModel):
    id: int = Field(description="The event's id (unique; the feed's order is the cursor's).")
    type: ChangeType
    occurred_at: datetime
    data: dict[str, Any] = Field(description="Ids and the new status, level or score.")


class ChangePageRead(BaseModel):
    items: list[ChangeRead]
    next_cursor: str = Field(
        description="Pass as `after` for the next page; an empty page gives back `after`."
    )


@router.get(
    "/v1/changes",
    response_model=ChangePageRead,
    summary="The change feed, oldest first",
    operation_id="list_changes",
    responses=responses(401, 403, 422),
)
async def list_changes(
    use_cases: UseCasesDep,
    principal: MasteryReader,
    after: Annotated[
        str | None, Query(max_length=64, description="`next_cursor` of the previous page.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Events per page.")] = 100,
    types: Annotated[
        str | None,
        Query(max_length=500, description="Only these types, comma-separated."),
    ] = None,
) -> Any:
    """Every change of a decision (status, level, score, override), of evidence (added,
    replaced, voided) and of the roster (users, classes, enrollments), in one durable order.
    Keep `next_cursor` and pass it as `after`: a page never skips an event that commits
    later, and an empty page hands the same cursor back. Events are kept
    `MASTERY_CHANGES_RETENTION_DAYS` (30 by default)."""
    page = await use_cases.changes.page(principal.tenant_id, after, limit, types)
    return ChangePageRead(
        items=[
            ChangeRead(
                id=i.id, type=ChangeType(i.type), occurred_at=i.occurred_at, data=dict(i.data)
            )
            for i in page.items
        ],
        next_cursor=page.next_cursor,
    )
