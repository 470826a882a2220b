"""Client secrets: generated with `secrets`, stored only as Argon2id hashes."""

from __future__ import annotations

import secrets
import uuid

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Argon2SecretHasher:
    """Argon2id (RFC 9106). The default cost suits a server; tests may pass cheaper parameters."""

    def __init__(self, *, time_cost: int = 3, memory_cost: int = 65536) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost)

    def hash(self, secret: str) -> str:
        return self._hasher.hash(secret)

    def verify(self, secret_hash: str, secret: str) -> bool:
        try:
            return self._hasher.verify(secret_hash, secret)
        except (VerificationError, InvalidHashError):
            return False


class RandomIds:
    """UUIDs for records, 256-bit URL-safe secrets for clients."""

    def new_id(self) -> str:
        return str(uuid.uuid4())

    def new_secret(self) -> str:
        return secrets.token_urlsafe(32)
