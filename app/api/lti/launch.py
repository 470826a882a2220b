"""/lti/launch: the platform posts the id_token and state here (LTI Core 1.3 §5.1; Security
Framework 1.0 §5.1.3). A verified launch answers 303 See Other to its page with the page
session's token; every failure an error page with a 4xx status saying which check failed."""

from __future__ import annotations

import jwt
from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from app.api.deps import UseCasesDep
from app.api.lti.html import error_page, storage_page
from app.api.lti.login import LAUNCH_PATH, binding_cookie, fields_of
from app.api.public_url import public_base
from app.domain.lti.launch_check import LTI, LaunchRefused

router = APIRouter(include_in_schema=False)


@router.post(LAUNCH_PATH)
async def lti_launch(request: Request, use_cases: UseCasesDep) -> Response:
    fields = await fields_of(request)
    if "error" in fields:  # the platform's OIDC error answer (OpenID Connect Core §3.2.2.6)
        return error_page(400, f"The platform refused the login: {fields['error'][:100]}")
    id_token, state = fields.get("id_token"), fields.get("state")
    if not id_token or not state:
        missing = " and ".join(n for n in ("id_token", "state") if not fields.get(n))
        return error_page(400, f"The launch has no {missing}")
    cookie = binding_cookie(request, state)
    binding = request.cookies.get(cookie) or fields.get("lti_binding")
    if binding is None:
        storage = await _from_storage(use_cases, id_token, state)
        if storage is not None:
            return storage
    base = public_base(request)
    try:
        opened = await use_cases.lti.launch(
            id_token=id_token, state=state, binding=binding, our_origin=base
        )
    except LaunchRefused as refused:
        return error_page(400, refused.reason)
    response = RedirectResponse(f"{base}{opened.path}?session={opened.token}", status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.delete_cookie(cookie, path="/")
    return response


async def _from_storage(use_cases: UseCasesDep, id_token: str, state: str) -> Response | None:
    """No cookie came back (a browser that blocks third-party cookies): when the platform
    offers its storage, a page that reads the binding there and posts the launch again."""
    try:
        # A hint only, read before any check: where the storage frame is and whose it is.
        claims = jwt.decode(id_token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    storage = claims.get(LTI + "lti1p3_platform_storage")
    target = storage.get("target") if isinstance(storage, dict) else None
    platform_origin = await use_cases.lti.login_origin(claims.get("iss"), claims.get("aud"))
    if not isinstance(target, str) or not target or platform_origin is None:
        return None
    return storage_page(
        "Connecting to your course",
        {
            "action": "get",
            "target": target,
            "platform_origin": platform_origin,
            "state": state,
            "id_token": id_token,
            "launch_url": LAUNCH_PATH,
        },
    )
