"""A launch the service has verified: the claims of the platform's id_token that the rest of the
tool uses (LTI Core 1.3 §5; NRPS 2.0 §3.6.1; AGS 2.0 §3.1; Deep Linking 2.0 §4.4.1), in plain
fields. Only the launch check (app/api/lti) builds one, after the signature, issuer, audience,
times, nonce and deployment are checked."""

from __future__ import annotations

from dataclasses import dataclass, field

RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest"
DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest"


@dataclass(frozen=True)
class Launch:
    issuer: str
    client_id: str
    deployment_id: str
    sub: str
    message_type: str
    roles: tuple[str, ...]
    target_link_uri: str
    resource_link_id: str | None = None
    context_id: str | None = None
    context_title: str | None = None
    # lis claim: the SIS's ids of the person and the class section, when the platform sends them
    person_sourcedid: str | None = None
    course_section_sourcedid: str | None = None
    # the `sub`s of the users a Mentor launch is about (role_scope_mentor)
    role_scope_mentor: tuple[str, ...] = ()
    name: str | None = None
    email: str | None = None
    custom: dict[str, str] = field(default_factory=dict)
    # NRPS: the context's memberships URL
    memberships_url: str | None = None
    # AGS: the line items container, this link's line item, and the scopes granted
    lineitems_url: str | None = None
    lineitem_url: str | None = None
    ags_scopes: tuple[str, ...] = ()
    # Deep Linking: where the answer goes, the opaque data to return, what the platform accepts
    deep_link_return_url: str | None = None
    deep_link_data: str | None = None
    deep_link_accept_types: tuple[str, ...] = ()
    deep_link_accept_multiple: bool = True
    # the client-side postMessage storage frame name, when the platform offers it
    storage_target: str | None = None
