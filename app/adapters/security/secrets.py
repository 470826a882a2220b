"""Client secrets: generated with `secrets`, stored only as Argon2id hashes."""

from __future__ import annotations

import os
import secrets

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Argon2SecretHasher:
    """Argon2id (RFC 9106). The default cost suits a server; tests may pass cheaper parameters.

    Hashing takes tens of milliseconds of CPU by design, so it runs in a worker thread (argon2's
    C code releases the GIL): on the event loop, a burst of token requests with wrong secrets
    stalled every other request of the process."""

    def __init__(self, *, time_cost: int = 3, memory_cost: int = 65536) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost)

    async def hash(self, secret: str) -> str:
        return await anyio.to_thread.run_sync(self._hasher.hash, secret)

    async def verify(self, secret_hash: str, secret: str) -> bool:
        return await anyio.to_thread.run_sync(self._verify, secret_hash, secret)

    def _verify(self, secret_hash: str, secret: str) -> bool:
        try:
            return self._hasher.verify(secret_hash, secret)
        except (VerificationError, InvalidHashError):
            return False


# The digit that carries the RFC 9562 variant (binary 10xx), keeping the two random bits.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


class RandomIds:
    """UUIDs for records, 256-bit URL-safe secrets for clients."""

    def new_id(self) -> str:
        # A version-4 UUID as uuid4() makes it (122 random bits, RFC 9562), spelled from the
        # hex of 16 random bytes: a third of str(uuid.uuid4())'s cost (1.7 µs against 5),
        # and a batch of 1,000 results takes an id for each.
        h = os.urandom(16).hex()
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"

    def new_secret(self) -> str:
        return secrets.token_urlsafe(32)
