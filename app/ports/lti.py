"""Ports of the LTI tool: the token that carries a page session between pages."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from app.domain.lti.session import PageSession


class PageSessionCodec(Protocol):
    def issue(self, session: PageSession, issued_at: datetime, ttl_seconds: int) -> str:
        """A signed token naming `session`, good for `ttl_seconds`."""
        ...

    def read(self, token: str, now: datetime) -> PageSession:
        """The session a token names; Unauthorized when it is forged, expired or not a page's."""
        ...
