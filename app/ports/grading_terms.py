"""Grading terms' closes and their frozen snapshots (app.domain.grading_terms)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.domain.grading_terms import FrozenDecision, TermClose
from app.ports.paging import Page


@dataclass(frozen=True)
class SnapshotQuery:
    """A page of a session's snapshot in (student, competency) order, narrowed by student, by
    a class's students or by framework; `after` is the `last_key` of the page before."""

    session_id: str
    limit: int
    student_id: str | None = None
    class_id: str | None = None
    framework_id: str | None = None
    after: str | None = None


class GradingTermRepository(Protocol):
    async def get(self, session_id: str) -> TermClose | None: ...

    async def add(self, close: TermClose) -> None: ...

    async def save(self, close: TermClose) -> None: ...

    async def remove(self, session_id: str) -> int:
        """Forget the close and its snapshot; how many frozen decisions were discarded."""
        ...

    async def freeze(self, session_id: str) -> int:
        """Freeze every stored decision of the tenant as the session's snapshot, in one
        set-based statement (what was frozen before is replaced); how many."""
        ...

    async def refreeze(
        self, session_id: str, student_ids: Collection[str], framework_ids: Collection[str]
    ) -> None:
        """Freeze again these students' decisions in these frameworks (a reassessment)."""
        ...

    async def reassessing(self, at: datetime) -> list[TermClose]:
        """The closed sessions whose reassessment window is still open at `at` (one indexed
        query: the evidence ingest asks once per batch)."""
        ...

    async def snapshot(self, query: SnapshotQuery) -> Page[FrozenDecision]: ...

    async def of_students(
        self, session_id: str, student_ids: Collection[str], framework_id: str | None
    ) -> list[FrozenDecision]:
        """The frozen decisions of these students in one framework (None: in every one)."""
        ...

    async def more_decisions_than(self, limit: int) -> bool:
        """Whether a close would freeze more than `limit` decisions now (counting no further)."""
        ...
