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

import html
import re
import time
from dataclasses import dataclass, field, replace
from typing import Any

import httpx
import jwt
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route

from app.adapters.db.engine import session_factory
from app.adapters.http import OutboundHttp, OutboundPolicy
from app.bootstrap import Container, wire
from app.bootstrap_lti import lti_adapters
from app.domain.lti.launch_check import AGS, DEEP_LINKING, LTI, NRPS
from app.use_cases.catalog import UseCases
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


def tool_wired_to(container: Container, lms: FakeLms, *, post_scores: bool = False) -> UseCases:
    """The container's use cases with the process's LTI adapters as bootstrap builds them
    (app/bootstrap_lti.lti_adapters), but the guarded client allowed to the LMS's host name and
    reaching it in-process; `post_scores` is MASTERY_LTI_POST_SCORES."""
    policy = OutboundPolicy.from_settings([lms.host], allow_http=False)
    http = OutboundHttp(policy, transport=httpx.ASGITransport(app=lms.app))
    adapters = container.adapters
    lti = lti_adapters(
        session_factory(container.engine),
        adapters.secrets,
        adapters.clock,
        http,
        post_scores=post_scores,
    )
    return wire(replace(adapters, lti=lti), container.policy)


@dataclass
class FakeLms:
    tool: Any = field(default_factory=ToolSite)  # PublishedKeys: the tool's public keys
    platform: FakePlatform = field(default_factory=FakePlatform)
    # Who the LMS signs in, by the login_hint it starts their launch with: their sub and roles
    # (and any claims more), as its user database would answer.
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
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
                # Before the platform's own /auth (which answers the bare state and nonce).
                Route(f"{prefix}/auth", self._auth),
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

    def user(self, login_hint: str, *, sub: str, roles: list[str], **claims: Any) -> None:
        """A person of the LMS whom a launch with this login_hint signs in."""
        self.users[login_hint] = {"sub": sub, "roles": roles, **claims}

    def initiation(self, login_hint: str, *, deep_linking: bool = False) -> dict[str, str]:
        """The third-party initiated login the LMS starts (LTI Core 1.3 §4.1): what it sends
        to the tool's /lti/login. The message hint tells its auth endpoint, later, which
        message to answer."""
        return {
            "iss": self.issuer,
            "login_hint": login_hint,
            "target_link_uri": f"{TOOL}/lti/launch",
            "client_id": self.client_id,
            "lti_deployment_id": self.platform.deployment_id,
            "lti_message_hint": "deep-linking" if deep_linking else "resource-link",
        }

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

    # --- OIDC auth: the id_token form post -------------------------------------------------------

    async def _auth(self, request: Request) -> Response:
        """The platform's answer to the tool's auth request (Security Framework §5.1.1.3-4):
        the request checked, the user the login_hint names signed in, and a page that
        auto-posts the id_token and state to the tool's redirect_uri."""
        params = self.platform.check_auth_request(str(request.url))
        who = self.users.get(params.get("login_hint", ""))
        if who is None:
            return HTMLResponse("unknown user", status_code=400)
        sub, roles = who["sub"], who["roles"]
        extra = {k: v for k, v in who.items() if k not in ("sub", "roles")}
        nonce = params["nonce"]
        if params.get("lti_message_hint") == "deep-linking":
            claims = self.deep_linking_claims(nonce, sub=sub, **extra)
            claims[LTI + "roles"] = roles
        else:
            claims = self.course_claims(nonce, sub=sub, roles=roles, **extra)
        fields = {"id_token": self.platform.sign(claims), "state": params["state"]}
        inputs = "".join(
            f'<input type="hidden" name="{k}" value="{html.escape(v)}">' for k, v in fields.items()
        )
        page = (
            f'<form id="launch" method="post" action="{html.escape(params["redirect_uri"])}">'
            f"{inputs}</form><script>document.getElementById('launch').submit()</script>"
        )
        return HTMLResponse(page)

    @staticmethod
    def forms_of(page: str) -> dict[str, dict[str, str]]:
        """The POST forms of a page by action, with their hidden fields, as a browser would
        post them (the auth answer, the class page's buttons, the Deep Linking answer)."""
        forms: dict[str, dict[str, str]] = {}
        for part in page.split("<form")[1:]:
            if 'method="post"' not in part.split(">", 1)[0]:
                continue
            action = re.search(r'action="([^"]+)"', part)
            assert action is not None, part
            hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', part)
            forms[html.unescape(action.group(1))] = {k: html.unescape(v) for k, v in hidden}
        return forms

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
