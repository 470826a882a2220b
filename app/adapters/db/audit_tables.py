"""The audit trail's table: appended to in the transaction of each change it records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant
from app.adapters.db.types import JsonValue

# SQLite autoincrements only an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class AuditEntryRow(SQLModel, table=True):
    __tablename__ = "audit_entries"
    __table_args__ = (
        sa.Index("ix_audit_entries_tenant_id_seq", "tenant_id", "seq"),
        sa.Index("ix_audit_entries_tenant_id_student_id", "tenant_id", "student_id"),
    )

    seq: int | None = Field(
        default=None, sa_column=sa.Column(_SEQ, primary_key=True, autoincrement=True)
    )
    tenant_id: int = Field(foreign_key="tenants.id", ondelete="CASCADE")
    at: datetime = _instant()
    actor: str = Field(max_length=255)
    kind: str = Field(max_length=32)
    subject: str = Field(max_length=600)
    student_id: str | None = Field(default=None, max_length=255)
    before: dict[str, Any] | None = Field(default=None, sa_type=JsonValue, nullable=True)
    after: dict[str, Any] | None = Field(default=None, sa_type=JsonValue, nullable=True)
