"""Standard Webhooks signatures: our signer against the specification's published test vector,
and against a verifier written here from the specification (standardwebhooks.com, v1)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
from datetime import UTC, datetime, timedelta

from app.domain.webhooks import (
    LAST_RETRY,
    new_secret,
    retry_delay,
    secrets_in_force,
    signature,
    signed_headers,
)


def _verifies(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """The receiver's check, from the spec: base64-decode the key after `whsec_`, HMAC-SHA256
    over `id.timestamp.body`, and accept if any space-separated `v1,` signature matches."""
    key = base64.b64decode(secret.split("_", 1)[1])
    content = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
    offered = [s.split(",", 1) for s in headers["webhook-signature"].split(" ")]
    return any(v == "v1" and hmac.compare_digest(sig, expected) for v, sig in offered)


def test_the_published_test_vector_is_reproduced() -> None:
    assert (
        signature(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            b'{"test": 2432232314}',
        )
        == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )


def test_a_new_secret_is_32_random_bytes_after_the_prefix() -> None:
    first, second = new_secret(), new_secret()
    assert first.startswith("whsec_")
    assert len(base64.b64decode(first.removeprefix("whsec_"))) == 32
    assert first != second


def test_during_the_overlap_both_secrets_sign_and_either_verifies() -> None:
    old, new = new_secret(), new_secret()
    rotated = datetime(2026, 12, 4, 12, tzinfo=UTC)
    body = b'{"items": []}'
    during = secrets_in_force(new, old, rotated, rotated + timedelta(hours=23))
    headers = signed_headers(during, "msg_1", rotated + timedelta(hours=23), body)
    assert headers["webhook-timestamp"] == str(int((rotated + timedelta(hours=23)).timestamp()))
    assert len(headers["webhook-signature"].split(" ")) == 2
    assert _verifies(new, headers, body)
    assert _verifies(old, headers, body)
    assert not _verifies(new_secret(), headers, body)
    assert not _verifies(new, headers, body + b" ")

    after = secrets_in_force(new, old, rotated, rotated + timedelta(hours=24))
    assert after == [new]
    late = signed_headers(after, "msg_1", rotated + timedelta(hours=24), body)
    assert _verifies(new, late, body)
    assert not _verifies(old, late, body)


def test_retries_back_off_from_one_second_to_an_hour_with_jitter() -> None:
    rng = random.Random(7)
    for attempt, step in [(1, 1), (2, 2), (3, 4), (10, 512), (12, 2048)]:
        delay = retry_delay(attempt, rng).total_seconds()
        assert step / 2 <= delay <= step, (attempt, delay)
    assert timedelta(minutes=30) <= retry_delay(13, rng) <= LAST_RETRY
    assert timedelta(minutes=30) <= retry_delay(40, rng) <= LAST_RETRY
