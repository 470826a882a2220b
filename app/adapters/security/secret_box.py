"""Secrets the service must use again (a SIS's client secret), sealed with Fernet (AES-128-CBC
and HMAC-SHA256, from `cryptography`) under a key derived from MASTERY_SECRET_KEY by HKDF, so
the token-signing key itself never encrypts anything."""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.domain.errors import Invalid, Problem

_PURPOSE = b"mastery-service roster connection secrets v1"


class FernetSecretBox:
    def __init__(self, service_key: str) -> None:
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(
            service_key.encode()
        )
        self._fernet = Fernet(base64.urlsafe_b64encode(derived))

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode()).decode()
        except InvalidToken as exc:
            raise Invalid(
                "The stored client secret cannot be read",
                [
                    Problem(
                        ("client_secret",),
                        "MASTERY_SECRET_KEY changed since it was stored; "
                        "set the connection's secret again",
                    )
                ],
            ) from exc
