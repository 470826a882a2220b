"""The learning records store: xAPI statements and Caliper events, as received and normalised,
with whom and what each counts for (decision 0047-xapi-and-caliper)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant, _tenant_fk
from app.adapters.db.types import JsonValue


class LearningRecordRow(SQLModel, table=True):
    __tablename__ = "learning_records"
    # GET /xapi/statements pages by stored time; unmatched records are listed apart.
    __table_args__ = (
        sa.Index("ix_learning_records_tenant_id_kind_stored_at", "tenant_id", "kind", "stored_at"),
    )

    tenant_id: int = _tenant_fk()
    kind: str = Field(primary_key=True, max_length=16)
    id: str = Field(primary_key=True, max_length=255)
    stored_at: datetime = _instant()
    client_id: str = Field(max_length=255)
    voided: bool = False
    voids: str | None = Field(default=None, max_length=255)
    student_id: str | None = Field(default=None, max_length=255)
    competency_ids: list[str] = Field(default_factory=list, sa_type=JsonValue, nullable=False)
    unmatched: str | None = Field(default=None, max_length=255)
    body: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
