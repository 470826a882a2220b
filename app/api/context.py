"""Per-request context that logging and error answers read."""

from __future__ import annotations

from contextvars import ContextVar

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
client_id: ContextVar[str | None] = ContextVar("client_id", default=None)
