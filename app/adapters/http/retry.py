"""How long to wait before asking a remote again after a 429 or 5xx answer (RFC 9110 §10.2.3):
its Retry-After when it sends one, else a doubling backoff. Shared by the SIS client and the
LMS platform services (AGS), which both retry such answers."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from app.adapters.http.client import Answer

MAX_WAIT_SECONDS = 300.0  # a Retry-After longer than this is the remote's mistake


def retry_after(answer: Answer, attempt: int) -> float:
    """Seconds to wait: the remote's Retry-After (seconds or a date), else 0.5 s doubling."""
    header = answer.headers.get("retry-after")
    if header:
        if header.strip().isdigit():
            return min(float(header), MAX_WAIT_SECONDS)
        try:
            when = parsedate_to_datetime(header)
            wait = float((when - datetime.now(UTC)).total_seconds())
            return min(max(0.0, wait), MAX_WAIT_SECONDS)
        except (TypeError, ValueError):
            pass
    return 0.5 * 2.0**attempt


def worth_retrying(answer: Answer) -> bool:
    """Whether the same request may succeed later: too many requests, or the remote's failure."""
    return answer.status == 429 or answer.status >= 500
