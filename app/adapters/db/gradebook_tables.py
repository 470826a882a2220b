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


class _LineItemFields(SQLModel):
    """The columns of a line item (and of an assessment line item, whose table has the same)."""

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


def _indexed(table: str, *columns: str) -> tuple[Any, ...]:
    return tuple(sa.Index(f"ix_{table}_tenant_id_{c}", "tenant_id", c) for c in columns)


class LineItemRow(_LineItemFields, table=True):
    __tablename__ = "gradebook_line_items"
    __table_args__ = _indexed("gradebook_line_items", "class_id")


class AssessmentLineItemRow(_LineItemFields, table=True):
    """An assessment line item (OneRoster 1.2 AssessmentLineItem) as the vendor sent it; its
    class is optional (an empty class_id)."""

    __tablename__ = "gradebook_assessment_line_items"
    __table_args__ = _indexed("gradebook_assessment_line_items", "class_id")


class _ResultFields(SQLModel):
    """The columns of a result (and of an assessment result, whose table has the same)."""

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


def _results_of(items: str, table: str) -> tuple[Any, ...]:
    return (
        sa.ForeignKeyConstraint(
            ["tenant_id", "line_item_id"], [f"{items}.tenant_id", f"{items}.id"]
        ),
        *_indexed(table, "line_item_id", "class_id", "student_id"),
    )


class GradebookResultRow(_ResultFields, table=True):
    __tablename__ = "gradebook_results"
    __table_args__ = _results_of("gradebook_line_items", "gradebook_results")


class AssessmentResultRow(_ResultFields, table=True):
    """An assessment result as the vendor sent it (line_item_id: its assessmentLineItem)."""

    __tablename__ = "gradebook_assessment_results"
    __table_args__ = _results_of("gradebook_assessment_line_items", "gradebook_assessment_results")


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
