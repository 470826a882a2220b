"""Secrets the service must use again (a SIS's client secret), sealed with Fernet (AES-128-CBC
and HMAC-SHA256, from `cryptography`) under a key derived from the key ring's current key by
HKDF, so the token-signing key itself never encrypts anything. A retiring key still opens what
it sealed (MultiFernet), so rotating the service key does not lose stored secrets."""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.adapters.security.keys import KeyRing
from app.domain.errors import Invalid, Problem

_PURPOSE = b"mastery-service roster connection secrets v1"


def _fernet(service_key: str) -> Fernet:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(
        service_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(derived))


class FernetSecretBox:
    def __init__(self, keys: KeyRing) -> None:
        self._fernet = MultiFernet([_fernet(k) for k in keys.keys])

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
