"""GET /v1/students/{id}/report-card: a student's report card (issue #16, "printable report
cards") as JSON for a district's own tools, or as the printable page (`format=html` or
`Accept: text/html`) that the LTI pages show, for an office printing cards in bulk."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from app.api.deps import MasteryReader, UseCasesDep
from app.api.exports.negotiation import JSON, preferred
from app.api.pages.lti.report_card import card_page
from app.api.problems import responses
from app.api.rest.grading import GradeRead, grade_read
from app.api.rest.mastery_schemas import LevelRead
from app.domain.mastery.decision import MasteryStatus
from app.domain.scales import Level
from app.use_cases.report_cards import CardLine, ReportCard

router = APIRouter(tags=["grading"])

HTML = "text/html"


class CardLineRead(BaseModel):
    competency_id: str
    code: str
    statement: str
    status: MasteryStatus
    level: LevelRead | None
    score: float | None
    comment: str | None = Field(description="A teacher's override reason, when one is in force.")


class CardSectionRead(BaseModel):
    framework_id: str
    title: str
    grade: GradeRead | None = Field(description="Under the framework's grade rules (null without).")
    standards: list[CardLineRead] = Field(
        description="The framework's standards with a decision for the student, in its order."
    )
    not_assessed: int = Field(description="The framework's other standards: no evidence yet.")


class CardTermRead(BaseModel):
    id: str
    title: str
    type: str
    start_date: date
    end_date: date


class StudentReportCardRead(BaseModel):
    student_id: str
    given_name: str
    family_name: str
    term: CardTermRead | None
    issued_at: datetime
    frozen_at: datetime | None = Field(
        description="When the term was closed: the card shows its snapshot. Null: the live "
        "decisions (no term asked, or the term is still open)."
    )
    frameworks: list[CardSectionRead]


def _level(level: Level | None) -> LevelRead | None:
    return LevelRead(value=level.value, label=level.label) if level is not None else None


def _line(line: CardLine) -> CardLineRead:
    shown = line.view.shown
    return CardLineRead(
        competency_id=line.competency.id,
        code=line.competency.code,
        statement=line.competency.statement,
        status=shown.status,
        level=_level(shown.level),
        score=shown.score,
        comment=line.comment,
    )


def card_read(card: ReportCard) -> StudentReportCardRead:
    term = card.term
    return StudentReportCardRead(
        student_id=card.student.id,
        given_name=card.student.given_name,
        family_name=card.student.family_name,
        term=CardTermRead(
            id=term.id,
            title=term.title,
            type=term.type.value,
            start_date=term.start_date,
            end_date=term.end_date,
        )
        if term is not None
        else None,
        issued_at=card.issued_at,
        frozen_at=card.frozen_at,
        frameworks=[
            CardSectionRead(
                framework_id=s.framework.id,
                title=s.framework.title,
                grade=grade_read(s.grade) if s.grade is not None else None,
                standards=[_line(line) for line in s.lines],
                not_assessed=s.not_assessed,
            )
            for s in card.sections
        ],
    )


def _wants_html(format: str | None, accept: str | None) -> bool:
    if format is not None:
        return format == "html"
    return preferred(accept, [JSON, HTML], JSON) == HTML


@router.get(
    "/v1/students/{id}/report-card",
    response_model=StudentReportCardRead,
    summary="A student's report card",
    operation_id="get_report_card",
    responses={
        200: {
            "content": {
                HTML: {
                    "schema": {"type": "string"},
                    "example": '<!doctype html>\n<html lang="en">…<h1 id="card-title">Report '
                    'card: Jamal Smith</h1>…<strong class="grade">C</strong>…</html>',
                }
            }
        },
        **responses(401, 403, 404, 422),
    },
)
async def get_report_card(
    id: Annotated[str, Path(max_length=255)],
    use_cases: UseCasesDep,
    principal: MasteryReader,
    request: Request,
    framework_id: Annotated[
        list[str] | None,
        Query(
            max_length=50,
            description="Frameworks on the card (default: every framework "
            "in which the student has a decision).",
        ),
    ] = None,
    session_id: Annotated[
        str | None, Query(max_length=255, description="The grading term the card is for.")
    ] = None,
    format: Annotated[
        Literal["json", "html"] | None,
        Query(description="html for the printable page (as Accept: text/html); json (the default)"),
    ] = None,
) -> Any:
    """For each framework, the standards as the decisions show them (a teacher's override
    reason as the comment) and the course grade under the framework's grade rules with its
    reason. As a page (`format=html`), it prints one card per student on A4 or Letter."""
    card = await use_cases.report_cards.card(
        principal, id, framework_ids=framework_id or (), session_id=session_id
    )
    if _wants_html(format, request.headers.get("accept")):
        district = await use_cases.access.district_name(principal.tenant_id, principal.tenant_slug)
        return card_page(card, None, district)
    return card_read(card)
