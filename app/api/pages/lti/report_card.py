"""The printable report card: one template for the LTI page (`GET /lti/pages/report-card`, a
student, guardian or teacher from their LMS) and for the API's `format=html` (a district's
office printing cards with a client token). Print styles put a card on A4 or Letter paper:
no navigation, no links shown as links, a standard never split across pages."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from app.api.pages.lti.render import Viewer, content_security_policy, html_page
from app.api.pages.lti.routes import answer, own_student
from app.api.pages.lti.views import Standing, name
from app.domain.grade_rules.evaluation import Grade
from app.domain.lti.session import PageRole
from app.domain.roster import AcademicSession
from app.use_cases.catalog import UseCases
from app.use_cases.lti_pages import LtiPages
from app.use_cases.report_cards import CardLine, ReportCard

REPORT_CARD_PATH = "/lti/pages/report-card"
router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class LineView:
    code: str
    statement: str
    standing: Standing
    comment: str | None


@dataclass(frozen=True)
class SectionView:
    title: str
    lines: list[LineView]
    not_assessed: int
    grade: Grade | None


@dataclass(frozen=True)
class CardView:
    student_name: str
    student_id: str
    term: str | None
    issued: str
    frozen: str | None
    sections: list[SectionView]


def term_words(term: AcademicSession | None) -> str | None:
    if term is None:
        return None
    return f"{term.title} ({term.start_date:%-d %B %Y} to {term.end_date:%-d %B %Y})"


def _line(line: CardLine) -> LineView:
    return LineView(
        line.competency.code, line.competency.statement, Standing.of(line.view), line.comment
    )


def card_view(card: ReportCard) -> CardView:
    return CardView(
        name(card.student),
        card.student.id,
        term_words(card.term),
        f"{card.issued_at:%-d %B %Y}",
        f"{card.frozen_at:%-d %B %Y}" if card.frozen_at is not None else None,
        [
            SectionView(
                s.framework.title, [_line(line) for line in s.lines], s.not_assessed, s.grade
            )
            for s in card.sections
        ],
    )


def card_page(card: ReportCard, viewer: Viewer | None, district: str | None = None) -> HTMLResponse:
    """The card as a page; `district` names the district when no page session does."""
    if viewer is not None:
        return html_page("report_card.html", 200, viewer, card=card_view(card))
    page = html_page("report_card.html", 200, None, card=card_view(card), district=district)
    page.headers["Content-Security-Policy"] = content_security_policy(None, "'none'")
    return page


@router.get(REPORT_CARD_PATH, response_class=HTMLResponse)
async def report_card_page(
    request: Request,
    student: str | None = None,
    framework: str | None = None,
    term: str | None = None,
) -> Response:
    """A student's card for their own LMS launch, a guardian's mentee or a teacher's student."""
    cases: UseCases = request.app.state.use_cases

    async def build(pages: LtiPages, viewer: Viewer) -> Response:
        session = viewer.session
        chosen = student or own_student(session)
        if chosen is None or not await pages.may_see(session, chosen):
            return html_page("not_found.html", 404, viewer)
        card = await cases.report_cards.card(
            pages.principal(session),
            chosen,
            framework_ids=[framework] if framework else session.framework_ids,
            session_id=term,
        )
        return card_page(card, viewer)

    return await answer(request, {PageRole.STUDENT, PageRole.GUARDIAN, PageRole.TEACHER}, build)
