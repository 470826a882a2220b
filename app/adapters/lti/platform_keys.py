"""Platforms' public keys (their JWKS), fetched through the guarded outbound client and kept as
long as the answer's Cache-Control allows; and the signature check of an id_token with them.

An unknown kid is fetched again once (the platform may have rotated); when a fetch fails the
last good set is kept and used, so a platform's brief outage does not stop launches."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import jwt

from app.adapters.http import OutboundError, OutboundHttp
from app.domain.lti.launch_check import ALGORITHMS, LaunchRefused

# Without a max-age, keys are fetched again after five minutes; never kept past a day.
DEFAULT_SECONDS = 300.0
MAX_SECONDS = 86_400.0
_MAX_AGE = re.compile(r"max-age\s*=\s*(\d+)", re.IGNORECASE)


@dataclass
class _KeySet:
    keys: dict[str, dict[str, object]]
    fresh_until: float


class PlatformKeys:
    def __init__(
        self,
        http: OutboundHttp,
        *,
        timeout_seconds: float = 10.0,
        max_bytes: int = 1 << 20,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self._timeout = timeout_seconds
        self._max_bytes = max_bytes
        self._monotonic = monotonic
        self._sets: dict[str, _KeySet] = {}
        # One fetch at a time per JWKS URL: a class launching at once waits for one answer.
        self._fetching: dict[str, asyncio.Lock] = {}

    async def verify(self, id_token: str, jwks_url: str) -> dict[str, object]:
        """The claims of `id_token` once its header and signature hold; LaunchRefused saying
        which did not. Only the signature: the claims are checked by the caller."""
        try:
            header = jwt.get_unverified_header(id_token)
        except jwt.PyJWTError:
            raise LaunchRefused("The id_token is not a JWT") from None
        alg = header.get("alg")
        if alg not in ALGORITHMS:
            raise LaunchRefused("The id_token's signing algorithm is not accepted")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise LaunchRefused("The id_token's header names no key (kid)")
        jwk = await self._key(jwks_url, kid)
        if jwk is None:
            raise LaunchRefused("The id_token is signed with a key the platform does not publish")
        try:
            key = jwt.PyJWK(jwk, algorithm=str(alg)).key
            claims: dict[str, object] = jwt.decode(
                id_token,
                key,
                algorithms=[str(alg)],
                options={
                    "verify_signature": True,
                    "verify_aud": False,
                    "verify_iss": False,
                    "verify_exp": False,
                    "verify_iat": False,
                    "verify_nbf": False,
                },
            )
        except (jwt.PyJWTError, ValueError, TypeError):
            raise LaunchRefused("The id_token's signature does not verify") from None
        return claims

    async def _key(self, url: str, kid: str) -> dict[str, object] | None:
        seen = self._sets.get(url)
        if seen is not None and self._monotonic() < seen.fresh_until and kid in seen.keys:
            return seen.keys[kid]
        async with self._fetching.setdefault(url, asyncio.Lock()):
            known = self._sets.get(url)
            if known is not seen and known is not None and kid in known.keys:
                return known.keys[kid]  # fetched meanwhile by a launch that waited less
            # Stale, or a kid we have not seen (a rotation): one fetch, then the last good set.
            fetched = await self._fetch(url, self._monotonic())
            if fetched is not None:
                self._sets[url] = known = fetched
            return known.keys.get(kid) if known is not None else None

    async def _fetch(self, url: str, now: float) -> _KeySet | None:
        try:
            async with self._http.session(
                timeout_seconds=self._timeout, max_bytes=self._max_bytes
            ) as session:
                answer = (await session.get(url, headers={"Accept": "application/json"})).expect(
                    200
                )
            body = answer.json()
        except (OutboundError, ValueError):
            return None
        listed = body.get("keys") if isinstance(body, dict) else None
        if not isinstance(listed, list):
            return None
        keys = {
            str(k["kid"]): k
            for k in listed
            if isinstance(k, dict) and isinstance(k.get("kid"), str)
        }
        match = _MAX_AGE.search(answer.headers.get("cache-control", ""))
        seconds = float(match.group(1)) if match else DEFAULT_SECONDS
        return _KeySet(keys, now + min(seconds, MAX_SECONDS))
