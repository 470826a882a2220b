"""Argon2 takes tens of milliseconds of CPU by design: it runs in a worker thread, never on the
event loop that serves every other request."""

from __future__ import annotations

import threading

import pytest
from argon2 import PasswordHasher

from app.adapters.security.secrets import Argon2SecretHasher


async def test_hashing_and_verifying_run_off_the_event_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    real_hash, real_verify = PasswordHasher.hash, PasswordHasher.verify

    def hash_(self: PasswordHasher, secret: str | bytes, **kw: object) -> str:
        threads.append(threading.current_thread())
        return real_hash(self, secret)

    def verify(self: PasswordHasher, stored: str | bytes, secret: str | bytes) -> bool:
        threads.append(threading.current_thread())
        return real_verify(self, stored, secret)

    monkeypatch.setattr(PasswordHasher, "hash", hash_)
    monkeypatch.setattr(PasswordHasher, "verify", verify)
    hasher = Argon2SecretHasher(time_cost=1, memory_cost=64)
    stored = await hasher.hash("s3cret")
    assert await hasher.verify(stored, "s3cret") is True
    assert await hasher.verify(stored, "wrong") is False
    assert await hasher.verify("not a hash", "s3cret") is False
    assert len(threads) == 4
    assert threading.main_thread() not in threads
