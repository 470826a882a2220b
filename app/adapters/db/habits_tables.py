"""The table of habits-of-work decisions, apart from the academic `decisions` (decision 0036):
a framework without a counted habits-of-work category has no row here, so its ingest, grids
and summaries read and write exactly what they did before."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant, _tenant_fk
from app.adapters.db.types import JsonValue


class HabitsDecisionRow(SQLModel, table=True):
    """One student's habits-of-work decision on one competency (only those with evidence)."""

    __tablename__ = "habits_decisions"
    __table_args__ = (
        # Summaries group a framework's habits decisions by competency and status.
        sa.Index(
            "ix_habits_decisions_tenant_id_framework_id_competency_id",
            "tenant_id",
            "framework_id",
            "competency_id",
            "status",
            "student_id",
        ),
    )

    tenant_id: int = _tenant_fk()
    student_id: str = Field(primary_key=True, max_length=255)
    competency_id: str = Field(primary_key=True, max_length=255)
    framework_id: str = Field(max_length=255)
    status: str = Field(max_length=24)
    score: float | None = None
    level_value: float | None = None
    level_label: str | None = None
    evidence_count: int = 0
    method: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
    updated_at: datetime = _instant()
