"""SQL repository of habits-of-work decisions (app.ports.habits)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.framework_json import method_from_json
from app.adapters.db.habits_tables import HabitsDecisionRow
from app.adapters.db.rows import StoredRow
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import upsert
from app.domain.access import TenantId
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.mastery.habits import HabitsDecision
from app.domain.scales import Level

_habits = table_of(HabitsDecisionRow)
_KEY = ("tenant_id", "student_id", "competency_id")
_CHUNK = 400


class SqlHabitsDecisionRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    def _mine(self) -> sa.ColumnElement[bool]:
        return _habits.c.tenant_id == self._tenant

    async def save(
        self, decisions: Sequence[HabitsDecision], gone: Collection[tuple[str, str]]
    ) -> None:
        if decisions:
            rows = [_values(d, self._tenant) for d in decisions]
            await upsert(self._session, _habits, rows, key=_KEY)
        listed = list(gone)
        key = sa.tuple_(_habits.c.student_id, _habits.c.competency_id)
        for start in range(0, len(listed), _CHUNK):
            await self._session.execute(
                sa.delete(_habits).where(self._mine(), key.in_(listed[start : start + _CHUNK]))
            )

    async def replace_for_students(
        self,
        student_ids: Collection[str],
        competency_ids: Collection[str],
        decisions: Sequence[HabitsDecision],
    ) -> None:
        students = list(dict.fromkeys(student_ids))
        for start in range(0, len(students), 1000):
            await self._session.execute(
                sa.delete(_habits).where(
                    self._mine(),
                    _habits.c.student_id.in_(students[start : start + 1000]),
                    _habits.c.competency_id.in_(list(competency_ids)),
                )
            )
        await self.save(decisions, ())

    async def for_students(
        self, student_ids: Collection[str], competency_ids: Collection[str] | None = None
    ) -> list[HabitsDecision]:
        found: list[HabitsDecision] = []
        students = list(dict.fromkeys(student_ids))
        for start in range(0, len(students), 1000):
            stmt = sa.select(_habits).where(
                self._mine(), _habits.c.student_id.in_(students[start : start + 1000])
            )
            if competency_ids is not None:
                stmt = stmt.where(_habits.c.competency_id.in_(list(competency_ids)))
            found += [_decision(r) for r in (await self._session.execute(stmt)).mappings()]
        return found


def _values(decision: HabitsDecision, tenant: int) -> dict[str, Any]:
    c = decision.computed
    return {
        "tenant_id": tenant,
        "student_id": decision.student_id,
        "competency_id": decision.competency_id,
        "framework_id": decision.framework_id,
        "status": c.status.value,
        "score": c.score,
        "level_value": c.level.value if c.level else None,
        "level_label": c.level.label if c.level else None,
        "evidence_count": c.evidence_count,
        "method": dict(c.method_dict()),
        "updated_at": decision.updated_at,
    }


def _decision(row: StoredRow) -> HabitsDecision:
    calculation, _ = method_from_json(row["method"])
    value, label = row["level_value"], row["level_label"]
    computed = ComputedDecision(
        status=MasteryStatus(row["status"]),
        score=row["score"],
        level=None if value is None or label is None else Level(value, label),
        evidence_count=row["evidence_count"],
        calculation=calculation,
    )
    return HabitsDecision(
        row["student_id"], row["competency_id"], row["framework_id"], computed, row["updated_at"]
    )
