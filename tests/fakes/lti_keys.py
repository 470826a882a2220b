"""A ToolKeys for tests: one RSA key generated when the test runs (never a key from a repository
or an example: several LTI libraries publish test private keys)."""

from __future__ import annotations

import json
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm


class TestToolKeys:
    """Signs RS256 with a key of its own making and publishes its public half."""

    __test__ = False  # not a pytest test class

    def __init__(self, kid: str = "tool-key-1") -> None:
        self.kid = kid
        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.signed: list[dict[str, object]] = []

    async def sign(self, claims: dict[str, object]) -> str:
        self.signed.append(claims)
        return jwt.encode(claims, self.private_key, algorithm="RS256", headers={"kid": self.kid})

    def public_jwk(self) -> dict[str, Any]:
        jwk: dict[str, Any] = json.loads(RSAAlgorithm.to_jwk(self.private_key.public_key()))
        return {**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}

    async def public_jwks(self) -> dict[str, object]:
        return {"keys": [self.public_jwk()]}

    def decode(self, token: str, audience: str, *, check_exp: bool = True) -> dict[str, Any]:
        """The claims of a JWT signed by this key, checked as a platform would (aud, exp)."""
        claims: dict[str, Any] = jwt.decode(
            token,
            self.private_key.public_key(),
            algorithms=["RS256"],
            audience=audience,
            options={"verify_exp": check_exp, "verify_iat": check_exp},
        )
        return claims
