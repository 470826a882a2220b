"""Habits-of-work decisions in memory (app.ports.habits)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from app.domain.mastery.habits import HabitsDecision
from tests.fakes.state import TenantTables


class FakeHabitsDecisionRepository:
    def __init__(self, tables: TenantTables) -> None:
        self._rows = tables.habits_decisions

    async def save(
        self, decisions: Sequence[HabitsDecision], gone: Collection[tuple[str, str]]
    ) -> None:
        for d in decisions:
            self._rows[(d.student_id, d.competency_id)] = d
        for key in gone:
            self._rows.pop(key, None)

    async def replace_for_students(
        self,
        student_ids: Collection[str],
        competency_ids: Collection[str],
        decisions: Sequence[HabitsDecision],
    ) -> None:
        students, competencies = set(student_ids), set(competency_ids)
        for key in [k for k in self._rows if k[0] in students and k[1] in competencies]:
            del self._rows[key]
        await self.save(decisions, ())

    async def for_students(
        self, student_ids: Collection[str], competency_ids: Collection[str] | None = None
    ) -> list[HabitsDecision]:
        students = set(student_ids)
        wanted = None if competency_ids is None else set(competency_ids)
        return [
            d
            for (s, c), d in self._rows.items()
            if s in students and (wanted is None or c in wanted)
        ]
