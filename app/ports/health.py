"""Readiness: whether the service can reach what it needs."""

from __future__ import annotations

from typing import Protocol


class Readiness(Protocol):
    async def check(self) -> None:
        """Raise when the database cannot be reached."""
        ...
