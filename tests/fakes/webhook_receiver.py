"""A webhook receiver on a free 127.0.0.1 port: records every message (headers and body) and
answers with the statuses a test queues (then 200), so a test can fail deliveries on purpose."""

from __future__ import annotations

import json
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


class HeldReceiver:
    """A webhook receiver in threads (for tests that drive real server processes): records
    every request, and holds the first one open, unanswered, until `release()`, so that a
    test can kill the sender while its delivery is in flight."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.first_arrived = threading.Event()
        self._released = threading.Event()
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver._lock:
                    receiver.requests.append((headers, body))
                    first = len(receiver.requests) == 1
                if first:
                    receiver.first_arrived.set()
                    receiver._released.wait(30)
                try:
                    self.send_response(204)
                    self.end_headers()
                except OSError:
                    pass  # the sender is gone

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def release(self) -> None:
        self._released.set()

    def messages(self) -> list[tuple[dict[str, str], bytes]]:
        with self._lock:
            return list(self.requests)

    def __enter__(self) -> HeldReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()
