"""The SQL repositories of the gradebook's score scales (as vendors sent them), and of its
assessment line items and results (the line items' and results' repositories, on their own
tables)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.gradebook import (
    SqlGradebookResultRepository,
    SqlLineItemRepository,
    page_of,
    statuses,
)
from app.adapters.db.gradebook_tables import (
    AssessmentLineItemRow,
    AssessmentResultRow,
    GradebookScoreScaleRow,
)
from app.adapters.db.rows import StoredRow
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import upsert
from app.domain.access import TenantId
from app.domain.gradebook import ScoreScale, ScoreScaleValue
from app.domain.oneroster.query import CollectionQuery
from app.domain.roster import RecordStatus
from app.ports.paging import Counted

_scales = table_of(GradebookScoreScaleRow)

# The column of each field SCORE_SCALE_FIELDS names (a test keeps them equal).
SCORE_SCALE_COLUMNS: dict[str, sa.Column[Any]] = {
    "sourcedId": _scales.c.id,
    "status": _scales.c.status,
    "dateLastModified": _scales.c.updated_at,
    "title": _scales.c.title,
    "type": _scales.c.type,
    "class.sourcedId": _scales.c.class_id,
    "course.sourcedId": _scales.c.course_id,
}


class SqlGradebookScoreScaleRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def get(self, id: str) -> ScoreScale | None:
        stmt = sa.select(_scales).where(_scales.c.tenant_id == self._tenant, _scales.c.id == id)
        row = (await self._session.execute(stmt)).mappings().first()
        return _scale(row) if row else None

    async def save(self, scale: ScoreScale) -> None:
        assert scale.updated_at is not None, "a stored score scale has its dateLastModified"
        row = {
            "tenant_id": self._tenant,
            "id": scale.id,
            "status": scale.status.value,
            "title": scale.title,
            "type": scale.type,
            "class_id": scale.class_id,
            "course_id": scale.course_id,
            "score_scale_values": [{"left": v.left, "right": v.right} for v in scale.values],
            "vendor_metadata": scale.metadata,
            "updated_at": scale.updated_at,
        }
        await upsert(self._session, _scales, [row], ("tenant_id", "id"))

    async def list(
        self, query: CollectionQuery, *, include_deleted: bool, class_id: str | None = None
    ) -> Counted[ScoreScale]:
        where = [
            _scales.c.tenant_id == self._tenant,
            _scales.c.status.in_(statuses(include_deleted)),
        ]
        if class_id is not None:
            where.append(_scales.c.class_id == class_id)
        rows, total = await page_of(self._session, _scales, SCORE_SCALE_COLUMNS, where, query)
        return Counted([_scale(r) for r in rows], total)


def _scale(row: StoredRow) -> ScoreScale:
    return ScoreScale(
        id=row["id"],
        title=row["title"],
        type=row["type"],
        class_id=row["class_id"],
        values=tuple(ScoreScaleValue(v["left"], v["right"]) for v in row["score_scale_values"]),
        status=RecordStatus(row["status"]),
        course_id=row["course_id"],
        metadata=row["vendor_metadata"],
        updated_at=row["updated_at"],
    )


class SqlAssessments:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self.line_items = SqlLineItemRepository(session, tenant, table_of(AssessmentLineItemRow))
        self.results = SqlGradebookResultRepository(session, tenant, table_of(AssessmentResultRow))
