"""Page-session tokens: JWTs signed (HS256) with the key ring like the API's bearer tokens, but
with an audience of their own, so an API token never opens a page and a page token never calls
the API."""

from __future__ import annotations

from datetime import datetime, timedelta

import jwt

from app.adapters.security.keys import KeyRing
from app.domain.access import TenantId
from app.domain.errors import Unauthorized
from app.domain.lti.session import PageRole, PageSession

_ISSUER = "mastery-service"
_AUDIENCE = "mastery-service/lti-page"


class JwtPageSessionCodec:
    def __init__(self, keys: KeyRing) -> None:
        self._keys = keys

    def issue(self, session: PageSession, issued_at: datetime, ttl_seconds: int) -> str:
        claims = {
            "iss": _ISSUER,
            "aud": _AUDIENCE,
            "sub": session.user_id,
            "tid": int(session.tenant_id),
            "ten": session.tenant_slug,
            "role": session.role.value,
            "per": session.person_id,
            "stu": list(session.student_ids),
            "cls": session.class_id,
            "org": list(session.org_ids),
            "fwk": list(session.framework_ids),
            "frm": session.frame_origin,
            "ovr": session.can_override,
            "lch": session.launch_id,
            "iat": int(issued_at.timestamp()),
            "exp": int((issued_at + timedelta(seconds=ttl_seconds)).timestamp()),
        }
        return jwt.encode(
            claims, self._keys.current, algorithm="HS256", headers={"kid": self._keys.current_id}
        )

    def read(self, token: str, now: datetime) -> PageSession:
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            key = self._keys.by_id(kid) if isinstance(kid, str) else None
            if key is None:
                raise Unauthorized("The page session is not valid")
            claims = jwt.decode(
                token,
                key,
                algorithms=["HS256"],
                issuer=_ISSUER,
                audience=_AUDIENCE,
                options={"verify_exp": False, "require": ["exp", "sub", "tid", "role"]},
            )
            if int(claims["exp"]) <= int(now.timestamp()):
                raise Unauthorized("The page session has expired; open the page from the LMS again")
            return PageSession(
                tenant_id=TenantId(int(claims["tid"])),
                tenant_slug=str(claims.get("ten", "")),
                role=PageRole(claims["role"]),
                user_id=str(claims["sub"]),
                person_id=_text(claims.get("per")),
                student_ids=tuple(str(s) for s in claims.get("stu") or ()),
                class_id=_text(claims.get("cls")),
                org_ids=tuple(str(s) for s in claims.get("org") or ()),
                framework_ids=tuple(str(s) for s in claims.get("fwk") or ()),
                frame_origin=_text(claims.get("frm")),
                can_override=bool(claims.get("ovr", False)),
                launch_id=_text(claims.get("lch")),
            )
        except (jwt.InvalidTokenError, ValueError, KeyError, TypeError) as exc:
            raise Unauthorized("The page session is not valid") from exc


def _text(value: object) -> str | None:
    return None if value is None else str(value)
