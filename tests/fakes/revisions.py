"""Pending policy revisions (app.ports.policy_revisions) in memory."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from app.domain.mastery.record import DecisionRecord
from app.domain.mastery.storing import ScaleOf
from app.domain.policy_revision import PolicyRevision
from tests.fakes.state import TenantTables


class FakePolicyRevisionRepository:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    async def pending(self, framework_id: str) -> PolicyRevision | None:
        return self._tables.revisions.get(framework_id)

    async def begin(self, revision: PolicyRevision) -> None:
        await self.end(revision.framework_id)
        self._tables.revisions[revision.framework_id] = revision

    async def save(self, revision: PolicyRevision) -> None:
        current = self._tables.revisions.get(revision.framework_id)
        if current is not None and current.id == revision.id:
            self._tables.revisions[revision.framework_id] = revision

    async def stage(
        self, revision_id: str, records: Sequence[DecisionRecord], scale_of: ScaleOf, at: datetime
    ) -> None:
        for r in records:
            self._tables.staged_decisions[(revision_id, r.student_id, r.competency_id)] = r

    async def staged_students(self, revision_id: str, after: str | None, limit: int) -> list[str]:
        students = {
            s
            for (rid, s, _) in self._tables.staged_decisions
            if rid == revision_id and (after is None or s > after)
        }
        return sorted(students)[:limit]

    async def staged(self, revision_id: str, student_ids: Collection[str]) -> list[DecisionRecord]:
        wanted = set(student_ids)
        return [
            r
            for (rid, s, _), r in self._tables.staged_decisions.items()
            if rid == revision_id and s in wanted
        ]

    async def end(self, framework_id: str) -> None:
        revision = self._tables.revisions.pop(framework_id, None)
        if revision is None:
            return
        for key in [k for k in self._tables.staged_decisions if k[0] == revision.id]:
            del self._tables.staged_decisions[key]
