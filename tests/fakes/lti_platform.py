"""A fake LMS platform, written from LTI Core 1.3 and the 1EdTech Security Framework 1.0: its
own RSA keys (generated here, rotated on demand), a JWKS endpoint (with Cache-Control; it can be
made to fail), and an OIDC auth endpoint that checks the tool's login redirect and answers the
id_token and state it would auto-post to the tool. An in-process ASGI app: the tool reaches it
through the guarded outbound client with an in-process transport, never the network.

The services' fake (tests/fakes/lti_services.py) mounts beside it on the same host."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from jwt.algorithms import RSAAlgorithm

from app.domain.lti.launch_check import LTI
from app.domain.lti.platform import Platform

ISSUER = "https://platform.test"
HOST = "platform.test"
CLIENT_ID = "mastery-tool"
DEPLOYMENT_ID = "deployment-1"
TOOL = "http://test"  # where the tests' client reaches the tool (tests/conftest.py)

LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"
ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"


@dataclass
class SigningKey:
    kid: str
    private: rsa.RSAPrivateKey

    @property
    def jwk(self) -> dict[str, Any]:
        found: dict[str, Any] = RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True)
        found.update({"kid": self.kid, "alg": "RS256", "use": "sig"})
        return found


def new_key() -> SigningKey:
    return SigningKey(
        secrets.token_hex(6), rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )


@dataclass
class FakePlatform:
    # A path of its own per platform: tests share one tool (and its cache of platform keys).
    prefix: str = field(default_factory=lambda: f"/p-{secrets.token_hex(6)}")
    client_id: str = field(default_factory=lambda: f"{CLIENT_ID}-{secrets.token_hex(4)}")
    deployment_id: str = DEPLOYMENT_ID
    keys: list[SigningKey] = field(default_factory=lambda: [new_key()])
    jwks_max_age: int = 300
    jwks_down: bool = False
    jwks_fetches: int = 0
    # What the auth endpoint checked and answered, for tests to inspect.
    auth_requests: list[dict[str, str]] = field(default_factory=list)
    # Dynamic Registration: the token it hands the tool, the registrations it received.
    registration_token: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    registrations: list[dict[str, Any]] = field(default_factory=list)
    config_issuer: str | None = None  # a configuration naming another issuer, when set

    def __post_init__(self) -> None:
        self.app = self._build()

    @property
    def issuer(self) -> str:
        return f"{ISSUER}{self.prefix}"

    @property
    def platform(self) -> Platform:
        return Platform(
            issuer=self.issuer,
            client_id=self.client_id,
            auth_login_url=f"{self.issuer}/auth",
            token_url=f"{self.issuer}/token",
            jwks_url=f"{self.issuer}/jwks",
        )

    @property
    def signing(self) -> SigningKey:
        return self.keys[-1]

    def rotate(self) -> SigningKey:
        """A new signing key; the JWKS serves the new one (and drops the oldest beyond two)."""
        self.keys = [*self.keys[-1:], new_key()]
        return self.signing

    # --- the id_token ----------------------------------------------------------------------

    def claims(
        self,
        nonce: str,
        *,
        sub: str = "user-1",
        roles: list[str] | None = None,
        now: float | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """The claims of a resource link launch as LTI Core 1.3 §5.3-5.4 names them."""
        at = int(time.time() if now is None else now)
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": sub,
            "exp": at + 300,
            "iat": at,
            "nonce": nonce,
            LTI + "message_type": "LtiResourceLinkRequest",
            LTI + "version": "1.3.0",
            LTI + "deployment_id": self.deployment_id,
            LTI + "target_link_uri": f"{TOOL}/lti/launch",
            LTI + "resource_link": {"id": "link-1", "title": "Mastery"},
            LTI + "roles": [LEARNER] if roles is None else roles,
            LTI + "context": {"id": "context-1", "title": "Algebra 1"},
        }
        claims.update(extra)
        return claims

    def sign(
        self,
        claims: dict[str, Any],
        *,
        key: SigningKey | None = None,
        headers: dict[str, Any] | None = None,
        algorithm: str = "RS256",
    ) -> str:
        key = key or self.signing
        header = {"kid": key.kid} if headers is None else headers
        return jwt.encode(claims, key.private, algorithm=algorithm, headers=header)

    def check_auth_request(self, url: str) -> dict[str, str]:
        """The tool's redirect to our auth endpoint, checked as the Security Framework §5.1.1.2
        asks; the parameters (state, nonce, ...)."""
        parts = urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{self.issuer}/auth", url
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}
        expected = {
            "scope": "openid",
            "response_type": "id_token",
            "response_mode": "form_post",
            "prompt": "none",
            "client_id": self.client_id,
            "redirect_uri": f"{TOOL}/lti/launch",
        }
        assert {k: params.get(k) for k in expected} == expected, params
        # At least 128 bits each, as base64url (22 characters).
        assert len(params["state"]) >= 22, params
        assert len(params["nonce"]) >= 22, params
        self.auth_requests.append(params)
        return params

    # --- the HTTP endpoints ------------------------------------------------------------------

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.get(f"{self.prefix}/jwks")
        async def jwks() -> JSONResponse:
            self.jwks_fetches += 1
            if self.jwks_down:
                return JSONResponse({"error": "down"}, status_code=503)
            return JSONResponse(
                {"keys": [k.jwk for k in self.keys]},
                headers={"Cache-Control": f"max-age={self.jwks_max_age}"},
            )

        @app.get(f"{self.prefix}/.well-known/openid-configuration")
        async def openid_configuration(request: Request) -> JSONResponse:
            # Dynamic Registration 1.0 §3.4: the platform's OpenID configuration.
            return JSONResponse(
                {
                    "issuer": self.config_issuer or self.issuer,
                    "authorization_endpoint": f"{self.issuer}/auth",
                    "token_endpoint": f"{self.issuer}/token",
                    "jwks_uri": f"{self.issuer}/jwks",
                    "registration_endpoint": f"{self.issuer}/register",
                    "scopes_supported": ["openid"],
                    "response_types_supported": ["id_token"],
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "https://purl.imsglobal.org/spec/lti-platform-configuration": {
                        "product_family_code": "fake",
                        "version": "1.0",
                        "messages_supported": [
                            {"type": "LtiResourceLinkRequest"},
                            {"type": "LtiDeepLinkingRequest"},
                        ],
                    },
                }
            )

        @app.post(f"{self.prefix}/register")
        async def register(request: Request) -> JSONResponse:
            if request.headers.get("authorization") != f"Bearer {self.registration_token}":
                return JSONResponse({"error": "invalid_token"}, status_code=401)
            client = await request.json()
            self.registrations.append(client)
            # §3.6: the client as registered, with its client_id and the deployment made.
            answer = {
                **client,
                "client_id": self.client_id,
                "https://purl.imsglobal.org/spec/lti-tool-configuration": {
                    **client["https://purl.imsglobal.org/spec/lti-tool-configuration"],
                    "deployment_id": self.deployment_id,
                },
            }
            return JSONResponse(answer, status_code=201)

        @app.get(f"{self.prefix}/auth")
        async def auth(request: Request) -> JSONResponse:
            # What the platform would auto-post to redirect_uri: the checked parameters.
            params = self.check_auth_request(str(request.url))
            return JSONResponse({"state": params["state"], "nonce": params["nonce"]})

        return app
