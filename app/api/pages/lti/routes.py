"""GET /lti/pages/{student,class,guardian,school} (and school.csv), POST
/lti/pages/class/{overrides,roster-sync,grades-pull}: the pages an LMS launch opens, each from
its page session alone.

They are not API operations (no OpenAPI entry, no client token): a page session is their only
credential, and what they show comes from the use cases, narrowed to the session's people
(app/use_cases/lti_pages.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from app.api.exports.csv_document import csv_lines
from app.api.pages.lti import views
from app.api.pages.lti.render import Viewer, html_page, page_headers, token_of
from app.domain.errors import Invalid, NotFound, Problem, SourceUnavailable, Unauthorized
from app.domain.lti.session import PAGE_PATHS, PageRole, PageSession
from app.domain.report_scope import SUBGROUPS
from app.domain.reporting import Dimension
from app.use_cases.catalog import UseCases
from app.use_cases.lti_pages import LtiPages

router = APIRouter(include_in_schema=False)

STUDENT_PATH = PAGE_PATHS[PageRole.STUDENT]
CLASS_PATH = PAGE_PATHS[PageRole.TEACHER]
OVERRIDES_PATH = f"{CLASS_PATH}/overrides"
ROSTER_SYNC_PATH = f"{CLASS_PATH}/roster-sync"
GRADES_PULL_PATH = f"{CLASS_PATH}/grades-pull"
SCHOOL_CSV_PATH = f"{PAGE_PATHS[PageRole.LEADER]}.csv"

Build = Callable[[LtiPages, Viewer], Awaitable[Response]]


def _pages(request: Request) -> tuple[UseCases, LtiPages]:
    cases: UseCases = request.app.state.use_cases
    return cases, cases.lti_pages


async def answer(
    request: Request, roles: set[PageRole], build: Build, token: str | None = None
) -> Response:
    """The page `build` makes for a valid session of one of `roles`; a missing, forged or
    expired session is a 401 page saying to open the page from the LMS again, and anything the
    session may not see a 404 page, whichever it is."""
    _, pages = _pages(request)
    token = token or token_of(request)
    try:
        session = pages.open(token or "")
    except Unauthorized:
        return html_page("expired.html", 401)
    viewer = Viewer(session, token or "", await pages.district_name(session))
    if session.role not in roles:
        return html_page("not_found.html", 404, viewer)
    try:
        return await build(pages, viewer)
    except NotFound:
        return html_page("not_found.html", 404, viewer)


@router.get(STUDENT_PATH, response_class=HTMLResponse)
async def student_page(request: Request, student: str | None = None) -> Response:
    async def build(pages: LtiPages, viewer: Viewer) -> Response:
        session = viewer.session
        chosen = student or own_student(session)
        if chosen is None:
            raise NotFound("No student for this launch")
        standing = await pages.student(session, chosen)
        return html_page("student.html", 200, viewer, standing=views.student(standing))

    return await answer(request, {PageRole.STUDENT, PageRole.GUARDIAN, PageRole.TEACHER}, build)


def own_student(session: PageSession) -> str | None:
    if session.role is PageRole.STUDENT and session.person_id:
        return session.person_id
    return session.student_ids[0] if session.student_ids else None


@router.get(PAGE_PATHS[PageRole.GUARDIAN], response_class=HTMLResponse)
async def guardian_page(request: Request) -> Response:
    async def build(pages: LtiPages, viewer: Viewer) -> Response:
        session = viewer.session
        students = await pages.guardian(session)
        return html_page("guardian.html", 200, viewer, students=students)

    return await answer(request, {PageRole.GUARDIAN}, build)


@router.get(CLASS_PATH, response_class=HTMLResponse)
async def class_page(request: Request, framework: str | None = None) -> Response:
    async def build(pages: LtiPages, viewer: Viewer) -> Response:
        return await _class(request, pages, viewer, framework)

    return await answer(request, {PageRole.TEACHER}, build)


async def _class(
    request: Request,
    pages: LtiPages,
    viewer: Viewer,
    framework: str | None,
    *,
    status: int = 200,
    problems: list[Problem] | None = None,
    done: str | None = None,
) -> Response:
    cases, _ = _pages(request)
    shown = await pages.class_view(viewer.session, framework)
    return html_page(
        "class.html",
        status,
        viewer,
        page=views.class_page(shown),
        problems=[views.problem_words(p) for p in problems or []],
        done=done,
        # The LMS buttons (NRPS roster, AGS grades) need the services and a launch to answer to.
        roster_sync=cases.lti_services is not None and viewer.session.launch_id is not None,
        student_path=STUDENT_PATH,
        overrides_path=OVERRIDES_PATH,
        roster_sync_path=ROSTER_SYNC_PATH,
        grades_pull_path=GRADES_PULL_PATH,
    )


@router.post(OVERRIDES_PATH, response_class=HTMLResponse)
async def override_from_class_page(request: Request) -> Response:
    """A teacher's override from the class page. The session token in the form body is the
    credential (no cookie rides along), so a form on another site cannot forge it; an Origin
    (or Referer) that is neither ours nor the platform's is refused all the same."""
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str)}

    async def build(pages: LtiPages, viewer: Viewer) -> Response:
        session = viewer.session
        if not _same_site(request, session):
            return html_page("refused.html", 403, viewer)
        framework = values.get("framework") or None
        try:
            command = views.override_command(values)
            shown = await pages.override(session, **command)
        except Invalid as refused:
            return await _class(
                request, pages, viewer, framework, status=422, problems=refused.problems
            )
        done = views.override_done(shown, values.get("student", ""))
        return await _class(request, pages, viewer, framework, done=done)

    return await answer(request, {PageRole.TEACHER}, build, values.get("session"))


@router.post(ROSTER_SYNC_PATH, response_class=HTMLResponse)
async def roster_sync_from_class_page(request: Request) -> Response:
    """Pull the course's roster from the LMS (NRPS) now: a class's members are a page or two."""

    async def act(cases: UseCases, session: PageSession) -> str:
        assert cases.lti_services is not None  # checked by _lms_action
        pulled = await cases.lti_services.roster.sync_roster(session)
        return (
            f"Roster synced from the LMS: {pulled.enrolled} enrolled, "
            f"{pulled.unenrolled} no longer in the course."
        )

    return await _lms_action(request, act)


@router.post(GRADES_PULL_PATH, response_class=HTMLResponse)
async def grades_pull_from_class_page(request: Request) -> Response:
    """Read the LMS's grades of the assignments aligned to competencies (AGS) into evidence."""

    async def act(cases: UseCases, session: PageSession) -> str:
        assert cases.lti_services is not None  # checked by _lms_action
        pulled = await cases.lti_services.grades.pull_grades(session)
        return (
            f"Grades read from the LMS: {pulled.results_recorded} recorded, "
            f"{pulled.results_unchanged} unchanged, from {pulled.line_items} aligned assignments."
        )

    return await _lms_action(request, act)


async def _lms_action(
    request: Request, act: Callable[[UseCases, PageSession], Awaitable[str]]
) -> Response:
    """A teacher's request to the LMS from the class page, under the same checks as an
    override; the class page again, saying what was done or why it could not be."""
    form = await request.form()
    values = {k: v for k, v in form.items() if isinstance(v, str)}
    cases, _ = _pages(request)

    async def build(pages: LtiPages, viewer: Viewer) -> Response:
        if not _same_site(request, viewer.session) or cases.lti_services is None:
            return html_page("refused.html", 403, viewer)
        framework = values.get("framework") or None
        try:
            done = await act(cases, viewer.session)
        except Invalid as refused:
            return await _class(
                request, pages, viewer, framework, status=422, problems=refused.problems
            )
        except Unauthorized:  # the launch behind the session has expired
            return html_page("expired.html", 401)
        except SourceUnavailable as failed:
            problems = failed.problems or [Problem((), failed.detail)]
            return await _class(request, pages, viewer, framework, status=502, problems=problems)
        return await _class(request, pages, viewer, framework, done=done)

    return await answer(request, {PageRole.TEACHER}, build, values.get("session"))


def _same_site(request: Request, session: PageSession) -> bool:
    """Whether the form came from our page or the platform's (or does not say where from)."""
    said = request.headers.get("origin") or request.headers.get("referer")
    if not said or said == "null":
        # With Referrer-Policy no-referrer a browser sends `Origin: null` on our own form.
        return True
    origin = urlsplit(said)
    here = urlsplit(str(request.base_url))
    allowed = {(here.scheme, here.netloc)}
    public = urlsplit(request.app.state.public_base_url or "")
    allowed.add((public.scheme, public.netloc))
    if session.frame_origin:
        framing = urlsplit(session.frame_origin)
        allowed.add((framing.scheme, framing.netloc))
    return (origin.scheme, origin.netloc) in allowed


@router.get(PAGE_PATHS[PageRole.LEADER], response_class=HTMLResponse)
async def school_page(
    request: Request, framework: str | None = None, by: str | None = None, org: str | None = None
) -> Response:
    async def build(pages: LtiPages, viewer: Viewer) -> Response:
        session = viewer.session
        shown = await pages.school(session, framework, _subgroup(by), org)
        return html_page(
            "school.html",
            200,
            viewer,
            page=views.school_page(shown),
            subgroups=views.SUBGROUP_NAMES,
            csv_path=SCHOOL_CSV_PATH,
            students_words=views.students_words,
            percent_words=views.percent_words,
        )

    return await answer(request, {PageRole.LEADER}, build)


@router.get(SCHOOL_CSV_PATH)
async def school_csv(
    request: Request, framework: str | None = None, by: str | None = None, org: str | None = None
) -> Response:
    async def build(pages: LtiPages, viewer: Viewer) -> Response:
        session = viewer.session
        shown = await pages.school(session, framework, _subgroup(by), org)
        return Response(
            csv_lines(views.school_rows(shown)),
            media_type="text/csv; charset=utf-8",
            headers={
                **page_headers(session),
                "Content-Disposition": views.csv_disposition(shown.framework.id),
            },
        )

    return await answer(request, {PageRole.LEADER}, build)


def _subgroup(by: str | None) -> Dimension:
    if by is None:
        return SUBGROUPS[0]
    try:
        chosen = Dimension(by)
    except ValueError:
        raise NotFound(f"No subgroup {by!r}") from None
    if chosen not in SUBGROUPS:
        raise NotFound(f"No subgroup {by!r}")
    return chosen
