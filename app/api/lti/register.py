"""/lti/register: LTI Dynamic Registration 1.0 (§3.3-3.7). The platform opens our registration
URL (`mastery lti registration-url`) with `openid_configuration` and `registration_token`; we
register and answer a page that tells the platform to close it."""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from app.api.deps import UseCasesDep
from app.api.lti.html import HEADERS, error_page
from app.api.public_url import public_base
from app.domain.errors import Invalid

router = APIRouter(include_in_schema=False)

CLOSE_SCRIPT = "/lti/close.js"
_SCRIPT = Path(__file__).with_name("close.js")


@router.get("/lti/register")
async def lti_register(request: Request, use_cases: UseCasesDep) -> Response:
    query = request.query_params
    tenant_token = query.get("tenant_token")
    configuration = query.get("openid_configuration")
    if not tenant_token or not configuration:
        missing = [n for n in ("tenant_token", "openid_configuration") if not query.get(n)]
        return error_page(400, f"The registration request has no {' or '.join(missing)}")
    try:
        registered = await use_cases.lti_registration.register(
            tenant_token=tenant_token,
            openid_configuration=configuration,
            registration_token=query.get("registration_token", ""),
            base=public_base(request),
        )
    except Invalid as refused:
        return error_page(400, refused.detail)
    body = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Registered</title>'
        f'</head><body><main><h1>Mastery is registered</h1><p id="registered">Client id '
        f"{escape(registered.platform.client_id)} of {escape(registered.platform.issuer)}."
        f'</p></main><script src="{CLOSE_SCRIPT}"></script></body></html>'
    )
    return HTMLResponse(body, headers=HEADERS)


@router.get(CLOSE_SCRIPT)
async def lti_close_script() -> Response:
    return Response(
        _SCRIPT.read_bytes(),
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )
