"""The ASGI application: routers, error answers, middleware and the use cases' lifetime."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute

from app.api.bearer_first import BearerFirst
from app.api.exports.middleware import ListExport, declare_exports
from app.api.graphql.limits import Limits
from app.api.graphql.schema import GRAPHQL_PATH, graphql_router
from app.api.input_guard import InputGuard, state_refusals
from app.api.lti import admin as lti_admin
from app.api.lti import config as lti_config
from app.api.lti import deep_linking as lti_deep_linking
from app.api.lti import jwks as lti_jwks
from app.api.lti import launch as lti_launch
from app.api.lti import login as lti_login
from app.api.lti import register as lti_register
from app.api.media_types import require_media_type, state_media_types
from app.api.middleware import BodyLimit, RequestContext
from app.api.openapi_examples import state_examples
from app.api.pages import docs
from app.api.pages.assets import mount_static
from app.api.pages.lti import render as lti_render
from app.api.pages.lti import report_card as report_card_page
from app.api.pages.lti import routes as lti_pages
from app.api.problems import add_problem_handlers
from app.api.rate_limits import TokenRateLimits
from app.api.rest import (
    audit,
    case_import,
    changes,
    clients,
    credentials,
    crosswalks,
    evidence,
    forecasts,
    frameworks,
    grading,
    grading_terms,
    health,
    jobs,
    learning_records,
    mastery,
    oauth,
    prerequisites,
    report_cards,
    reports,
    roster,
    roster_imports,
    roster_sync,
    student_records,
    webhooks,
)
from app.api.route_warm_up import work_out_routes
from app.api.standards import (
    caliper,
    case,
    oneroster_assessments,
    oneroster_gradebook,
    oneroster_provider,
    oneroster_scales,
    xapi,
)
from app.api.standards import credentials as public_credentials
from app.api.unavailable import state_unavailable
from app.use_cases.catalog import UseCases

DESCRIPTION = """Decides, explains and reports K-12 students' mastery of competencies.

Get a token with `POST /oauth/token` (client credentials), then call the API with
`Authorization: Bearer <token>`. Every error answer is RFC 9457 problem details, except under
/ims/oneroster/gradebook/v1p2, which answers imsx_StatusInfo as OneRoster writes it."""


# Where the embedded development server listens (`mastery dev`); a deployment sets its own
# (MASTERY_PUBLIC_BASE_URL).
DEFAULT_PUBLIC_BASE_URL = "http://127.0.0.1:8000"


def _operation_id(route: APIRoute) -> str:
    return route.name


def create_app(
    *,
    use_cases: UseCases | None = None,
    start: Callable[[], AbstractAsyncContextManager[UseCases]] | None = None,
    max_body_bytes: int = 10 * 1024 * 1024,
    max_upload_bytes: int = 512 * 1024 * 1024,
    graphql_limits: Limits | None = None,
    token_limits: TokenRateLimits | None = None,
    public_base_url: str = DEFAULT_PUBLIC_BASE_URL,
    api_docs: bool = True,
    graphiql: bool = True,
) -> FastAPI:
    """The app, either over ready use cases (tests) or starting them in its lifespan
    (servers). `public_base_url` is where clients reach it (the URIs it serves start with it,
    whatever Host a request names); `api_docs` serves /docs, /redoc and /openapi.json, and
    `graphiql` GraphiQL at GET /graphql."""
    if use_cases is None and start is None:
        raise ValueError("give the app its use cases, or a way to start them")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await work_out_routes(app.router)
        if use_cases is not None:
            app.state.use_cases = use_cases
            yield
            return
        assert start is not None
        async with start() as started:
            app.state.use_cases = started
            yield

    app = FastAPI(
        title="Mastery Service",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        # FastAPI's own docs pages load Swagger UI and ReDoc from a CDN; ours serve them.
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if api_docs else None,
        # A body in a media type its route does not read is refused before it is validated.
        dependencies=[Depends(require_media_type)],
    )
    app.state.public_base_url = public_base_url.rstrip("/")
    if use_cases is not None:  # usable at once, also where no lifespan runs (ASGI transport)
        app.state.use_cases = use_cases
    app.state.token_limits = token_limits or TokenRateLimits()
    add_problem_handlers(app)
    # First: a request is matched against the routes in order, and GraphQL (one path, not in
    # the OpenAPI document) is the most asked; behind some 170 routes its matching took a
    # third of a simple query's time (issue #14).
    app.include_router(graphql_router(graphql_limits or Limits(), ide=graphiql))
    for module in (
        health,
        oauth,
        clients,
        audit,
        changes,
        webhooks,
        student_records,
        roster,
        roster_imports,
        roster_sync,
        jobs,
        case_import,
        frameworks,
        crosswalks,
        grading,
        report_cards,
        grading_terms,
        evidence,
        mastery,
        forecasts,
        credentials,
        public_credentials,
        prerequisites,
        reports,
        case,
        oneroster_gradebook,
        oneroster_scales,
        oneroster_assessments,
        oneroster_provider,
        xapi,
        caliper,
        learning_records,
        lti_login,
        lti_launch,
        lti_jwks,
        lti_admin,
        lti_config,
        lti_register,
    ):
        app.include_router(module.router)
    app.include_router(lti_deep_linking.router)
    if api_docs:
        app.include_router(docs.router)
    mount_static(app)
    app.include_router(lti_pages.router)
    app.include_router(report_card_page.router)
    mount_static(app, lti_render.STATIC_PATH, lti_render.STATIC, "lti-static")
    # Innermost: its pages are asked of the routes, behind every check the outer layers made.
    app.add_middleware(ListExport, fastapi=app)
    declare_exports(app)
    # Inside the body limit, which bounds what the guard reads.
    app.add_middleware(InputGuard, depth_only=frozenset({GRAPHQL_PATH}))
    state_refusals(app)
    state_media_types(app)
    state_unavailable(app)
    # Last: the examples see every answer the amendments above declare (the lists' CSV).
    state_examples(app)
    app.add_middleware(
        BodyLimit,
        max_bytes=max_body_bytes,
        larger={roster_imports.IMPORTS_PATH: max_upload_bytes},
    )
    # Before the body limit and the guard: no body is read for a caller without a valid token.
    app.add_middleware(BearerFirst)
    app.add_middleware(RequestContext)  # outermost: every answer carries the request id
    return app
