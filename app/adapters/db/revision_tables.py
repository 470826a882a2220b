"""Tables of pending policy revisions (app.domain.policy_revision) and their staged decisions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.mastery_tables import DecisionColumns
from app.adapters.db.tables import _instant, _tenant_fk
from app.adapters.db.types import JsonValue


class PolicyRevisionRow(SQLModel, table=True):
    """A framework's pending revision (one at most): the framework as changed, as JSON."""

    __tablename__ = "policy_revisions"

    tenant_id: int = _tenant_fk()
    framework_id: str = Field(primary_key=True, max_length=255)
    id: str = Field(max_length=64)
    framework: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
    begun_at: datetime = _instant()
    students_through: str | None = Field(default=None, max_length=255)


class StagedDecisionRow(DecisionColumns, table=True):
    """A decision computed under a pending revision, waiting for its switch."""

    __tablename__ = "staged_decisions"
    __table_args__ = (
        sa.Index(
            "ix_staged_decisions_tenant_id_revision_id_student_id",
            "tenant_id",
            "revision_id",
            "student_id",
        ),
    )

    revision_id: str = Field(primary_key=True, max_length=64)
