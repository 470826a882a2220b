"""/lti/login: the platform's third-party-initiated login (LTI Core 1.3 §4.1; 1EdTech Security
Framework 1.0 §5.1.1.1-2), GET or POST. It answers a redirect to the platform's OIDC auth
endpoint with a fresh state and nonce, and binds them to this browser with a cookie, and also
in the platform's storage when the platform offers it (`lti_storage_target`).

Browser endpoints, not part of the API: they answer HTML, and are left out of the OpenAPI
document (docs/decisions/0037-lti-launch.md)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from app.api.deps import UseCasesDep
from app.api.lti.html import STORAGE_SCRIPT, error_page, storage_page
from app.api.public_url import public_base
from app.api.rate_limits import TokenRateLimits
from app.domain.lti.launch_check import LaunchRefused

router = APIRouter(include_in_schema=False)

LOGIN_PATH = "/lti/login"
LAUNCH_PATH = "/lti/launch"
_SCRIPT = Path(__file__).with_name("storage.js")
_REQUIRED = ("iss", "login_hint", "target_link_uri")


async def fields_of(request: Request) -> dict[str, str]:
    """The request's parameters: the query of a GET, the form of a POST."""
    if request.method == "GET":
        return dict(request.query_params)
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def binding_cookie(request: Request, state: str) -> str:
    """The cookie that binds one login's state to the browser: one per login, so two launches
    in two frames of one page do not overwrite each other. `__Host-` where it can be (HTTPS):
    then no other host of the domain can set it."""
    prefix = "__Host-" if _secure(request) else ""
    return f"{prefix}lti-login-{hashlib.sha256(state.encode()).hexdigest()[:20]}"


def _secure(request: Request) -> bool:
    return public_base(request).startswith("https://")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@router.api_route(LOGIN_PATH, methods=["GET", "POST"])
async def lti_login(request: Request, use_cases: UseCasesDep) -> Response:
    limits: TokenRateLimits = request.app.state.token_limits
    wait = limits.lti_login_retry_after(request.client.host if request.client else "")
    if wait is not None:
        # Before anything is read or stored: a flood costs no state rows (RFC 6585 §4).
        page = error_page(429, "Too many launches from your network; try again in a minute")
        page.headers["Retry-After"] = str(wait)
        return page
    fields = await fields_of(request)
    missing = [name for name in _REQUIRED if not fields.get(name)]
    if missing:
        return error_page(400, f"The platform's login request has no {', '.join(missing)}")
    base = public_base(request)
    try:
        redirect = await use_cases.lti.login(
            issuer=fields["iss"],
            login_hint=fields["login_hint"],
            target_link_uri=fields["target_link_uri"],
            redirect_uri=base + LAUNCH_PATH,
            client_id=fields.get("client_id") or None,
            lti_message_hint=fields.get("lti_message_hint"),
        )
    except LaunchRefused as refused:
        return error_page(400, refused.reason)
    separator = "&" if urlsplit(redirect.auth_url).query else "?"
    auth = f"{redirect.auth_url}{separator}{urlencode(redirect.params)}"
    target = fields.get("lti_storage_target")
    new_window = f"{base}{LOGIN_PATH}?{urlencode(_without_storage(fields))}"
    if target:
        response: Response = storage_page(
            "Connecting to your course",
            {
                "action": "put",
                "target": target,
                "platform_origin": origin(redirect.auth_url),
                "state": redirect.state,
                "binding": redirect.binding,
                "next": auth,
                # Where neither cookie nor storage works: the login again, in a window of its
                # own (first-party there, so the cookie is kept).
                "new_window": new_window,
            },
        )
    elif request.headers.get("sec-fetch-dest") == "iframe":
        # Framed by the LMS without its storage: the script checks that this browser keeps
        # our cookie in the frame (Safari, Firefox and Chrome blocking third-party cookies do
        # not), and offers the login in a new window where it does not.
        response = storage_page(
            "Connecting to your course",
            {"action": "check", "next": auth, "new_window": new_window},
        )
    else:
        response = RedirectResponse(auth, status_code=302)
    # SameSite=None: the launch is a cross-site form POST from the platform. It needs Secure,
    # which a plain-HTTP development server cannot set; there Lax (and top-level launches).
    secure = _secure(request)
    response.set_cookie(
        binding_cookie(request, redirect.state),
        redirect.binding,
        max_age=600,
        path="/",
        secure=secure,
        httponly=True,
        samesite="none" if secure else "lax",
    )
    return response


def _without_storage(fields: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in fields.items() if k != "lti_storage_target"}


@router.get(STORAGE_SCRIPT)
async def lti_storage_script() -> Response:
    return Response(
        _SCRIPT.read_bytes(),
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )
