"""What a platform needs to know of the tool, from its public base URL: the same facts for a
platform admin's paste-in configuration (Canvas developer key JSON; Moodle's and others' tool
settings) and for LTI Dynamic Registration's client registration (Dynamic Registration 1.0
§3.5)."""

from __future__ import annotations

from app.domain.lti.launch import DEEP_LINKING_REQUEST, RESOURCE_LINK_REQUEST

TITLE = "Mastery"
DESCRIPTION = (
    "Competency mastery for students, teachers, guardians and school leaders: where each "
    "student stands, why, and what to learn next."
)
# The services the tool uses: AGS (line items, results, scores) and NRPS (the roster).
SCOPES = (
    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
    "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
    "https://purl.imsglobal.org/spec/lti-ags/scope/score",
    "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
)
# Claims the tool asks the platform to send (OpenID Connect names, as Dynamic Registration has).
CLAIMS = ("iss", "sub", "name", "given_name", "family_name", "email")


def urls(base: str) -> dict[str, str]:
    base = base.rstrip("/")
    return {
        "login": f"{base}/lti/login",
        "launch": f"{base}/lti/launch",
        "jwks": f"{base}/lti/jwks.json",
        "deep_link": f"{base}/lti/launch",
    }


def canvas_config(base: str) -> dict[str, object]:
    """Canvas's developer key JSON (LTI 1.3 "Paste JSON")."""
    u = urls(base)
    placements = [
        {"placement": "course_navigation", "message_type": RESOURCE_LINK_REQUEST},
        {"placement": "link_selection", "message_type": RESOURCE_LINK_REQUEST},
        {"placement": "assignment_selection", "message_type": DEEP_LINKING_REQUEST},
    ]
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "oidc_initiation_url": u["login"],
        "target_link_uri": u["launch"],
        "public_jwk_url": u["jwks"],
        "scopes": list(SCOPES),
        "extensions": [
            {
                "platform": "canvas.instructure.com",
                # The roster links by the SIS ids, which Canvas sends only at "public".
                "privacy_level": "public",
                "settings": {
                    "placements": [
                        {**p, "target_link_uri": u["launch"], "text": TITLE} for p in placements
                    ]
                },
            }
        ],
        "custom_fields": {},
    }


def generic_config(base: str) -> dict[str, object]:
    """The settings most platforms' manual tool forms ask for (Moodle, Schoology, Brightspace,
    Sakai): names as Moodle's form has them."""
    u = urls(base)
    return {
        "tool_name": TITLE,
        "tool_url": u["launch"],
        "lti_version": "LTI 1.3",
        "public_key_type": "Keyset URL",
        "public_keyset_url": u["jwks"],
        "initiate_login_url": u["login"],
        "redirection_uris": [u["launch"]],
        "supports_deep_linking": True,
        "deep_linking_url": u["deep_link"],
        "services": list(SCOPES),
        "privacy": {"share_name": True, "share_email": True, "accept_grades": True},
        "messages": [RESOURCE_LINK_REQUEST, DEEP_LINKING_REQUEST],
    }


def client_registration(base: str, domain: str) -> dict[str, object]:
    """The client registration posted to a platform (Dynamic Registration 1.0 §3.5)."""
    u = urls(base)
    return {
        "application_type": "web",
        "response_types": ["id_token"],
        "grant_types": ["implicit", "client_credentials"],
        "initiate_login_uri": u["login"],
        "redirect_uris": [u["launch"]],
        "client_name": TITLE,
        "jwks_uri": u["jwks"],
        "token_endpoint_auth_method": "private_key_jwt",
        "scope": " ".join(SCOPES),
        "https://purl.imsglobal.org/spec/lti-tool-configuration": {
            "domain": domain,
            "description": DESCRIPTION,
            "target_link_uri": u["launch"],
            "claims": list(CLAIMS),
            "messages": [
                {"type": RESOURCE_LINK_REQUEST, "target_link_uri": u["launch"]},
                {"type": DEEP_LINKING_REQUEST, "target_link_uri": u["launch"]},
            ],
        },
    }
