"""Grading terms (issue #16): closing a term or grading period freezes every decision as its
snapshot, reopening discards it; the snapshot, and the report cards read from it, as JSON and
CSV. See docs/decisions/0050-grading-terms-and-snapshots.md."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Path, Query, Request, Response, status
from pydantic import BaseModel, Field

from app.api.bounded import ZonedInstant
from app.api.deps import FrameworkWriter, MasteryReader, UseCasesDep
from app.api.exports.negotiation import CSV, wants_csv
from app.api.problems import responses
from app.api.rest import mastery_schemas as s
from app.api.rest.framework_schemas import JobLink, RequestModel
from app.api.rest.grading import GradeRead, grade_read
from app.api.rest.pagination import Cursor, Limit, decode_cursor, encode_cursor
from app.api.rest.report_card_csv import report_cards_csv
from app.api.utc import aware
from app.domain.grading_terms import TermClose
from app.use_cases.grading_terms import ReportCards

router = APIRouter(tags=["grading terms"])
Id = Annotated[str, Path(min_length=1, max_length=255)]
FORMAT = "csv for the report cards as CSV (as Accept: text/csv); json (the default)"
REPORT_CSV = (
    "One row per student (student_id, given_name, family_name, grade, reason), then for each "
    "standard by code its status and its level: `CODE status`, `CODE level`"
)


class TermCloseWrite(RequestModel):
    reassessment_until: ZonedInstant | None = Field(
        default=None,
        description="Until then, a result observed within the term (on or before its end date) "
        "still changes the snapshot of its student; later results count for the next term only",
    )


class TermReopenWrite(RequestModel):
    reason: str = Field(min_length=1, max_length=2000, description="Kept in the audit trail")


class TermCloseRead(BaseModel):
    session_id: str
    state: Literal["closing", "closed"] = Field(
        description="closing while a job freezes a large district (see `job`), then closed"
    )
    closed_at: datetime
    closed_by: str = Field(description="The client that closed it")
    ends_at: datetime = Field(description="The first instant after the session's last day")
    reassessment_until: datetime | None
    decisions: int | None = Field(description="How many decisions were frozen (null: closing)")
    job: JobLink | None = Field(default=None, description="Set (with 202) when a job freezes it")


class TermReopenedRead(BaseModel):
    session_id: str
    state: Literal["open"] = "open"
    reason: str
    reopened_close: TermCloseRead = Field(description="The close undone, as it was")


class ReportStandingRead(BaseModel):
    competency_id: str
    code: str
    status: str = Field(description="As shown (overrides included); no_evidence without one")
    level: float | None
    score: float | None


class ReportCardRead(BaseModel):
    student_id: str
    given_name: str
    family_name: str
    grade: GradeRead | None = Field(description="Null when the framework has no grade rules")
    standards: list[ReportStandingRead]


class ReportCardsRead(BaseModel):
    session_id: str
    framework_id: str
    frozen_at: datetime | None = Field(
        description="When the term's snapshot was frozen; null while the term is open (the "
        "cards then read the live decisions and may still change)"
    )
    cards: list[ReportCardRead]


def _close(close: TermClose) -> TermCloseRead:
    return TermCloseRead(
        session_id=close.session_id,
        state=close.state.value,
        closed_at=close.closed_at,
        closed_by=close.closed_by,
        ends_at=close.ends_at,
        reassessment_until=close.reassessment_until,
        decisions=close.decisions,
    )


@router.post(
    "/v1/academic-sessions/{id}/close",
    response_model=TermCloseRead,
    summary="Close a term or grading period: freeze every decision as its snapshot",
    operation_id="close_academic_session",
    responses={
        202: {"description": "Closing; a job freezes the snapshot (see `job`)"},
        **responses(401, 403, 404, 409, 422),
    },
)
async def close_session(
    id: Id,
    use_cases: UseCasesDep,
    principal: FrameworkWriter,
    response: Response,
    body: Annotated[TermCloseWrite | None, Body()] = None,
) -> Any:
    """Freezes every decision of the district as it shows now (status, score, level, the
    engine's own beside any override): the snapshot report cards and term grades read from
    then on, while the live decisions keep moving with later results (they count for the next
    term). Only a `term` or `gradingPeriod` closes (409 otherwise, and when closed already).
    A large district is frozen by a job: 202 with `job`. Audited (`term.closed`). Scope
    `frameworks:write`, as grade rules: a close reaches every student of the district."""
    until = aware(body.reassessment_until) if body is not None else None
    closed = await use_cases.grading_terms.close(principal, id, until)
    read = _close(closed.close)
    if closed.job is not None:
        href = f"/v1/jobs/{closed.job.id}"
        read.job = JobLink(id=closed.job.id, status=closed.job.status, href=href)
        response.status_code = status.HTTP_202_ACCEPTED
        response.headers["Location"] = href
    return read


@router.post(
    "/v1/academic-sessions/{id}/reopen",
    response_model=TermReopenedRead,
    summary="Reopen a closed term: discard its snapshot",
    operation_id="reopen_academic_session",
    responses=responses(401, 403, 404, 409, 422),
)
async def reopen_session(
    id: Id, body: TermReopenWrite, use_cases: UseCasesDep, principal: FrameworkWriter
) -> Any:
    """Discards the snapshot (a later close freezes the decisions again); 409 when the session
    is open. Audited (`term.reopened`) with the close undone and the `reason`."""
    close = await use_cases.grading_terms.reopen(principal, id, body.reason)
    return TermReopenedRead(session_id=id, reason=body.reason, reopened_close=_close(close))


@router.get(
    "/v1/academic-sessions/{id}/snapshot",
    response_model=s.DecisionList,
    summary="A closed term's frozen decisions",
    operation_id="academic_session_snapshot",
    responses=responses(401, 403, 404, 409, 422),
)
async def snapshot(
    id: Id,
    use_cases: UseCasesDep,
    principal: MasteryReader,
    student_id: Annotated[str | None, Query(max_length=255)] = None,
    class_id: Annotated[
        str | None, Query(max_length=255, description="Of this class's students")
    ] = None,
    framework_id: Annotated[str | None, Query(max_length=255)] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> Any:
    """Every decision as frozen at the close, in the shape of a student's decisions
    (`/v1/students/{id}/mastery`), by student then competency id; paged with `limit` and
    `cursor`, also as CSV or Parquet. 404 while the term is open, 409 while it is closing."""
    _, page = await use_cases.grading_terms.snapshot(
        principal,
        id,
        limit=limit,
        student_id=student_id,
        class_id=class_id,
        framework_id=framework_id,
        after=decode_cursor(cursor),
    )
    return {
        "items": [s.decision_json(v) for v in page.items],
        "next_cursor": encode_cursor(page.last_key),
    }


def _cards(found: ReportCards) -> ReportCardsRead:
    codes = {c.id: c.code for c in found.framework.competencies}
    return ReportCardsRead(
        session_id=found.session_id,
        framework_id=found.framework.id,
        frozen_at=found.close.closed_at if found.close is not None else None,
        cards=[
            ReportCardRead(
                student_id=card.student.id,
                given_name=card.student.given_name,
                family_name=card.student.family_name,
                grade=grade_read(card.grade) if card.grade is not None else None,
                standards=[
                    ReportStandingRead(
                        competency_id=st.competency_id,
                        code=codes[st.competency_id],
                        status=st.status,
                        level=st.level,
                        score=st.score,
                    )
                    for st in card.standings
                ],
            )
            for card in found.cards
        ],
    )


@router.get(
    "/v1/academic-sessions/{id}/report-cards",
    response_model=ReportCardsRead,
    summary="A term's report cards: a class's students, or one student",
    operation_id="academic_session_report_cards",
    responses={
        200: {"content": {CSV: {"schema": {"type": "string", "description": REPORT_CSV}}}},
        **responses(401, 403, 404, 409, 422),
    },
)
async def report_cards(
    id: Id,
    framework_id: Annotated[str, Query(max_length=255)],
    use_cases: UseCasesDep,
    principal: MasteryReader,
    request: Request,
    class_id: Annotated[str | None, Query(max_length=255)] = None,
    student_id: Annotated[str | None, Query(max_length=255)] = None,
    format: Annotated[Literal["json", "csv"] | None, Query(description=FORMAT)] = None,
) -> Any:
    """For each student of `class_id` (or the one `student_id`): the term's standards of the
    framework (each standard's status and level as shown, overrides included) and the course
    grade by the framework's grade rules with its reason. A closed term reads its snapshot; an
    open one the live decisions (`frozen_at` null). As CSV (`Accept: text/csv` or
    `format=csv`), one row per student."""
    found = await use_cases.grading_terms.report_cards(
        principal, id, framework_id, class_id=class_id, student_id=student_id
    )
    read = _cards(found)
    if wants_csv([("format", format)] if format else [], request.headers.get("accept")):
        return report_cards_csv([c.code for c in found.standards], read.model_dump(mode="json"))
    return read
