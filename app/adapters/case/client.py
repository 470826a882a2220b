"""Fetching a CFPackage from another CASE provider through the guarded outbound client, with an
optional OAuth 2.0 client-credentials token. Failures become domain errors: the provider could
not be reached or failed (SourceUnavailable, 502), or the request cannot be served: a refused
URL or address, a refusal, an answer that is no package (Invalid, located at "url" or "auth").
No error repeats what the provider answered."""

from __future__ import annotations

import re

from app.adapters.http import (
    Answer,
    OutboundError,
    OutboundHttp,
    OutboundSession,
    RefusedAddress,
    RefusedUrl,
    TimedOut,
    TooLarge,
)
from app.domain.errors import Invalid, Problem, SourceUnavailable
from app.ports.case import ProviderAuth

MiB = 1024 * 1024
# The error codes of RFC 6749 §5.2: the only part of a token endpoint's answer worth naming.
_OAUTH_ERRORS = frozenset(
    {
        "invalid_request",
        "invalid_client",
        "invalid_grant",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_scope",
    }
)
_MEDIA_TYPE = re.compile(r"^[\w.+-]{1,60}/[\w.+-]{1,60}(; ?charset=[\w-]{1,30})?$", re.ASCII)


class HttpCaseSource:
    """The CaseSource port over the guarded outbound client."""

    def __init__(
        self, http: OutboundHttp, *, timeout_seconds: float = 30.0, max_bytes: int = 50 * MiB
    ) -> None:
        self._http = http
        self._timeout = timeout_seconds
        self._max_bytes = max_bytes

    async def fetch(self, url: str, auth: ProviderAuth | None) -> bytes:
        async with self._http.session(
            timeout_seconds=self._timeout, max_bytes=self._max_bytes
        ) as session:
            headers = {"Accept": "application/json"}
            if auth is not None:
                # The secret goes to the token URL of this same request, and only there; the
                # token to the package URL (and not past a redirect to another origin).
                headers["Authorization"] = f"Bearer {await self._token(session, auth)}"
            try:
                answer = await session.get(url, headers=headers)
            except OutboundError as error:
                raise self._failure(error, "The CASE provider", ("url",)) from None
        _check_status(answer)
        return _package(answer)

    async def _token(self, session: OutboundSession, auth: ProviderAuth) -> str:
        """An access token by the client-credentials grant (RFC 6749 §4.4)."""
        data = {"grant_type": "client_credentials"}
        if auth.scope:
            data["scope"] = auth.scope
        try:
            answer = await session.post_form(
                auth.token_url, data, basic=(auth.client_id, auth.client_secret)
            )
        except OutboundError as error:
            raise self._failure(error, "The token endpoint", ("auth", "token_url")) from None
        if answer.status >= 500:
            raise SourceUnavailable(
                f"The token endpoint at {_host(answer)} failed ({answer.status})"
            )
        body = _json_object(answer)
        token = body.get("access_token")
        if answer.status != 200 or not isinstance(token, str):
            code = body.get("error")
            reason = code if code in _OAUTH_ERRORS else answer.status
            raise Invalid(
                "The CASE provider refused the client credentials",
                [Problem(("auth",), f"the token endpoint answered {reason}")],
            )
        return token

    def _failure(
        self, error: OutboundError, who: str, loc: tuple[str, ...]
    ) -> Invalid | SourceUnavailable:
        """A request that got no answer: the caller's URL when the service refuses it, else
        the provider's side (unreachable, timed out, broke the protocol)."""
        if isinstance(error, RefusedUrl | RefusedAddress):
            return Invalid("The URL is not one the service fetches", [Problem(loc, str(error))])
        if isinstance(error, TooLarge):
            return Invalid("The CASE package is too large", [Problem(loc, error.reason)])
        if isinstance(error, TimedOut):
            return SourceUnavailable(
                f"{who} at {error.host} did not answer within {self._timeout:g} seconds"
            )
        return SourceUnavailable(f"{who} at {error.host} could not be reached: {error.reason}")


def _host(answer: Answer) -> str:
    return answer.url.netloc.decode("ascii")


def _check_status(answer: Answer) -> None:
    status = answer.status
    if status >= 500:
        raise SourceUnavailable(f"The CASE provider at {_host(answer)} failed ({status})")
    if status in (401, 403):
        raise Invalid(
            "The CASE provider refused the request",
            [Problem(("auth",), f"the provider answered {status}; check the credentials")],
        )
    if status == 404:
        raise Invalid(
            "The CASE provider has no such package",
            [Problem(("url",), "the provider answered 404: no package at this URL")],
        )
    if status != 200:
        raise Invalid(
            "The CASE provider did not answer with a package",
            [Problem(("url",), f"the provider answered {status}")],
        )


def _package(answer: Answer) -> bytes:
    kind = answer.headers.get("content-type", "")
    if "json" not in kind and not answer.body.lstrip().startswith((b"{", b"[")):
        # The media type is named only when it looks like one: a header is the remote's text.
        shown = kind if _MEDIA_TYPE.match(kind) else "untyped" if not kind else "not JSON"
        raise Invalid(
            "The CASE provider did not answer with JSON",
            [Problem(("url",), f"the answer is {shown}, not a CASE package")],
        )
    return answer.body


def _json_object(answer: Answer) -> dict[str, object]:
    try:
        body = answer.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
