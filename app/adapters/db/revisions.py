"""SQL repository of pending policy revisions and the decisions staged under them.

A revision's framework is kept as JSON built from the same row values the framework tables
hold (app.adapters.db.mastery_rows), so that the switch stores exactly what was staged for."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.case_rows import association_from_row, association_values
from app.adapters.db.mastery_rows import (
    competency_values,
    decision_from_row,
    decision_values,
    framework_from_rows,
    framework_values,
)
from app.adapters.db.revision_tables import PolicyRevisionRow, StagedDecisionRow
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import upsert
from app.domain.access import TenantId
from app.domain.frameworks import Framework
from app.domain.mastery.record import DecisionRecord
from app.domain.mastery.storing import ScaleOf
from app.domain.policy_revision import PolicyRevision

_revisions = table_of(PolicyRevisionRow)
_staged = table_of(StagedDecisionRow)
# Row values that are not JSON (instants) or that the row's place gives (tenant, framework).
_NOT_KEPT = ("tenant_id", "framework_id", "updated_at")


def framework_json(framework: Framework) -> dict[str, Any]:
    """The framework as JSON: its row, its competencies' rows and its associations' rows."""

    def kept(values: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in values.items() if k not in _NOT_KEPT}

    return {
        "framework": kept(framework_values(framework, 0, _EPOCH)),
        "competencies": [
            kept(competency_values(c, framework.id, 0, _EPOCH)) for c in framework.competencies
        ],
        "associations": [
            kept(association_values(a, framework.id, i, 0))
            for i, a in enumerate(framework.associations)
        ],
    }


def framework_from_json(data: dict[str, Any], at: datetime) -> Framework:
    """The framework `framework_json` wrote (`at` stands for its rows' write time)."""
    # Revisions written before rollup score kinds lack them (the mean, every child weighing 1)
    # and competencies' own minimum evidence, scale and threshold (none: the framework's).
    row = {"rollup_score": "mean", **data["framework"], "updated_at": at}
    return framework_from_rows(
        row,
        [
            {"weight": None, "min_evidence": None, "scale": None, "mastery_threshold": None, **c}
            for c in data["competencies"]
        ],
        [association_from_row(a) for a in data["associations"]],
    )


_EPOCH = datetime.fromisoformat("2000-01-01T00:00:00+00:00")


class SqlPolicyRevisionRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def pending(self, framework_id: str) -> PolicyRevision | None:
        stmt = sa.select(_revisions).where(
            _revisions.c.tenant_id == self._tenant, _revisions.c.framework_id == framework_id
        )
        row = (await self._session.execute(stmt)).mappings().first()
        if row is None:
            return None
        return PolicyRevision(
            id=row["id"],
            framework=framework_from_json(row["framework"], row["begun_at"]),
            begun_at=row["begun_at"],
            students_through=row["students_through"],
        )

    async def begin(self, revision: PolicyRevision) -> None:
        await self.end(revision.framework_id)
        await self._session.execute(sa.insert(_revisions).values(self._values(revision)))

    async def save(self, revision: PolicyRevision) -> None:
        await self._session.execute(
            sa.update(_revisions)
            .where(
                _revisions.c.tenant_id == self._tenant,
                _revisions.c.framework_id == revision.framework_id,
                _revisions.c.id == revision.id,
            )
            .values(students_through=revision.students_through)
        )

    def _values(self, revision: PolicyRevision) -> dict[str, Any]:
        return {
            "tenant_id": self._tenant,
            "framework_id": revision.framework_id,
            "id": revision.id,
            "framework": framework_json(revision.framework),
            "begun_at": revision.begun_at,
            "students_through": revision.students_through,
        }

    async def stage(
        self, revision_id: str, records: Sequence[DecisionRecord], scale_of: ScaleOf, at: datetime
    ) -> None:
        rows = [
            {**decision_values(r, at, scale_of(r), self._tenant), "revision_id": revision_id}
            for r in records
        ]
        key = ("tenant_id", "student_id", "competency_id", "revision_id")
        await upsert(self._session, _staged, rows, key=key)

    async def staged_students(self, revision_id: str, after: str | None, limit: int) -> list[str]:
        stmt = (
            sa.select(_staged.c.student_id)
            .where(_staged.c.tenant_id == self._tenant, _staged.c.revision_id == revision_id)
            .distinct()
            .order_by(_staged.c.student_id)
            .limit(limit)
        )
        if after is not None:
            stmt = stmt.where(_staged.c.student_id > after)
        return list((await self._session.execute(stmt)).scalars())

    async def staged(self, revision_id: str, student_ids: Collection[str]) -> list[DecisionRecord]:
        stmt = sa.select(_staged).where(
            _staged.c.tenant_id == self._tenant,
            _staged.c.revision_id == revision_id,
            _staged.c.student_id.in_(list(student_ids)),
        )
        return [decision_from_row(r) for r in (await self._session.execute(stmt)).mappings()]

    async def end(self, framework_id: str) -> None:
        revision_ids = sa.select(_revisions.c.id).where(
            _revisions.c.tenant_id == self._tenant, _revisions.c.framework_id == framework_id
        )
        await self._session.execute(
            sa.delete(_staged).where(
                _staged.c.tenant_id == self._tenant, _staged.c.revision_id.in_(revision_ids)
            )
        )
        await self._session.execute(
            sa.delete(_revisions).where(
                _revisions.c.tenant_id == self._tenant, _revisions.c.framework_id == framework_id
            )
        )
