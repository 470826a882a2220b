"""A platform's LTI Advantage services, written from the specs for the tests: an OAuth 2.0
token endpoint that checks the tool's client assertion (1EdTech Security Framework 1.0 §4.1:
signature against the tool's JWKS, aud, exp, jti never reused), NRPS 2.0 memberships with Link
paging and a differences URL, and AGS 2.0 line items (list with paging, create), results and
scores (timestamps recorded; a 429 on demand). An ASGI app reached in-process."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any, Protocol

import jwt
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

BASE = "https://lms.example"
TOKEN_URL = f"{BASE}/token"
CLIENT_ID = "tool-client-1"
MEMBERSHIPS = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
LINE_ITEMS = "application/vnd.ims.lis.v2.lineitemcontainer+json"
LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json"
RESULTS = "application/vnd.ims.lis.v2.resultcontainer+json"
SCORE = "application/vnd.ims.lis.v1.score+json"


class PublishedKeys(Protocol):
    """The tool's public keys as the platform reads them (TestToolKeys, or the tool's
    /lti/jwks.json)."""

    async def public_jwks(self) -> dict[str, object]: ...


@dataclass
class FakePlatformServices:
    keys: PublishedKeys  # the tool's keys as the platform knows them: their public JWKS only
    client_id: str = CLIENT_ID
    # Where the services live: one LMS (tests/fakes/lti_lms.py) puts them under its issuer.
    base: str = BASE
    token_lifetime: int = 3600
    token_requests: int = 0
    granted: dict[str, tuple[str, ...]] = field(default_factory=dict)
    used_jtis: set[str] = field(default_factory=set)
    # NRPS: the members of the one context, served `page_size` at a time
    members: list[dict[str, Any]] = field(default_factory=list)
    # what the differences URL lists: the members changed since the last pull (Deleted ones too)
    changes: list[dict[str, Any]] = field(default_factory=list)
    page_size: int = 2
    context: dict[str, str] = field(default_factory=lambda: {"id": "ctx-1", "title": "Maths 7"})
    nrps_requests: list[str] = field(default_factory=list)
    # AGS
    line_items: dict[str, dict[str, Any]] = field(default_factory=dict)
    results: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    scores: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    busy_once: int = 0  # answer this many score posts `busy_status` (Retry-After: 1) first
    busy_status: int = 429
    score_attempts: int = 0

    @property
    def token_url(self) -> str:
        return f"{self.base}/token"

    @property
    def memberships_url(self) -> str:
        return f"{self.base}/contexts/ctx-1/memberships"

    @property
    def lineitems_url(self) -> str:
        return f"{self.base}/contexts/ctx-1/lineitems"

    def add_line_item(self, item: dict[str, Any]) -> str:
        item_id = f"{self.lineitems_url}/{len(self.line_items) + 1}"
        self.line_items[item_id] = {**item, "id": item_id}
        self.results.setdefault(item_id, [])
        return item_id

    def routes(self, prefix: str = "") -> list[Route]:
        """The endpoints, under a path prefix when they share a host with the platform's own."""
        items = f"{prefix}/contexts/ctx-1/lineitems"
        return [
            Route(f"{prefix}/token", self._token, methods=["POST"]),
            Route(f"{prefix}/contexts/ctx-1/memberships", self._memberships),
            Route(items, self._line_items, methods=["GET", "POST"]),
            Route(items + "/{n}/results", self._results),
            Route(items + "/{n}/scores", self._scores, methods=["POST"]),
        ]

    @property
    def app(self) -> Starlette:
        return Starlette(routes=self.routes())

    async def _token(self, request: Request) -> Response:
        self.token_requests += 1
        form = await request.form()
        if form.get("grant_type") != "client_credentials" or form.get("client_assertion_type") != (
            "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        ):
            return JSONResponse({"error": "unsupported_grant_type"}, status_code=400)
        assertion = str(form.get("client_assertion"))
        try:
            # The tool's key by the assertion's kid, from the JWKS the tool publishes.
            kid = jwt.get_unverified_header(assertion).get("kid")
            published = (await self.keys.public_jwks())["keys"]
            assert isinstance(published, list)
            jwk = next((k for k in published if k.get("kid") == kid), None)
            if jwk is None:
                return JSONResponse({"error": "invalid_client"}, status_code=401)
            claims = jwt.decode(
                assertion,
                jwt.PyJWK(jwk).key,
                algorithms=["RS256"],
                audience=self.token_url,
                issuer=self.client_id,
                options={"require": ["iss", "sub", "aud", "iat", "exp", "jti"]},
            )
        except jwt.PyJWTError:
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        if claims["sub"] != self.client_id:
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        if claims["exp"] - claims["iat"] > 300 or claims["jti"] in self.used_jtis:
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        self.used_jtis.add(claims["jti"])
        token = secrets.token_urlsafe(16)
        self.granted[token] = tuple(str(form.get("scope", "")).split())
        return JSONResponse(
            {"access_token": token, "token_type": "Bearer", "expires_in": self.token_lifetime}
        )

    def _allowed(self, request: Request, scope_suffix: str) -> bool:
        auth = request.headers.get("authorization", "")
        scopes = self.granted.get(auth.removeprefix("Bearer "), ())
        return auth.startswith("Bearer ") and any(s.endswith(scope_suffix) for s in scopes)

    async def _memberships(self, request: Request) -> Response:
        if not self._allowed(request, "contextmembership.readonly"):
            return Response(status_code=401)
        if request.headers.get("accept") != MEMBERSHIPS:
            return Response(status_code=406)
        self.nrps_requests.append(str(request.url))
        start = int(request.query_params.get("p", "0"))
        since = "since" in request.query_params
        listed = self.changes if since else self.members
        page = listed[start : start + self.page_size]
        links = []
        if start + self.page_size < len(listed):
            query = (
                f"since=v2&p={start + self.page_size}" if since else f"p={start + self.page_size}"
            )
            links.append(f'<{self.memberships_url}?{query}>; rel="next"')
        else:
            links.append(f'<{self.memberships_url}?since=v2>; rel="differences"')
        body = {"id": str(request.url), "context": self.context, "members": page}
        return JSONResponse(body, media_type=MEMBERSHIPS, headers={"Link": ", ".join(links)})

    async def _line_items(self, request: Request) -> Response:
        if request.method == "POST":
            if not self._allowed(request, "lineitem"):
                return Response(status_code=401)
            if request.headers.get("content-type") != LINE_ITEM:
                return Response(status_code=415)
            item_id = self.add_line_item(json.loads(await request.body()))
            return JSONResponse(self.line_items[item_id], status_code=201, media_type=LINE_ITEM)
        if not self._allowed(request, "lineitem.readonly") and not self._allowed(
            request, "/lineitem"
        ):
            return Response(status_code=401)
        items = list(self.line_items.values())
        start = int(request.query_params.get("p", "0"))
        headers = {}
        if start + self.page_size < len(items):
            headers["Link"] = f'<{self.lineitems_url}?p={start + self.page_size}>; rel="next"'
        page = items[start : start + self.page_size]
        return JSONResponse(page, media_type=LINE_ITEMS, headers=headers)

    async def _results(self, request: Request) -> Response:
        if not self._allowed(request, "result.readonly"):
            return Response(status_code=401)
        item_id = f"{self.lineitems_url}/{request.path_params['n']}"
        return JSONResponse(self.results.get(item_id, []), media_type=RESULTS)

    async def _scores(self, request: Request) -> Response:
        if not self._allowed(request, "/score"):
            return Response(status_code=401)
        if request.headers.get("content-type") != SCORE:
            return Response(status_code=415)
        self.score_attempts += 1
        if self.busy_once > 0:
            self.busy_once -= 1
            return Response(status_code=self.busy_status, headers={"Retry-After": "1"})
        item_id = f"{self.lineitems_url}/{request.path_params['n']}"
        score = json.loads(await request.body())
        earlier = [s for s in self.scores.get(item_id, []) if s["userId"] == score["userId"]]
        if earlier and earlier[-1]["timestamp"] >= score["timestamp"]:
            return Response(status_code=409)  # AGS 2.0: timestamps must increase
        self.scores.setdefault(item_id, []).append(score)
        return Response(status_code=204)
