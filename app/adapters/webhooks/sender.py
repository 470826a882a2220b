"""Sends one webhook message through the guarded outbound client: never redirected (the
signature is for this URL), the answer's body read but capped and never kept."""

from __future__ import annotations

import time
from collections.abc import Mapping

from app.adapters.http import OutboundError, OutboundHttp
from app.ports.webhooks import Sent

# Receivers answer with a status; whatever body they send is read (to free the connection) but
# only this much of it.
_ANSWER_BYTES = 64 * 1024


class HttpWebhookSender:
    def __init__(self, http: OutboundHttp, *, timeout_seconds: float) -> None:
        self._http = http
        self._timeout = timeout_seconds

    def refusal(self, url: str) -> str | None:
        return self._http.policy.refusal(url)

    async def send(self, url: str, headers: Mapping[str, str], body: bytes) -> Sent:
        started = time.perf_counter()
        try:
            async with self._http.session(
                timeout_seconds=self._timeout, max_bytes=_ANSWER_BYTES
            ) as session:
                answer = await session.request(
                    "POST",
                    url,
                    headers={**headers, "Content-Type": "application/json"},
                    content=body,
                    follow_redirects=False,
                )
        except OutboundError as failed:  # names the host and the kind of failure, no body
            return Sent(None, str(failed)[:500], _since(started))
        error = None if 200 <= answer.status < 300 else f"the receiver answered {answer.status}"
        return Sent(answer.status, error, _since(started))


def _since(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)
