"""An in-process OneRoster REST provider written from the 1.1 and 1.2 specifications, for the
sync client's tests: collections paged with limit/offset (X-Total-Count and Link headers),
`filter=dateLastModified>'…'`, OAuth 2.0 client credentials or OAuth 1.0a HMAC-SHA256 request
signatures (checked here by RFC 5849's algorithm, written apart from the client's signer), and
answers to fail with on demand (429 with Retry-After, 503)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote, unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

BASE = {"1.1": "/ims/oneroster/v1p1", "1.2": "/ims/oneroster/rostering/v1p2"}
_FILTER = re.compile(r"^dateLastModified>'(?P<at>[^']+)'$")
_HEADER_PARAM = re.compile(r'(\w+)="([^"]*)"')


def _encode(text: str) -> str:
    """RFC 5849 §3.6: percent-encode all but the unreserved characters."""
    return quote(text, safe="-._~")


def oauth1_signature(method: str, url: str, params: list[tuple[str, str]], secret: str) -> str:
    """RFC 5849 §3.4 with HMAC-SHA256: the base string of method, base URI and normalised
    parameters, keyed by the client secret and an empty token secret."""
    pairs = sorted((_encode(k), _encode(v)) for k, v in params if k != "oauth_signature")
    normalised = "&".join(f"{k}={v}" for k, v in pairs)
    base_string = "&".join(_encode(part) for part in (method.upper(), url, normalised))
    key = f"{_encode(secret)}&".encode()
    digest = hmac.new(key, base_string.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


@dataclass
class FakeProvider:
    version: str = "1.1"
    auth: str = "oauth1"
    client_id: str = "sis-client"
    client_secret: str = "sis-secret"
    link_header: bool = True
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Statuses to answer (in order) before the next collection request succeeds.
    failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    signatures_checked: int = 0
    _tokens: set[str] = field(default_factory=set)
    _nonces: set[str] = field(default_factory=set)

    @property
    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/oauth/token", self._token, methods=["POST"]),
                Route(BASE[self.version] + "/{collection}", self._collection),
            ]
        )

    async def _token(self, request: Request) -> JSONResponse:
        form = await request.form()
        basic = request.headers.get("authorization", "")
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if basic != f"Basic {expected}" or form.get("grant_type") != "client_credentials":
            return JSONResponse({"error": "invalid_client"}, status_code=401)
        token = f"token-{len(self._tokens)}"
        self._tokens.add(token)
        return JSONResponse({"access_token": token, "token_type": "Bearer", "expires_in": 3600})

    def _authorised(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        if self.auth == "oauth2":
            return header.removeprefix("Bearer ") in self._tokens
        if not header.startswith("OAuth "):
            return False
        oauth = {k: unquote(v) for k, v in _HEADER_PARAM.findall(header)}
        if oauth.get("oauth_signature_method") != "HMAC-SHA256":
            return False
        nonce = oauth.get("oauth_nonce", "")
        if oauth.get("oauth_consumer_key") != self.client_id or nonce in self._nonces:
            return False
        self._nonces.add(nonce)
        url = f"{request.url.scheme}://{request.url.netloc}{request.url.path}"
        params = [*request.query_params.multi_items(), *oauth.items()]
        expected = oauth1_signature(request.method, url, params, self.client_secret)
        self.signatures_checked += 1
        return hmac.compare_digest(expected, oauth.get("oauth_signature", ""))

    async def _collection(self, request: Request) -> JSONResponse:
        collection = request.path_params["collection"]
        self.requests.append((collection, dict(request.query_params)))
        if self.failures:
            status, headers = self.failures.pop(0)
            return JSONResponse({"imsx_codeMajor": "failure"}, status_code=status, headers=headers)
        if not self._authorised(request):
            return JSONResponse({"imsx_codeMajor": "failure"}, status_code=401)
        records = self.records.get(collection, [])
        wanted = request.query_params.get("filter")
        if wanted:
            match = _FILTER.match(wanted)
            assert match, f"unexpected filter {wanted!r}"
            since = datetime.fromisoformat(match["at"])
            records = [r for r in records if datetime.fromisoformat(r["dateLastModified"]) > since]
        limit = int(request.query_params.get("limit", 100))
        offset = int(request.query_params.get("offset", 0))
        page = records[offset : offset + limit]
        headers = {"X-Total-Count": str(len(records))}
        if self.link_header and offset + limit < len(records):
            query = dict(request.query_params) | {"offset": str(offset + limit)}
            following = request.url.include_query_params(**query)
            headers["Link"] = f'<{following}>; rel="next"'
        return JSONResponse({collection: page}, headers=headers)
