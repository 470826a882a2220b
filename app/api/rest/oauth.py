"""POST /oauth/token: OAuth 2.0 client credentials (RFC 6749 §4.4).

Errors carry RFC 6749 §5.2's `error` and `error_description` (what OAuth clients read) beside the
RFC 9457 fields, in one application/json body."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import APIRouter, Form, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app.api.deps import UseCasesDep
from app.api.problems import problem_body
from app.api.rate_limits import TokenRateLimits
from app.domain.access import ScopeNotGranted, format_scopes
from app.domain.errors import Invalid, Unauthorized
from app.domain.input_bounds import has_nul

router = APIRouter(tags=["auth"])

_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = Field(default="Bearer", examples=["Bearer"])
    expires_in: int = Field(description="Seconds until the token expires.")
    scope: str = Field(description="The space-separated scopes the token carries.")


class OAuthError(BaseModel):
    error: str = Field(examples=["invalid_client"])
    error_description: str
    type: str
    title: str
    status: int
    detail: str


def _error(
    status: int,
    error: str,
    description: str,
    *,
    basic: bool = False,
    retry_after: int | None = None,
) -> JSONResponse:
    headers = dict(_NO_STORE)
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    if status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="mastery"' if basic else 'Bearer realm="mastery"'
    body: dict[str, Any] = {
        "error": error,
        "error_description": description,
        **problem_body(status, description, kind=f"oauth-{error}"),
    }
    return JSONResponse(body, status_code=status, headers=headers)


def _basic_credentials(authorization: str) -> tuple[str, str] | None:
    scheme, _, encoded = authorization.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    client, sep, secret = decoded.partition(":")
    if not sep:
        return None
    # RFC 6749 §2.3.1: both parts are form-urlencoded before Basic encoding.
    client, secret = unquote(client.replace("+", " ")), unquote(secret.replace("+", " "))
    if has_nul(client) or has_nul(secret):
        return None  # no client's id or secret holds one (the form fields: app/api/input_guard.py)
    return client, secret


def _credentials(
    grant_type: str | None,
    client_id: str | None,
    client_secret: str | None,
    authorization: str | None,
    basic: bool,
) -> tuple[str, str] | JSONResponse:
    """The client's id and secret, or the error answering a request that gives neither."""
    if grant_type is None:
        return _error(400, "invalid_request", "grant_type is required")
    if grant_type != "client_credentials":
        return _error(400, "unsupported_grant_type", "only client_credentials is supported")
    if basic:
        if client_id is not None or client_secret is not None:
            return _error(400, "invalid_request", "use one client authentication method, not two")
        credentials = _basic_credentials(authorization or "")
        if credentials is None:
            return _error(401, "invalid_client", "malformed Basic credentials", basic=True)
        return credentials
    if client_id and client_secret is not None:
        return (client_id, client_secret)
    return _error(401, "invalid_client", "client authentication is required")


@router.post(
    "/oauth/token",
    summary="Get an access token (OAuth 2.0 client credentials)",
    response_model=TokenResponse,
    responses={
        400: {"model": OAuthError},
        401: {"model": OAuthError},
        429: {
            "model": OAuthError,
            "description": "Too many attempts for this client id or from this address; "
            "wait the seconds of `Retry-After`.",
        },
    },
    operation_id="issue_token",
)
async def token(
    request: Request,
    use_cases: UseCasesDep,
    grant_type: Annotated[str | None, Form()] = None,
    scope: Annotated[str | None, Form()] = None,
    client_id: Annotated[str | None, Form()] = None,
    client_secret: Annotated[str | None, Form()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    """The first call of every integration: exchanges a client's id and secret (OAuth 2.0
    client credentials, RFC 6749 section 4.4) for a bearer token to send as `Authorization:
    Bearer …`, valid for `expires_in` seconds. Authenticate with HTTP Basic (client id and
    secret) or with `client_id` and `client_secret` form fields; `scope` narrows the token to
    some of the client's scopes. Errors answer as RFC 6749 says (`error`, 400 or 401)."""
    basic = authorization is not None and authorization.lower().startswith("basic")
    credentials = _credentials(grant_type, client_id, client_secret, authorization, basic)
    if isinstance(credentials, JSONResponse):
        return credentials
    limits: TokenRateLimits = request.app.state.token_limits
    address = request.client.host if request.client else ""
    wait = limits.retry_after(credentials[0], address)
    if wait is not None:
        # RFC 6749 has no code for this; temporarily_unavailable (§4.1.2.1) says "try later".
        return _error(
            429, "temporarily_unavailable", "too many token requests; try later", retry_after=wait
        )
    try:
        issued = await use_cases.access.issue_token(
            client_id=credentials[0], client_secret=credentials[1], scope=scope
        )
    except Unauthorized:
        return _error(401, "invalid_client", "client authentication failed", basic=basic)
    except ScopeNotGranted as exc:
        return _error(400, "invalid_scope", exc.problems[0].msg if exc.problems else exc.detail)
    except Invalid as exc:  # an unknown scope name
        return _error(400, "invalid_scope", "; ".join(p.msg for p in exc.problems) or exc.detail)
    body = TokenResponse(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        scope=format_scopes(issued.scopes),
    )
    return JSONResponse(body.model_dump(), headers=_NO_STORE)
