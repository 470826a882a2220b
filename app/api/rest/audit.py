"""GET /v1/audit: the tenant's audit trail for its administrators (scope `admin`): overrides,
policy changes, imports, syncs, clients and data-rights requests, newest first."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import AwareDatetime, BaseModel, Field

from app.api.deps import Admin, UseCasesDep
from app.api.problems import responses
from app.api.rest.pagination import Cursor, Limit, ListPage, decode_cursor, encode_cursor
from app.domain.audit import AuditKind, AuditQuery, RecordedAuditEntry
from app.domain.errors import Invalid, Problem

router = APIRouter(tags=["audit"])


class AuditEntryRead(BaseModel):
    seq: int = Field(description="The entry's place in the trail (ascending).")
    at: datetime
    actor: str = Field(description="The API client that acted, or `operator` (the CLI).")
    kind: AuditKind
    subject: str = Field(description="What changed: a framework, a client, `student/competency`.")
    student_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _entry(recorded: RecordedAuditEntry) -> AuditEntryRead:
    e = recorded.entry
    return AuditEntryRead(
        seq=recorded.seq,
        at=e.at,
        actor=e.actor,
        kind=e.kind,
        subject=e.subject,
        student_id=e.student_id,
        before=dict(e.before) if e.before is not None else None,
        after=dict(e.after) if e.after is not None else None,
    )


def _before_seq(cursor: str | None) -> int | None:
    key = decode_cursor(cursor)
    if key is None:
        return None
    if not key.isdigit() or len(key) > 18:
        raise Invalid("The cursor is not valid", [Problem(("query", "cursor"), "not a cursor")])
    return int(key)


@router.get(
    "/v1/audit",
    response_model=ListPage[AuditEntryRead],
    summary="The audit trail, newest first",
    operation_id="list_audit_entries",
    responses=responses(401, 403, 422),
)
async def list_audit_entries(
    use_cases: UseCasesDep,
    principal: Admin,
    kind: Annotated[list[AuditKind] | None, Query(description="Only these kinds.")] = None,
    since: Annotated[AwareDatetime | None, Query(description="At or after.")] = None,
    until: Annotated[AwareDatetime | None, Query(description="Before.")] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Any:
    """Who changed what and when in the district: clients created and rotated, overrides set and
    cleared, framework and policy changes, imports, erasures; each with what it was before and
    after. Newest first, paged with `cursor`; `kind` (repeat for several), `since` and `until`
    narrow it. Also as CSV or Parquet for the whole trail."""
    query = AuditQuery(
        limit=limit,
        before_seq=_before_seq(cursor),
        kinds=frozenset(kind or ()),
        since=since,
        until=until,
    )
    page = await use_cases.audit.entries(principal.tenant_id, query)
    return ListPage[AuditEntryRead](
        items=[_entry(r) for r in page.items], next_cursor=encode_cursor(page.last_key)
    )
