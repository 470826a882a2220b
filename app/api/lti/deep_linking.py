"""The Deep Linking page (LTI Deep Linking 2.0): a teacher who chose "add content" in the LMS
picks competencies (or a domain) of a framework, and the browser carries our signed answer back
to the LMS in a form post (the response message: the `JWT` form parameter, posted to
deep_link_return_url).

Server-rendered with Jinja2, no inline script: the answer page submits itself with a shipped
script file, and shows its button for a browser without scripts. The page session arrives as
the `session` query or form parameter (an LMS iframe may block a cookie)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from app.api.deps import UseCasesDep
from app.api.pages.assets import own
from app.api.public_url import public_base
from app.domain.errors import NotFound
from app.domain.frameworks import Framework
from app.domain.lti.session import PageSession
from app.use_cases.lti_deep_linking import Choice
from app.use_cases.lti_services import LtiServices

PATH = "/lti/deep-link"
LAUNCH_PATH = "/lti/launch"
TEMPLATES = Path(__file__).with_name("templates")

router = APIRouter(include_in_schema=False)


@cache
def _templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), cache_size=8
    )


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _headers(session: PageSession, form_action: str = "'self'") -> dict[str, str]:
    """A page of a session: framed only by the LMS that launched it, never cached, no referrer
    (the URL carries the session)."""
    ancestors = " ".join(["'self'", *([session.frame_origin] if session.frame_origin else [])])
    policy = "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            f"form-action {form_action}",
            f"frame-ancestors {ancestors}",
        ]
    )
    return {
        "Content-Security-Policy": policy,
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }


def _services(use_cases: UseCasesDep) -> LtiServices:
    if use_cases.lti_services is None:
        raise NotFound("The LTI tool is not set up on this service")
    return use_cases.lti_services


def _listing(index: int, framework: Framework) -> dict[str, object]:
    depth: dict[str, int] = {}
    listed = []
    for c in framework.active_competencies():
        depth[c.id] = 0 if c.parent_id is None else depth.get(c.parent_id, 0) + 1
        listed.append({"id": c.id, "code": c.code, "statement": c.statement, "depth": depth[c.id]})
    parents = {c.parent_id for c in framework.active_competencies() if c.parent_id}
    return {
        "index": index,
        "id": framework.id,
        "title": framework.title,
        "competencies": listed,
        "domains": [c for c in listed if c["id"] in parents],
    }


@router.get(PATH, response_class=HTMLResponse)
async def deep_link_page(
    use_cases: UseCasesDep, session: Annotated[str, Query(max_length=4096)]
) -> HTMLResponse:
    lti = _services(use_cases)
    viewer = lti.read_session(session)
    frameworks = await lti.deep_linking.frameworks(viewer)
    multiple = await lti.deep_linking.accepts_multiple(viewer)
    html = (
        _templates()
        .get_template("deep_link.html")
        .render(
            action=PATH,
            session=session,
            multiple=multiple,
            frameworks=[_listing(i, f) for i, f in enumerate(frameworks)],
        )
    )
    return HTMLResponse(html, headers=_headers(viewer))


@router.post(PATH, response_class=HTMLResponse)
async def deep_link_answer(
    request: Request,
    use_cases: UseCasesDep,
    session: Annotated[str, Form(max_length=4096)],
    framework_id: Annotated[str, Form(max_length=200)],
    competency_ids: Annotated[list[str] | None, Form(max_length=200)] = None,
    domain_id: Annotated[str | None, Form(max_length=200)] = None,
) -> HTMLResponse:
    lti = _services(use_cases)
    viewer = lti.read_session(session)
    choice = Choice(framework_id, tuple(competency_ids or ()), domain_id or None)
    launch_url = f"{public_base(request)}{LAUNCH_PATH}"
    answer = await lti.deep_linking.answer(viewer, choice, launch_url)
    html = (
        _templates()
        .get_template("deep_link_return.html")
        .render(
            return_url=answer.return_url,
            jwt=answer.jwt,
            items=answer.items,
            script=own("lti-deep-link.js"),
        )
    )
    return HTMLResponse(html, headers=_headers(viewer, f"'self' {_origin(answer.return_url)}"))
