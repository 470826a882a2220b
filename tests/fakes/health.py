"""Readiness (app.ports.health): a database that is up until a test takes it down."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import SourceUnavailable


@dataclass
class FakeReadiness:
    up: bool = True

    async def check(self) -> None:
        if not self.up:
            raise SourceUnavailable("The database cannot be reached")
