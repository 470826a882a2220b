"""Time and identity (app.ports.clock): a clock that stands still until a test moves it, and
ids and secrets numbered in the order they are asked for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

START = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)


@dataclass
class FakeClock:
    """Answers the same instant until `advance` or `set` moves it."""

    at: datetime = START

    def now(self) -> datetime:
        return self.at

    def advance(self, by: timedelta | None = None, **units: float) -> datetime:
        """Move on by `by` or by timedelta's keywords (`minutes=5`); the new instant."""
        self.at += by if by is not None else timedelta(**units)
        return self.at

    def set(self, at: datetime) -> None:
        assert at.utcoffset() is not None, "the clock answers aware instants"
        self.at = at


@dataclass
class FakeIds:
    """`id-0001`, `id-0002`, ... and `secret-0001`, ...: predictable, and in the order asked."""

    prefix: str = "id"
    issued: int = 0
    secrets: int = 0

    def new_id(self) -> str:
        self.issued += 1
        return f"{self.prefix}-{self.issued:04d}"

    def new_secret(self) -> str:
        self.secrets += 1
        return f"secret-{self.secrets:04d}"
