"""Competency frameworks: their competencies, scales and calculation policies."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Protocol

from app.domain.frameworks import Framework
from app.ports.paging import Page


class FrameworkRepository(Protocol):
    async def get_many(self, framework_ids: Collection[str]) -> dict[str, Framework]:
        """The frameworks with these ids (parsed frameworks may be cached until they change)."""
        ...

    async def add(self, framework: Framework, at: datetime) -> None:
        """Store a new framework with its competencies."""
        ...

    async def save(self, framework: Framework, at: datetime) -> None:
        """Replace a framework and its competencies (competencies are never deleted)."""
        ...

    async def list(self, after: str | None, limit: int) -> Page[Framework]:
        """A page of frameworks in id order."""
        ...

    async def of_competencies(
        self, competency_ids: Collection[str]
    ) -> tuple[dict[str, str], dict[str, Framework]]:
        """The framework id of each of these competencies that exists, and those frameworks."""
        ...

    async def count(self) -> int:
        """How many frameworks the tenant has."""
        ...

    async def grade_rules(self, framework_id: str) -> tuple[str, datetime] | None:
        """The framework's grade rules as the district wrote them, and when; None without."""
        ...

    async def put_grade_rules(self, framework_id: str, text: str | None, at: datetime) -> None:
        """Write the framework's grade rules (None removes them); its revision is unchanged."""
        ...
