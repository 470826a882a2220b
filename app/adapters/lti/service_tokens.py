"""Access tokens for a platform's services (NRPS, AGS), got with a client assertion.

1EdTech Security Framework 1.0 §4.1 (and RFC 7523 §2.2): the tool proves who it is with a
short-lived JWT signed by its own key — iss and sub the client_id, aud the platform's token
audience, a fresh jti — posted with grant_type=client_credentials and the scopes wanted. A token
is kept per (platform, scopes) until shortly before it expires, and concurrent callers share one
request (a class page opening for 35 students must not ask the LMS 35 times)."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Callable, Iterable

from app.adapters.http import OutboundError, OutboundHttp
from app.adapters.lti.platform_answers import json_object, refused, unanswered
from app.domain.errors import Problem, SourceUnavailable
from app.domain.lti.platform import Platform
from app.ports.lti import ToolKeys

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_SECONDS = 300  # the Security Framework asks for a short life; 5 minutes is the most
# A token is renewed this long before its expiry: a request sent with it must still be in time.
RENEW_MARGIN_SECONDS = 60.0
DEFAULT_LIFETIME_SECONDS = 3600.0  # when a platform leaves out expires_in

_Key = tuple[str, str, str, tuple[str, ...]]


class ServiceTokens:
    def __init__(
        self,
        http: OutboundHttp,
        keys: ToolKeys,
        *,
        wall_clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        timeout_seconds: float = 10.0,
    ) -> None:
        self._http = http
        self._keys = keys
        self._wall_clock = wall_clock
        self._monotonic = monotonic
        self._timeout = timeout_seconds
        self._kept: dict[_Key, tuple[str, float]] = {}
        self._locks: dict[_Key, asyncio.Lock] = {}

    async def token(self, platform: Platform, scopes: Iterable[str]) -> str:
        """A bearer token for these scopes, from the cache while it is good."""
        wanted = tuple(sorted(set(scopes)))
        key = (platform.issuer, platform.client_id, platform.token_url, wanted)
        kept = self._fresh(key)
        if kept is not None:
            return kept
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:  # single flight: the callers queued here find the first one's token
            kept = self._fresh(key)
            if kept is not None:
                return kept
            token, lifetime = await self._request(platform, wanted)
            self._kept[key] = (token, self._monotonic() + lifetime - RENEW_MARGIN_SECONDS)
            return token

    def forget(self, platform: Platform, scopes: Iterable[str]) -> None:
        """Drop a token the platform no longer honours (it answered 401 to it)."""
        wanted = tuple(sorted(set(scopes)))
        self._kept.pop((platform.issuer, platform.client_id, platform.token_url, wanted), None)

    def _fresh(self, key: _Key) -> str | None:
        kept = self._kept.get(key)
        if kept is None or self._monotonic() >= kept[1]:
            return None
        return kept[0]

    async def assertion(self, platform: Platform) -> str:
        now = int(self._wall_clock())
        return await self._keys.sign(
            {
                "iss": platform.client_id,
                "sub": platform.client_id,
                "aud": platform.assertion_audience,
                "iat": now,
                "exp": now + ASSERTION_SECONDS,
                "jti": secrets.token_urlsafe(24),
            }
        )

    async def _request(self, platform: Platform, scopes: tuple[str, ...]) -> tuple[str, float]:
        form = {
            "grant_type": "client_credentials",
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": await self.assertion(platform),
            "scope": " ".join(scopes),
        }
        try:
            async with self._http.session(timeout_seconds=self._timeout, max_bytes=64 * 1024) as s:
                answer = await s.post_form(platform.token_url, form)
        except OutboundError as error:
            raise unanswered(error, "token_url") from None
        if answer.status != 200:
            raise refused(answer, "token_url", "the platform's token endpoint")
        body = json_object(answer, "token_url", "a token answer")
        token, lifetime = body.get("access_token"), body.get("expires_in", DEFAULT_LIFETIME_SECONDS)
        if not isinstance(token, str) or not token or not isinstance(lifetime, int | float):
            raise SourceUnavailable(
                "The platform's token answer is not what the standard says",
                [Problem(("token_url",), "no access_token, or an expires_in that is no number")],
            )
        return token, float(lifetime)
