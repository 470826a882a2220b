"""Tables of grading terms' closes and their frozen snapshots
(docs/decisions/0050-grading-terms-and-snapshots.md)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.mastery_tables import DecisionColumns
from app.adapters.db.tables import _instant, _tenant_fk


class TermCloseRow(SQLModel, table=True):
    """A closed (or closing) term or grading period; reopening deletes the row."""

    __tablename__ = "term_closes"
    __table_args__ = (
        # The ingest asks once per batch whether a reassessment window is open.
        sa.Index("ix_term_closes_tenant_id_reassessment_until", "tenant_id", "reassessment_until"),
    )

    tenant_id: int = _tenant_fk()
    session_id: str = Field(primary_key=True, max_length=255)
    state: str = Field(max_length=16)
    closed_at: datetime = _instant()
    closed_by: str = Field(max_length=255)
    ends_at: datetime = _instant()
    reassessment_until: datetime | None = _instant(nullable=True)
    decisions: int | None = None


class SnapshotDecisionRow(DecisionColumns, table=True):
    """A decision as frozen at its session's close: the decisions table's columns, copied by
    one INSERT ... SELECT, so that the same codec reads both."""

    __tablename__ = "snapshot_decisions"
    __table_args__ = (
        # Snapshot pages go through a session in (student, competency) order; the key's own
        # order (tenant, student, competency, session) is the decisions table's.
        sa.Index(
            "ix_snapshot_decisions_tenant_session_student_competency",
            "tenant_id",
            "session_id",
            "student_id",
            "competency_id",
        ),
    )

    session_id: str = Field(primary_key=True, max_length=255)
