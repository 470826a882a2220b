"""Pure ASGI middleware (no BaseHTTPMiddleware: it costs latency on every request):
a request id with one structured access-log line per request, and a request-body size limit."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.context import client_id, request_id
from app.api.problems import PROBLEM_JSON, problem_body
from app.api.unavailable import RETRY_AFTER_SECONDS, database_unavailable

access_log = logging.getLogger("mastery.access")
error_log = logging.getLogger("mastery.api")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._\-]{1,128}$")


class RequestContext:
    """Echoes or creates X-Request-ID and logs method, path, status and duration as JSON."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = header(scope, b"x-request-id")
        rid = given if given and _SAFE_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        client_token = client_id.set(None)
        started = time.perf_counter()
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as error:
            if database_unavailable(error) and not status:
                # Not a bug: the database is restarting or out of reach. The client may retry.
                error_log.warning(
                    "database unavailable", extra={"path": scope["path"], "error": _kind(error)}
                )
                await send_problem(
                    send_with_id,
                    503,
                    "The database cannot be reached; retry shortly.",
                    headers=[(b"retry-after", str(RETRY_AFTER_SECONDS).encode())],
                )
                return
            # A 500 is always a bug: log it with the request id, answer problem+json that
            # quotes the id and says nothing of the internals.
            error_log.exception("unhandled error", extra={"path": scope["path"]})
            if status:
                raise
            await send_problem(
                send_with_id,
                500,
                "An unexpected error occurred; quote the request id when reporting it.",
            )
        finally:
            access_log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "client_id": client_id.get(),
                },
            )
            request_id.reset(token)
            client_id.reset(client_token)


class BodyLimit:
    """Answers 413 for a body over `max_bytes`, by Content-Length or while the body streams in.
    Paths in `larger` (file uploads) have limits of their own."""

    def __init__(self, app: ASGIApp, max_bytes: int, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.default_max_bytes = max_bytes
        self.larger = larger or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self.larger.get(scope["path"], self.default_max_bytes)
        declared = header(scope, b"content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            await send_problem(send, 413, _too_large_detail(max_bytes))
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > max_bytes:
                    # Raised inside the app's body read; the problem handler answers 413.
                    raise HTTPException(413, _too_large_detail(max_bytes))
            return message

        await self.app(scope, counted, send)


def _too_large_detail(max_bytes: int) -> str:
    return f"The request body is larger than the limit of {max_bytes} bytes"


async def send_problem(
    send: Send,
    status: int,
    detail: str,
    *,
    kind: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """Answer with a problem+json body straight from the middleware."""
    body = json.dumps(problem_body(status, detail, kind=kind, errors=errors)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _kind(error: BaseException) -> str:
    """The error's class only: its message may quote a statement's values."""
    return type(error).__name__


def header(scope: Scope, name: bytes) -> str | None:
    headers: Any = scope.get("headers", [])
    for key, value in headers:
        if key == name:
            return str(value.decode("latin-1"))
    return None
