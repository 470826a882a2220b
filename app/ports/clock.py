"""Time and identity: the instant now, and new ids and secrets."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware (UTC)."""
        ...


class IdGenerator(Protocol):
    def new_id(self) -> str:
        """A new unique id (a UUID string)."""
        ...

    def new_secret(self) -> str:
        """A new unguessable secret for a client."""
        ...
