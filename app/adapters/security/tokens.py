"""Bearer tokens: JWTs signed (HS256) with the key ring's current key and naming it in `kid`, so
a retiring key still verifies the tokens it signed. Checked without a database trip."""

from __future__ import annotations

from datetime import datetime, timedelta

import jwt

from app.adapters.security.keys import KeyRing
from app.domain.access import Principal, Scope, TenantId
from app.domain.errors import Unauthorized

_ISSUER = "mastery-service"


# Verified tokens kept per process: a client reuses its token for an hour, and checking the
# signature and claims costs more than the rest of a small GraphQL query.
_VERIFIED_MAX = 4096


class JwtTokenCodec:
    def __init__(self, keys: KeyRing) -> None:
        self._keys = keys
        self._verified: dict[str, tuple[int, Principal]] = {}

    def issue(self, principal: Principal, issued_at: datetime, ttl_seconds: int) -> str:
        claims = {
            "iss": _ISSUER,
            "sub": principal.client_id,
            "tid": int(principal.tenant_id),
            "ten": principal.tenant_slug,
            "scope": " ".join(sorted(principal.scopes)),
            "ver": principal.client_version,
            "iat": int(issued_at.timestamp()),
            "exp": int((issued_at + timedelta(seconds=ttl_seconds)).timestamp()),
        }
        return jwt.encode(
            claims, self._keys.current, algorithm="HS256", headers={"kid": self._keys.current_id}
        )

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
            kid = jwt.get_unverified_header(token).get("kid")
            key = self._keys.by_id(kid) if isinstance(kid, str) else None
            if key is None:  # no kid, or a retired key's
                raise Unauthorized("The access token is not valid")
            # Expiry is checked against the injected clock, not the library's own clock.
            claims = jwt.decode(
                token,
                key,
                algorithms=["HS256"],
                issuer=_ISSUER,
                options={"verify_exp": False, "require": ["exp", "sub", "tid", "scope", "ver"]},
            )
            if int(claims["exp"]) <= int(now.timestamp()):
                raise Unauthorized("The access token has expired")
            scopes = frozenset(Scope(s) for s in str(claims["scope"]).split())
            principal = Principal(
                str(claims["sub"]),
                TenantId(int(claims["tid"])),
                str(claims.get("ten", "")),
                scopes,
                client_version=int(claims["ver"]),
            )
            return principal, int(claims["exp"])
        except (jwt.InvalidTokenError, ValueError, KeyError, TypeError) as exc:
            raise Unauthorized("The access token is not valid") from exc
