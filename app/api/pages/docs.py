"""GET /docs (Swagger UI) and GET /redoc (ReDoc) over /openapi.json, from our own files.

FastAPI's own pages load their scripts from a CDN and Google Fonts; the app turns them off
(docs_url=None, redoc_url=None) and these take their places."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.api.pages.assets import own, vendored
from app.api.pages.html import page, render

router = APIRouter(include_in_schema=False)


def _openapi_url(request: Request) -> str:
    url: str | None = request.app.openapi_url
    assert url is not None, "the docs pages describe the OpenAPI document"
    return url


@router.get("/docs", response_class=HTMLResponse)
async def swagger_ui(request: Request) -> HTMLResponse:
    return page(
        render(
            "swagger.html",
            openapi_url=_openapi_url(request),
            swagger_css=vendored("swagger-ui-dist", "swagger-ui.css"),
            swagger_js=vendored("swagger-ui-dist", "swagger-ui-bundle.js"),
            swagger_host_js=own("swagger-host.js"),
        )
    )


@router.get("/redoc", response_class=HTMLResponse)
async def redoc(request: Request) -> HTMLResponse:
    return page(
        render(
            "redoc.html",
            openapi_url=_openapi_url(request),
            pages_css=own("pages.css"),
            redoc_js=vendored("redoc", "redoc.standalone.js"),
        )
    )
