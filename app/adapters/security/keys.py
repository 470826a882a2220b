"""The service's keys: the one that signs new tokens and seals new secrets, and the retiring ones
that still verify and open what they made, each named by a key id (`kid`).

A key is the operator's random text (MASTERY_SECRET_KEY, MASTERY_PREVIOUS_SECRET_KEYS), or, for
the embedded database only, one generated into the state directory on first use."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

# HS256 wants a key at least as long as its hash (RFC 7518 §3.2): 256 bits.
MIN_KEY_BYTES = 32
# A key of fewer distinct characters is a word or a pattern, not randomness, whatever its length.
_MIN_DISTINCT = 12
GENERATE_HINT = "python -c 'import secrets; print(secrets.token_urlsafe(32))'"


class WeakKey(ValueError):
    """A key too short or too plain to sign tokens; the message says how to make one."""


def check_strength(key: str, setting: str) -> str:
    """`key` when it can sign tokens: at least 32 bytes, and not a repeated pattern."""
    size = len(key.encode())
    if size < MIN_KEY_BYTES:
        raise WeakKey(
            f"{setting} is {size} bytes; use at least {MIN_KEY_BYTES} random bytes, e.g. "
            f"the output of {GENERATE_HINT}"
        )
    if len(set(key)) < _MIN_DISTINCT:
        raise WeakKey(
            f"{setting} repeats too few characters to be random; use the output of {GENERATE_HINT}"
        )
    return key


def key_id(key: str) -> str:
    """A stable, public name for a key: a prefix of its SHA-256 under a label of its own, which
    tells nothing about the key (it is random and 256 bits long)."""
    return hashlib.sha256(b"mastery-service kid v1\0" + key.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class KeyRing:
    """`current` signs and seals; every key of `keys` (current first) verifies and opens."""

    keys: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.keys:
            raise WeakKey("a key ring needs a current key")

    @property
    def current(self) -> str:
        return self.keys[0]

    @property
    def current_id(self) -> str:
        return key_id(self.current)

    def by_id(self, kid: str) -> str | None:
        """The key named `kid`, or None when no key of the ring has that id (it was retired)."""
        return next((k for k in self.keys if key_id(k) == kid), None)


def key_ring(current: str, previous: tuple[str, ...] = ()) -> KeyRing:
    """The operator's keys, each checked for strength."""
    checked = [check_strength(current, "MASTERY_SECRET_KEY")]
    checked += [check_strength(k, "MASTERY_PREVIOUS_SECRET_KEYS") for k in previous]
    return KeyRing(tuple(dict.fromkeys(checked)))


def embedded_key(state_dir: Path) -> str:
    """The development key of an embedded database: read from `state_dir/secret_key`, created on
    first use (see `write_private`; another process's key, if it came first, wins)."""
    path = state_dir / "secret_key"
    if not path.exists():
        write_private(path, secrets.token_urlsafe(48), replace=False)
    return check_strength(path.read_text().strip(), str(path))


def write_private(path: Path, text: str, *, replace: bool) -> None:
    """Write a file that is born 0600 (never readable by others, not even for an instant) and
    appears whole or not at all: it is written under a temporary name, then moved into place
    (`replace`) or linked there, which leaves a file that exists already as it is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(8)}"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            with contextlib.suppress(FileExistsError):  # another process's file came first
                os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
