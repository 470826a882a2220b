"""A webhook receiver on a free 127.0.0.1 port: records every message (headers and body) and
answers with the statuses a test queues (then 200), so a test can fail deliveries on purpose."""

from __future__ import annotations

import json
from collections import deque
from typing import Any

from tests.fakes.loopback import Listener, Received, Reply


class WebhookReceiver(Listener):
    def __init__(self) -> None:
        super().__init__(self._answer)
        self.statuses: deque[int] = deque()
        self.answered: list[int] = []  # the status of each request, in order

    def _answer(self, received: Received) -> Reply:
        status = self.statuses.popleft() if self.statuses else 200
        self.answered.append(status)
        return Reply(status, b"{}" if status < 300 else b"receiver failure: CONFIDENTIAL")

    def answering(self, *statuses: int) -> WebhookReceiver:
        """The next answers, in order (200 after them)."""
        self.statuses.extend(statuses)
        return self

    def messages(self) -> list[dict[str, Any]]:
        """Every body received, parsed, in the order received."""
        return [json.loads(r.body) for r in self.requests]

    def accepted_events(self) -> list[dict[str, Any]]:
        """The events of the messages answered 2xx, in the order received."""
        return [
            e
            for m, status in zip(self.messages(), self.answered, strict=True)
            if 200 <= status < 300
            for e in m["data"]["events"]
        ]
