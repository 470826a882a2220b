"""Bearer tokens: JWTs signed with the service key (HS256), checked without a database trip."""

from __future__ import annotations

from datetime import datetime, timedelta

import jwt

from app.domain.access import Principal, Scope, TenantId
from app.domain.errors import Unauthorized

_ISSUER = "mastery-service"


class JwtTokenCodec:
    def __init__(self, secret_key: str) -> None:
        self._key = secret_key

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
            return Principal(
                str(claims["sub"]), TenantId(int(claims["tid"])), str(claims.get("ten", "")), scopes
            )
        except (jwt.InvalidTokenError, ValueError, KeyError) as exc:
            raise Unauthorized("The access token is not valid") from exc
