"""The outbox of changes (the change feed): one row per change, written in the transaction of
the change itself, read in (transaction, id) order (decision 0043)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant
from app.adapters.db.types import JsonValue

_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class ChangeEventRow(SQLModel, table=True):
    __tablename__ = "change_events"
    # One index, the feed's order: ingest writes about two events per result, and each index
    # more is paid on every one (measured: decision 0043). An erasure or the retention sweep
    # reads a tenant's rows through it, which is rare and bounded by the retention.
    __table_args__ = (sa.Index("ix_change_events_tenant_id_xact_id", "tenant_id", "xact", "id"),)

    # The writing transaction's number (PostgreSQL's column default, pg_current_xact_id();
    # 0 on SQLite). Declared before `id` on purpose: PostgreSQL evaluates column defaults in
    # column order, so a transaction has its number before it draws an id.
    xact: int = Field(default=0, sa_column=sa.Column(sa.BigInteger(), nullable=False))
    id: int | None = Field(
        default=None, sa_column=sa.Column(_SEQ, primary_key=True, autoincrement=True)
    )
    tenant_id: int  # the changed row's (no key of its own: migration 0039)
    type: str = Field(max_length=48)
    occurred_at: datetime = _instant()
    student_id: str | None = Field(default=None, max_length=255)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
