"""Bearer tokens: JWTs signed with the service key (HS256), checked without a database trip."""

from __future__ import annotations

from datetime import datetime, timedelta

import jwt

from app.domain.access import Principal, Scope, TenantId
from app.domain.errors import Unauthorized

_ISSUER = "mastery-service"


# Verified tokens kept per process: a client reuses its token for an hour, and checking the
# signature and claims costs more than the rest of a small GraphQL query.
_VERIFIED_MAX = 4096


class JwtTokenCodec:
    def __init__(self, secret_key: str) -> None:
        self._key = secret_key
        self._verified: dict[str, tuple[int, Principal]] = {}

    def issue(self, principal: Principal, issued_at: datetime, ttl_seconds: int) -> str:
        claims = {
            "iss": _ISSUER,
            "sub": principal.client_id,
            "tid": int(principal.tenant_id),
            "ten": principal.tenant_slug,
            "scope": " ".join(sorted(principal.scopes)),
            "iat": int(issued_at.timestamp()),
            "exp": int((issued_at + timedelta(seconds=ttl_seconds)).timestamp()),
        }
        return jwt.encode(claims, self._key, algorithm="HS256")

    def read(self, token: str, now: datetime) -> Principal:
        known = self._verified.get(token)
        if known is not None:
            expires, principal = known
            if expires <= int(now.timestamp()):
                raise Unauthorized("The access token has expired")
            return principal
        principal, expires = self._verify(token, now)
        if len(self._verified) >= _VERIFIED_MAX:
            self._verified.clear()
        self._verified[token] = (expires, principal)
        return principal

    def _verify(self, token: str, now: datetime) -> tuple[Principal, int]:
        try:
            # Expiry is checked against the injected clock, not the library's own clock.
            claims = jwt.decode(
                token,
                self._key,
                algorithms=["HS256"],
                issuer=_ISSUER,
                options={"verify_exp": False, "require": ["exp", "sub", "tid", "scope"]},
            )
            if int(claims["exp"]) <= int(now.timestamp()):
                raise Unauthorized("The access token has expired")
            scopes = frozenset(Scope(s) for s in str(claims["scope"]).split())
            principal = Principal(
                str(claims["sub"]), TenantId(int(claims["tid"])), str(claims.get("ten", "")), scopes
            )
            return principal, int(claims["exp"])
        except (jwt.InvalidTokenError, ValueError, KeyError) as exc:
            raise Unauthorized("The access token is not valid") from exc
