"""Mastery decisions, their history, and teachers' overrides."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

from app.domain.mastery.override import Override, RecordedOverride
from app.domain.mastery.override_history import ListedOverride, OverrideFilter
from app.domain.mastery.record import DecisionChange, DecisionRecord
from app.domain.mastery.storing import ScaleOf
from app.ports.paging import Page

StudentCompetency = tuple[str, str]
"""(student_id, competency_id): the key of one decision."""


class DecisionRepository(Protocol):
    async def lock_students(self, student_ids: Collection[str]) -> None:
        """Serialise writers of the same students' decisions until the transaction ends."""
        ...

    async def get_many(
        self, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, DecisionRecord]: ...

    async def for_students(
        self,
        student_ids: Collection[str],
        competency_ids: Collection[str] | None = None,
        *,
        with_state: bool = True,
    ) -> list[DecisionRecord]:
        """The stored decisions of these students (on these competencies, when given); without
        their incremental state (None) for reads that only show them."""
        ...

    async def save_many(
        self,
        records: Sequence[DecisionRecord],
        changes: Sequence[DecisionChange],
        scale_of: ScaleOf,
        at: datetime,
    ) -> None:
        """Create or replace decisions (their shown status as of `at`, on the scale `scale_of`
        gives each: its competency's) and append their history."""
        ...

    async def history(self, student_id: str, competency_id: str) -> list[DecisionChange]: ...

    async def count_for(self, competency_ids: Collection[str]) -> int:
        """How many decisions these competencies have."""
        ...

    async def students_changed_since(
        self, competency_ids: Collection[str], since: datetime
    ) -> list[str]:
        """The students with a decision on these competencies written at or after `since`."""
        ...

    async def with_expired_overrides(self, at: datetime) -> list[DecisionRecord]:
        """Decisions whose override has expired at `at` but still shows."""
        ...


class OverrideRepository(Protocol):
    async def add(self, student_id: str, competency_id: str, override: Override) -> None: ...

    async def clear(self, student_id: str, competency_id: str, at: datetime, by: str) -> None: ...

    async def in_force_at(
        self, student_ids: Collection[str], competency_ids: Collection[str], at: datetime
    ) -> dict[str, dict[str, Override]]:
        """Per student (those with any), the override in force at `at` on each competency: one
        query for a page of students, whose rollups count what their children show."""
        ...

    async def of_decision(self, student_id: str, competency_id: str) -> list[RecordedOverride]:
        """Every override ever set on one decision, cleared or not, in the order set."""
        ...

    async def listed(
        self, which: OverrideFilter, *, after: str | None, limit: int
    ) -> Page[ListedOverride]:
        """A page of the tenant's overrides in the order set (after the key `after`), each with
        the engine's decision it replaced: one query per page."""
        ...

    async def count_listed(self, which: OverrideFilter) -> int:
        """How many overrides `listed` gives on every page together."""
        ...
