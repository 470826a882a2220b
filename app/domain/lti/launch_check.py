"""The checks of a launch's id_token once its signature holds (LTI Core 1.3 §5.1.3, §5.3;
1EdTech Security Framework 1.0 §5.1.3): issuer, audience, times, and the claims every LTI
message must carry. Pure: the caller gives the verified claims, the registration and the time."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from app.domain.lti.launch import DEEP_LINKING_REQUEST, RESOURCE_LINK_REQUEST, Launch
from app.domain.lti.platform import Platform

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
DEEP_LINKING = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
# Security Framework §5.1.3 lets a tool allow for clock skew; a minute is the common choice.
LEEWAY_SECONDS = 60
# Asymmetric signatures only: `none` and HS* (a key a verifier would take from the public JWK)
# are what the certification's known-bad payloads try.
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384")


class LaunchRefused(Exception):
    """A launch the service will not honour; `reason` says which check failed, in words a
    teacher can pass to the LMS's admin (no claim values, which may be personal)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_times(claims: Mapping[str, object], now: datetime) -> None:
    at = now.timestamp()
    exp, iat = claims.get("exp"), claims.get("iat")
    if not isinstance(exp, int | float) or not isinstance(iat, int | float) or _bool(exp, iat):
        raise LaunchRefused("The id_token has no valid exp or iat")
    if exp + LEEWAY_SECONDS < at:
        raise LaunchRefused("The id_token has expired")
    if iat - LEEWAY_SECONDS > at:
        raise LaunchRefused("The id_token was issued in the future (iat)")


def check_audience(claims: Mapping[str, object], platform: Platform) -> None:
    if claims.get("iss") != platform.issuer:
        raise LaunchRefused("The id_token's issuer (iss) is not the platform that began the login")
    aud = claims.get("aud")
    if isinstance(aud, list):
        if platform.client_id not in aud:
            raise LaunchRefused("The id_token's audience (aud) does not name this tool")
        # §5.1.3 step 4: with several audiences, azp must be present and be our client id.
        if claims.get("azp") != platform.client_id:
            raise LaunchRefused("The id_token names several audiences but not us as azp")
    elif aud != platform.client_id:
        raise LaunchRefused("The id_token's audience (aud) does not name this tool")
    elif "azp" in claims and claims["azp"] != platform.client_id:
        raise LaunchRefused("The id_token's authorized party (azp) is not this tool")


def launch_of(claims: Mapping[str, object], platform: Platform) -> Launch:
    """The Launch the claims describe; LaunchRefused naming the first missing or wrong claim."""
    message_type = claims.get(LTI + "message_type")
    if message_type not in (RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST):
        raise LaunchRefused("The id_token is not an LTI launch (message_type)")
    if claims.get(LTI + "version") != "1.3.0":
        raise LaunchRefused("The launch is not LTI version 1.3.0")
    deployment_id = _text(claims.get(LTI + "deployment_id"))
    if deployment_id is None:
        raise LaunchRefused("The launch names no deployment (deployment_id)")
    target = _text(claims.get(LTI + "target_link_uri"))
    if target is None:
        raise LaunchRefused("The launch has no target_link_uri")
    sub = _text(claims.get("sub"))
    if sub is None:
        # LTI Core §5.1.2 allows an anonymous launch; the pages need to know who is looking.
        raise LaunchRefused("The launch names no user (sub)")
    roles = claims.get(LTI + "roles")
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise LaunchRefused("The launch has no roles claim")
    link = _object(claims.get(LTI + "resource_link"))
    link_id = _text(link.get("id"))
    if message_type == RESOURCE_LINK_REQUEST and link_id is None:
        raise LaunchRefused("The launch has no resource link id")
    context, lis = _object(claims.get(LTI + "context")), _object(claims.get(LTI + "lis"))
    nrps, ags, dl = (_object(claims.get(k)) for k in (NRPS, AGS, DEEP_LINKING))
    custom = _object(claims.get(LTI + "custom"))
    # LTI Client Side postMessages: where the platform's storage frame is, when it has one.
    platform_storage = _object(claims.get(LTI + "lti1p3_platform_storage"))
    return Launch(
        issuer=platform.issuer,
        client_id=platform.client_id,
        deployment_id=deployment_id,
        sub=sub,
        message_type=str(message_type),
        roles=tuple(roles),
        target_link_uri=target,
        resource_link_id=link_id,
        context_id=_text(context.get("id")),
        context_title=_text(context.get("title")),
        person_sourcedid=_text(lis.get("person_sourcedid")),
        course_section_sourcedid=_text(lis.get("course_section_sourcedid")),
        role_scope_mentor=_texts(claims.get(LTI + "role_scope_mentor")),
        name=_text(claims.get("name")),
        email=_text(claims.get("email")),
        custom={str(k): str(v) for k, v in custom.items()},
        memberships_url=_text(nrps.get("context_memberships_url")),
        lineitems_url=_text(ags.get("lineitems")),
        lineitem_url=_text(ags.get("lineitem")),
        ags_scopes=_texts(ags.get("scope")),
        deep_link_return_url=_text(dl.get("deep_link_return_url")),
        deep_link_data=_text(dl.get("data")),
        deep_link_accept_types=_texts(dl.get("accept_types")),
        deep_link_accept_multiple=dl.get("accept_multiple") is not False,
        storage_target=_text(platform_storage.get("target")),
    )


def _bool(*values: object) -> bool:
    return any(isinstance(v, bool) for v in values)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _texts(value: object) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _object(value: object) -> Mapping[str, object]:
    return value if isinstance(value, dict) else {}
