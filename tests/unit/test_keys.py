"""The service's keys: strong enough to sign, named by a kid, rotated without logging anyone out,
and the embedded key file born private and whole."""

from __future__ import annotations

import os
import stat
import threading
from datetime import timedelta
from pathlib import Path

import jwt
import pytest

from app.adapters.security.keys import KeyRing, WeakKey, embedded_key, key_id, key_ring
from app.adapters.security.secret_box import FernetSecretBox
from app.adapters.security.tokens import JwtTokenCodec
from app.domain.access import Principal, Scope, TenantId
from app.domain.errors import Invalid, Unauthorized
from tests.fakes.clock import START

OLD = "old-signing-key-0123456789-abcdefghijklmnop"
NEW = "new-signing-key-9876543210-qrstuvwxyzABCDEF"
PRINCIPAL = Principal("c-1", TenantId(7), "lakeside", frozenset({Scope.ROSTER_READ}), 3)


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("x", "is 1 bytes; use at least 32 random bytes"),
        ("0123456789abcdefghijklmnopqrstu", "is 31 bytes"),
        ("ab" * 40, "repeats too few characters"),
        ("changeme-changeme-changeme-changeme", "repeats too few characters"),
    ],
)
def test_a_short_or_plain_key_is_refused_with_how_to_make_one(key: str, says: str) -> None:
    with pytest.raises(WeakKey) as weak:
        key_ring(key)
    assert says in str(weak.value)
    assert "secrets.token_urlsafe(32)" in str(weak.value)


def test_a_previous_key_is_checked_too() -> None:
    with pytest.raises(WeakKey, match="MASTERY_PREVIOUS_SECRET_KEYS is 5 bytes"):
        key_ring(NEW, ("short",))


def test_a_token_names_its_key_and_a_previous_key_still_verifies_it() -> None:
    old_codec = JwtTokenCodec(key_ring(OLD))
    token = old_codec.issue(PRINCIPAL, START, 3600)
    assert jwt.get_unverified_header(token)["kid"] == key_id(OLD)
    assert len(key_id(OLD)) == 16
    assert key_id(OLD) != key_id(NEW)
    rotated = JwtTokenCodec(key_ring(NEW, (OLD,)))
    assert rotated.read(token, START + timedelta(minutes=1)) == PRINCIPAL
    fresh = rotated.issue(PRINCIPAL, START, 3600)
    assert jwt.get_unverified_header(fresh)["kid"] == key_id(NEW)
    retired = JwtTokenCodec(key_ring(NEW))
    with pytest.raises(Unauthorized, match="not valid"):
        retired.read(token, START)
    assert retired.read(fresh, START) == PRINCIPAL


def test_a_token_without_a_kid_or_a_version_is_refused() -> None:
    claims = {"iss": "mastery-service", "sub": "c", "tid": 7, "scope": "roster:read"}
    exp = int((START + timedelta(hours=1)).timestamp())
    codec = JwtTokenCodec(key_ring(NEW))
    no_kid = jwt.encode({**claims, "exp": exp, "ver": 0}, NEW, algorithm="HS256")
    no_ver = jwt.encode(
        {**claims, "exp": exp}, NEW, algorithm="HS256", headers={"kid": key_id(NEW)}
    )
    for token in (no_kid, no_ver):
        with pytest.raises(Unauthorized, match="not valid"):
            codec.read(token, START)


def test_a_secret_sealed_under_a_previous_key_still_opens() -> None:
    sealed = FernetSecretBox(key_ring(OLD)).seal("sis-secret")
    assert FernetSecretBox(key_ring(NEW, (OLD,))).open(sealed) == "sis-secret"
    with pytest.raises(Invalid):
        FernetSecretBox(KeyRing((NEW,))).open(sealed)


def test_the_embedded_key_file_is_born_private_and_kept(tmp_path: Path) -> None:
    state = tmp_path / "state"
    key = embedded_key(state)
    path = state / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(key) == 64
    assert path.read_text() == key
    assert embedded_key(state) == key
    assert sorted(p.name for p in state.iterdir()) == ["secret_key"]  # no temporary left


def test_the_embedded_key_is_never_visible_to_others_even_with_a_lax_umask(
    tmp_path: Path,
) -> None:
    previous = os.umask(0)
    try:
        embedded_key(tmp_path)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600


def test_processes_racing_to_make_the_key_all_end_with_the_same_one(tmp_path: Path) -> None:
    keys: list[str] = []
    start = threading.Barrier(8)

    def make() -> None:
        start.wait()
        keys.append(embedded_key(tmp_path))

    threads = [threading.Thread(target=make) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(keys) == 8
    assert len(set(keys)) == 1
    assert (tmp_path / "secret_key").read_text() == keys[0]
