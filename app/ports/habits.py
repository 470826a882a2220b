"""Habits-of-work decisions, stored apart from the academic ones (app.domain.mastery.habits)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

from app.domain.mastery.habits import HabitsDecision

StudentCompetency = tuple[str, str]


class HabitsDecisionRepository(Protocol):
    async def save(
        self, decisions: Sequence[HabitsDecision], gone: Collection[StudentCompetency]
    ) -> None:
        """Create or replace these decisions and delete those of `gone` (no evidence left)."""
        ...

    async def replace_for_students(
        self,
        student_ids: Collection[str],
        competency_ids: Collection[str],
        decisions: Sequence[HabitsDecision],
    ) -> None:
        """Replace every habits decision of these students on these competencies (a policy
        change recomputes them all) by `decisions`."""
        ...

    async def for_students(
        self, student_ids: Collection[str], competency_ids: Collection[str] | None = None
    ) -> list[HabitsDecision]:
        """The stored habits decisions of these students (on these competencies, when given)."""
        ...
