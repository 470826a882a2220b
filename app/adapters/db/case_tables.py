"""The CASE associations kept with a framework: those its imports brought, and the isChildOf of
every competency (so that a served association can be found by its identifier)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _tenant_fk
from app.adapters.db.types import JsonValue


class CaseAssociationRow(SQLModel, table=True):
    __tablename__ = "case_associations"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "framework_id"],
            ["frameworks.tenant_id", "frameworks.id"],
            ondelete="CASCADE",
        ),
        sa.Index("ix_case_associations_tenant_id_identifier", "tenant_id", "identifier"),
        sa.Index(
            "ix_case_associations_tenant_id_origin_identifier", "tenant_id", "origin_identifier"
        ),
        sa.Index(
            "ix_case_associations_tenant_id_destination_identifier",
            "tenant_id",
            "destination_identifier",
        ),
    )

    tenant_id: int = _tenant_fk()
    framework_id: str = Field(primary_key=True, max_length=255)
    identifier: str = Field(primary_key=True, max_length=255)
    # The association's place in its framework: the order it was imported (and is served) in.
    position: int
    association_type: str = Field(max_length=64)
    origin_identifier: str = Field(max_length=255)
    origin_uri: str | None = None
    origin_title: str | None = None
    origin_competency_id: str | None = Field(default=None, max_length=255)
    destination_identifier: str = Field(max_length=255)
    destination_uri: str | None = None
    destination_title: str | None = None
    destination_competency_id: str | None = Field(default=None, max_length=255)
    sequence_number: int | None = None
    tree: bool = False
    case_meta: dict[str, Any] | None = Field(default=None, sa_type=JsonValue, nullable=True)
