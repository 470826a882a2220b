"""Webhook rules that hold whatever delivers them: the Standard Webhooks signature, the secret's
form, and the retry schedule.

Standard Webhooks (standardwebhooks.com, spec v1): the signed content is
`{webhook-id}.{webhook-timestamp}.{body}`; `webhook-signature` is `v1,<base64 HMAC-SHA256>`,
several space-separated while a rotated secret still signs; a secret is `whsec_` + base64 of
its key bytes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32
# How long a rotated secret still signs beside the new one (the receiver's switch-over).
ROTATION_OVERLAP = timedelta(hours=24)
FIRST_RETRY = timedelta(seconds=1)
LAST_RETRY = timedelta(hours=1)


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def _key(secret: str) -> bytes:
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """One `v1,<base64>` signature of a message."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(
    secrets_in_force: Sequence[str], message_id: str, at: datetime, body: bytes
) -> dict[str, str]:
    """The three headers of a delivery, signed with every secret in force (newest first)."""
    timestamp = int(at.timestamp())
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(
            signature(s, message_id, timestamp, body) for s in secrets_in_force
        ),
    }


def secrets_in_force(
    current: str, previous: str | None, rotated_at: datetime | None, at: datetime
) -> list[str]:
    """The current secret, and the previous one during the overlap after a rotation."""
    if previous is not None and rotated_at is not None and at < rotated_at + ROTATION_OVERLAP:
        return [current, previous]
    return [current]


def retry_delay(attempt: int, rng: random.Random | None = None) -> timedelta:
    """Exponential backoff from 1 s, doubling, capped at 1 h, with "full jitter" over the upper
    half (so retries of many subscriptions spread out but never come sooner than half the
    step). `attempt` counts failures so far, from 1."""
    step = min(FIRST_RETRY * (1 << min(max(attempt - 1, 0), 12)), LAST_RETRY)
    fraction = 0.5 + 0.5 * (rng or random).random()
    return step * fraction


def failing_too_long(first_failure: datetime | None, at: datetime, limit: timedelta) -> bool:
    """Whether a subscription has failed without a success for longer than the limit."""
    return first_failure is not None and at - first_failure >= limit
