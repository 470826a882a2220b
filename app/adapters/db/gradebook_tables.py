"""Tables of the OneRoster gradebook: line items and results as vendors sent them (keyed by
their sourcedId, tenant first), with what each result made of evidence."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant, _json, _tenant_fk
from app.adapters.db.types import JsonValue


def _ref() -> Any:
    return Field(default=None, max_length=255)


def _json_or_null() -> Any:
    return Field(default=None, sa_type=JsonValue, nullable=True)


class LineItemRow(SQLModel, table=True):
    __tablename__ = "gradebook_line_items"
    __table_args__ = (
        sa.Index("ix_gradebook_line_items_tenant_id_class_id", "tenant_id", "class_id"),
    )

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=255)
    status: str = Field(max_length=16)
    title: str
    description: str | None = None
    class_id: str = Field(max_length=255)
    school_id: str | None = _ref()
    category_id: str | None = _ref()
    score_scale_id: str | None = _ref()
    assign_date: datetime | None = _instant(nullable=True)
    due_date: datetime | None = _instant(nullable=True)
    result_value_min: float | None = None
    result_value_max: float | None = None
    objective_sets: list[dict[str, Any]] = _json()
    # The vendor's `metadata` (SQLModel keeps the name `metadata` for itself).
    vendor_metadata: dict[str, Any] | None = _json_or_null()
    updated_at: datetime = _instant()


class GradebookResultRow(SQLModel, table=True):
    __tablename__ = "gradebook_results"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "line_item_id"],
            ["gradebook_line_items.tenant_id", "gradebook_line_items.id"],
        ),
        sa.Index("ix_gradebook_results_tenant_id_line_item_id", "tenant_id", "line_item_id"),
        sa.Index("ix_gradebook_results_tenant_id_class_id", "tenant_id", "class_id"),
        sa.Index("ix_gradebook_results_tenant_id_student_id", "tenant_id", "student_id"),
    )

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=255)
    status: str = Field(max_length=16)
    line_item_id: str = Field(max_length=255)
    student_id: str = Field(max_length=255)
    class_id: str | None = _ref()
    score_scale_id: str | None = _ref()
    score_status: str = Field(max_length=24)
    score: float | None = None
    text_score: str | None = None
    score_date: datetime = _instant()
    date_only: bool = False
    comment: str | None = None
    objective_results: list[dict[str, Any]] = _json()
    in_progress: bool | None = None
    incomplete: bool | None = None
    late: bool | None = None
    missing: bool | None = None
    vendor_metadata: dict[str, Any] | None = _json_or_null()
    # What the result made of evidence when it was last stored (competencies, ignored ones).
    report: dict[str, Any] | None = _json_or_null()
    updated_at: datetime = _instant()


class GradebookCategoryRow(SQLModel, table=True):
    """A gradebook category as the vendor sent it: its title is what a framework's
    category_map (or a framework category of that name) reads."""

    __tablename__ = "gradebook_categories"

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=255)
    status: str = Field(max_length=16)
    title: str
    weight: float | None = None
    vendor_metadata: dict[str, Any] | None = _json_or_null()
    updated_at: datetime = _instant()


class GradebookScoreScaleRow(SQLModel, table=True):
    """A gradebook score scale as the vendor sent it (its values in `score_scale_values`)."""

    __tablename__ = "gradebook_score_scales"

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=255)
    status: str = Field(max_length=16)
    title: str
    type: str
    class_id: str = Field(max_length=255)
    course_id: str | None = _ref()
    score_scale_values: list[dict[str, Any]] = _json()
    vendor_metadata: dict[str, Any] | None = _json_or_null()
    updated_at: datetime = _instant()
