"""One fake LMS, as a school's Canvas or Moodle is to the tool: one issuer, one client_id, one
set of keys for everything. It composes the platform's launch side (tests/fakes/lti_platform.py:
OIDC auth, JWKS with rotation, Dynamic Registration) and its Advantage services
(tests/fakes/lti_services.py: token endpoint checking our client assertion, NRPS, AGS) under the
platform's issuer, and adds the Deep Linking return endpoint (Deep Linking 2.0 §4.2): it checks
our LtiDeepLinkingResponse against the JWKS the tool publishes at /lti/jwks.json and makes the
line items the content items ask for, as a platform makes an assignment column per link.

One in-process ASGI app (`FakeLms.app`): the tool reaches it through the guarded outbound client
with an in-process transport; the test, as the browser, reaches it the same way (`browser()`)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route

from app.domain.lti.launch_check import AGS, DEEP_LINKING, LTI, NRPS
from tests.fakes.lti_platform import HOST, INSTRUCTOR, TOOL, FakePlatform
from tests.fakes.lti_services import FakePlatformServices

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
AGS_SCOPES = [
    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
    "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
    "https://purl.imsglobal.org/spec/lti-ags/scope/score",
]


class ToolSite:
    """The tool's public JWKS, read from its /lti/jwks.json as a platform configured with the
    tool's JWKS URL reads it. The tool's app is made after the LMS (it sends through the LMS's
    transport), so it is attached later."""

    def __init__(self) -> None:
        self.app: Any = None

    async def public_jwks(self) -> dict[str, object]:
        assert self.app is not None, "attach the tool's app first"
        transport = httpx.ASGITransport(app=self.app)
        async with httpx.AsyncClient(transport=transport, base_url=TOOL) as tool:
            answer = await tool.get("/lti/jwks.json")
        answer.raise_for_status()
        found: dict[str, object] = answer.json()
        return found


@dataclass
class FakeLms:
    tool: Any = field(default_factory=ToolSite)  # PublishedKeys: the tool's public keys
    platform: FakePlatform = field(default_factory=FakePlatform)
    # What the Deep Linking return endpoint received, checked; for tests to inspect.
    deep_link_answers: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.services = FakePlatformServices(
            self.tool, client_id=self.platform.client_id, base=self.platform.issuer
        )
        prefix = self.platform.prefix
        self.app = Starlette(
            routes=[
                *self.services.routes(prefix),
                Route(f"{prefix}/deep_links/return", self._deep_link_return, methods=["POST"]),
                Mount("", app=self.platform.app),
            ]
        )

    @property
    def host(self) -> str:
        return HOST

    @property
    def issuer(self) -> str:
        return self.platform.issuer

    @property
    def client_id(self) -> str:
        return self.platform.client_id

    @property
    def deep_link_return_url(self) -> str:
        return f"{self.issuer}/deep_links/return"

    def browser(self) -> httpx.AsyncClient:
        """The test as the user's browser on the LMS's pages (the Deep Linking form post)."""
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url=self.issuer)

    # --- the launches it starts ----------------------------------------------------------------

    def course_claims(
        self, nonce: str, *, sub: str, roles: list[str], **extra: Any
    ) -> dict[str, Any]:
        """A resource link launch from the course whose roster and gradebook the services hold:
        its context, the NRPS and AGS endpoints (LTI Advantage claims)."""
        services = self.services
        advantage = {
            LTI + "context": {**services.context, "type": ["CourseSection"]},
            NRPS: {
                "context_memberships_url": services.memberships_url,
                "service_versions": ["2.0"],
            },
            AGS: {"scope": AGS_SCOPES, "lineitems": services.lineitems_url},
        }
        return self.platform.claims(nonce, sub=sub, roles=roles, **(advantage | extra))

    def deep_linking_claims(self, nonce: str, *, sub: str, **extra: Any) -> dict[str, Any]:
        """An LtiDeepLinkingRequest from the course (Deep Linking 2.0 §4.4), as a teacher adds
        an assignment: resource links with line items accepted, several at once."""
        settings = {
            "deep_link_return_url": self.deep_link_return_url,
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["iframe", "window"],
            "accept_multiple": True,
            "data": "assignment-form-1",
        }
        claims = self.course_claims(nonce, sub=sub, roles=[INSTRUCTOR], **extra)
        claims.pop(LTI + "resource_link")  # §4.4: a Deep Linking request has no resource link
        claims[LTI + "message_type"] = "LtiDeepLinkingRequest"
        claims[DEEP_LINKING] = settings
        return claims

    # --- grading, as a teacher does in the LMS gradebook --------------------------------------

    def line_item_for(self, competency_id: str) -> str:
        """The id of the line item a Deep Linking answer made for this competency."""
        found = [
            item_id
            for item_id, item in self.services.line_items.items()
            if item.get("resourceId") == competency_id and item.get("tag") != "mastery"
        ]
        assert len(found) == 1, self.services.line_items
        return found[0]

    def grade(self, line_item: str, user_id: str, score: float, maximum: float) -> None:
        """A result on a line item (AGS 2.0 result: userId, resultScore, resultMaximum)."""
        self.services.results.setdefault(line_item, []).append(
            {
                "id": f"{line_item}/results/{user_id}",
                "scoreOf": line_item,
                "userId": user_id,
                "resultScore": score,
                "resultMaximum": maximum,
            }
        )

    # --- Deep Linking return -------------------------------------------------------------------

    async def _deep_link_return(self, request: Request) -> Response:
        form = await request.form()
        token = str(form.get("JWT", ""))
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            published = (await self.tool.public_jwks())["keys"]
            jwk = next((k for k in published if k.get("kid") == kid), None)
            if jwk is None:
                return HTMLResponse("unknown key", status_code=401)
            claims: dict[str, Any] = jwt.decode(
                token,
                jwt.PyJWK(jwk).key,
                algorithms=["RS256"],
                audience=self.issuer,
                issuer=self.client_id,
                options={"require": ["iss", "aud", "iat", "exp", "nonce"]},
            )
        except jwt.PyJWTError as failed:
            return HTMLResponse(f"bad answer: {failed}", status_code=400)
        expected = {
            LTI + "message_type": "LtiDeepLinkingResponse",
            LTI + "version": "1.3.0",
            LTI + "deployment_id": self.platform.deployment_id,
            DL + "data": "assignment-form-1",
        }
        if {k: claims.get(k) for k in expected} != expected or claims["iat"] > time.time() + 60:
            return HTMLResponse("bad answer claims", status_code=400)
        self.deep_link_answers.append(claims)
        for item in claims.get(DL + "content_items", []):
            wanted = item.get("lineItem")
            if item.get("type") == "ltiResourceLink" and isinstance(wanted, dict):
                self.services.add_line_item(
                    {
                        "scoreMaximum": wanted["scoreMaximum"],
                        "label": wanted["label"],
                        "resourceId": wanted.get("resourceId", ""),
                        "tag": wanted.get("tag", ""),
                        "resourceLinkId": f"link-{len(self.services.line_items) + 1}",
                    }
                )
        return HTMLResponse("<p>Assignment added.</p>")
