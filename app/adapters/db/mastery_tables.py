"""Tables of frameworks, evidence, decisions and overrides.

Decisions are read far more than written (class grids, summaries), so a decision row keeps the
shown status beside the engine's own and the incremental state the next result extends."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant, _tenant_fk
from app.adapters.db.types import JsonValue

# SQLite autoincrements only an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _json_object() -> Any:
    return Field(default_factory=dict, sa_type=JsonValue, nullable=False)


class FrameworkRow(SQLModel, table=True):
    __tablename__ = "frameworks"
    __table_args__ = (
        sa.Index("ix_frameworks_tenant_id_case_identifier", "tenant_id", "case_identifier"),
    )

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=255)
    title: str
    description: str | None = None
    version: str | None = None
    status: str = Field(max_length=16)
    scale: dict[str, Any] = _json_object()
    calculation: dict[str, Any] = _json_object()
    min_evidence: int = 1
    include_formative: bool = False
    # How a parent's score follows from its children's (RollupScore), unless its rule says.
    rollup_score: str = Field(
        default="mean", max_length=16, sa_column_kwargs={"server_default": "mean"}
    )
    # [{"name", "weight", "counted", "habits_of_work"}]; what a missing mark counts as.
    categories: list[dict[str, Any]] = Field(
        default_factory=list, sa_type=JsonValue, nullable=False
    )
    missing_level: float | None = None
    # The category results without one count in (null: they do not count).
    uncategorised_category: str | None = Field(default=None, max_length=255)
    # {OneRoster category sourcedId or title: category name} for gradebook results.
    category_map: dict[str, str] | None = Field(default=None, sa_type=JsonValue, nullable=True)
    # The CFDocument identifier (imported, or derived from the id) and the other CASE fields.
    case_identifier: str = Field(max_length=255)
    case_meta: dict[str, Any] | None = Field(default=None, sa_type=JsonValue, nullable=True)
    # A new random token on every change, so a process keeps a parsed framework until it
    # changes (random, so that a rolled-back change can never collide with a committed one).
    revision: str = Field(max_length=32)
    created_at: datetime = _instant()
    updated_at: datetime = _instant()
    # The district's grade rules as written (app.domain.grade_rules), read only by grading:
    # not part of the parsed framework, so writing them leaves its revision alone.
    grade_rules: str | None = Field(default=None, sa_type=sa.Text, nullable=True)
    grade_rules_updated_at: datetime | None = _instant(nullable=True)


class CompetencyRow(SQLModel, table=True):
    __tablename__ = "competencies"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "framework_id"], ["frameworks.tenant_id", "frameworks.id"]
        ),
        sa.Index("ix_competencies_tenant_id_framework_id", "tenant_id", "framework_id"),
        sa.Index("ix_competencies_tenant_id_case_identifier", "tenant_id", "case_identifier"),
    )

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=255)
    framework_id: str = Field(max_length=255)
    code: str
    statement: str
    kind: str | None = None
    parent_id: str | None = Field(default=None, max_length=255)
    position: int = 0
    calculation: dict[str, Any] | None = Field(default=None, sa_type=JsonValue, nullable=True)
    rollup: dict[str, Any] = _json_object()
    # Its weight in its parent's weighted rollup score (null: 1).
    weight: float | None = None
    # Its own minimum evidence (null: the nearest ancestor's, else the framework's).
    min_evidence: int | None = None
    # Its own scale (levels, threshold, bands) and threshold (null: inherited, like the above).
    scale: dict[str, Any] | None = Field(default=None, sa_type=JsonValue, nullable=True)
    mastery_threshold: float | None = None
    status: str = Field(max_length=16)
    case_identifier: str = Field(max_length=255)
    case_meta: dict[str, Any] | None = Field(default=None, sa_type=JsonValue, nullable=True)
    updated_at: datetime = _instant()


class EvidenceRow(SQLModel, table=True):
    __tablename__ = "evidence"
    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "id"),
        sa.UniqueConstraint("tenant_id", "source", "source_id", "competency_id"),
        sa.Index(
            "ix_evidence_tenant_id_student_id_competency_id",
            "tenant_id",
            "student_id",
            "competency_id",
        ),
        sa.Index("ix_evidence_tenant_id_competency_id", "tenant_id", "competency_id"),
    )

    # Arrival order: breaks ties between results observed at the same instant.
    seq: int | None = Field(
        default=None, sa_column=sa.Column(_SEQ, primary_key=True, autoincrement=True)
    )
    tenant_id: int = Field(foreign_key="tenants.id", ondelete="CASCADE")
    id: str = Field(max_length=64)
    student_id: str = Field(max_length=255)
    competency_id: str = Field(max_length=255)
    framework_id: str = Field(max_length=255)
    score: float
    max_score: float | None = None
    observed_at: datetime = _instant()
    source: str = Field(max_length=255)
    source_id: str = Field(max_length=255)
    kind: str = Field(max_length=16)
    comment: str | None = None
    voided_at: datetime | None = _instant(nullable=True)
    category: str | None = Field(default=None, max_length=255)
    weight: float | None = None
    mark: str | None = Field(default=None, max_length=16)
    received_at: datetime = _instant()
    updated_at: datetime = _instant()
    version: int = 1


class EvidenceVersionRow(SQLModel, table=True):
    """The earlier versions of evidence that an upsert or a void replaced."""

    __tablename__ = "evidence_versions"

    tenant_id: int = Field(primary_key=True)  # the evidence's (no key of its own: 0039)
    evidence_id: str = Field(primary_key=True, max_length=64)
    version: int = Field(primary_key=True)
    score: float
    max_score: float | None = None
    observed_at: datetime = _instant()
    kind: str = Field(max_length=16)
    comment: str | None = None
    voided_at: datetime | None = _instant(nullable=True)
    category: str | None = Field(default=None, max_length=255)
    weight: float | None = None
    mark: str | None = Field(default=None, max_length=16)
    replaced_at: datetime = _instant()


class DecisionColumns(SQLModel):
    """A decision's columns: the decisions table's, and a pending policy revision's staged
    decisions' (app.adapters.db.revision_tables), so that one codec reads and writes both."""

    tenant_id: int = _tenant_fk()
    student_id: str = Field(primary_key=True, max_length=255)
    competency_id: str = Field(primary_key=True, max_length=255)
    framework_id: str = Field(max_length=255)
    # What is shown: the override's while one is in force, else the engine's.
    status: str = Field(max_length=24)
    score: float | None = None
    level_value: float | None = None
    level_label: str | None = None
    # The engine's own decision.
    computed_status: str = Field(max_length=24)
    computed_score: float | None = None
    computed_level_value: float | None = None
    computed_level_label: str | None = None
    evidence_count: int = 0
    method: dict[str, Any] = _json_object()
    state: dict[str, Any] | None = Field(default=None, sa_type=JsonValue, nullable=True)
    override: dict[str, Any] | None = Field(default=None, sa_type=JsonValue, nullable=True)
    override_expires_at: datetime | None = _instant(nullable=True)
    next_score_to_master: float | None = None
    updated_at: datetime = _instant()


class DecisionRow(DecisionColumns, table=True):
    __tablename__ = "decisions"
    __table_args__ = (
        # Summaries group a framework's decisions by competency and status; the index covers them.
        sa.Index(
            "ix_decisions_tenant_id_framework_id_competency_id",
            "tenant_id",
            "framework_id",
            "competency_id",
            "status",
            "student_id",
        ),
        # Reports first let expired overrides stop showing (expire_overrides); only decisions
        # with an expiry are indexed, so finding them costs nothing on 10M rows.
        sa.Index(
            "ix_decisions_tenant_id_override_expires_at",
            "tenant_id",
            "override_expires_at",
            postgresql_where=sa.text("override_expires_at IS NOT NULL"),
            sqlite_where=sa.text("override_expires_at IS NOT NULL"),
        ),
    )


class DecisionChangeRow(SQLModel, table=True):
    """A decision's status or level as it changed over time: the history and the trends."""

    __tablename__ = "decision_history"
    __table_args__ = (
        sa.Index(
            "ix_decision_history_tenant_id_student_id_competency_id",
            "tenant_id",
            "student_id",
            "competency_id",
        ),
        sa.Index(
            "ix_decision_history_tenant_id_framework_id_changed_at",
            "tenant_id",
            "framework_id",
            "changed_at",
        ),
        # Trends take each decision's last entry before a cut, in the order entries were
        # recorded: one ordered pass per framework.
        sa.Index(
            "ix_decision_history_tenant_framework_student_competency_seq",
            "tenant_id",
            "framework_id",
            "student_id",
            "competency_id",
            "seq",
        ),
        # A trend's last cut inside a day is corrected from the decisions with an entry valid
        # from within that day (docs/decisions/0061-trend-counts.md).
        sa.Index(
            "ix_decision_history_tenant_id_framework_id_valid_from",
            "tenant_id",
            "framework_id",
            "valid_from",
        ),
    )

    seq: int | None = Field(
        default=None, sa_column=sa.Column(_SEQ, primary_key=True, autoincrement=True)
    )
    tenant_id: int  # the decision's (no key of its own: migration 0039)
    student_id: str = Field(max_length=255)
    competency_id: str = Field(max_length=255)
    framework_id: str = Field(max_length=255)
    changed_at: datetime = _instant()
    cause: str = Field(max_length=32)
    status: str = Field(max_length=24)
    score: float | None = None
    level_value: float | None = None
    computed_status: str = Field(max_length=24)
    computed_score: float | None = None
    overridden: bool = False
    # From when, in the school's time, the entry holds (valid time; changed_at is when it was
    # recorded): reports `asOf` an instant read by it, `knownAt` by changed_at.
    valid_from: datetime = _instant()


class OverrideRow(SQLModel, table=True):
    """Every override ever set, with when it was cleared: `as_of` reads find the one in force."""

    __tablename__ = "overrides"
    __table_args__ = (
        sa.Index(
            "ix_overrides_tenant_id_student_id_competency_id",
            "tenant_id",
            "student_id",
            "competency_id",
        ),
    )

    seq: int | None = Field(
        default=None, sa_column=sa.Column(_SEQ, primary_key=True, autoincrement=True)
    )
    tenant_id: int = Field(foreign_key="tenants.id", ondelete="CASCADE")
    student_id: str = Field(max_length=255)
    competency_id: str = Field(max_length=255)
    level_value: float | None = None
    level_label: str | None = None
    status: str | None = Field(default=None, max_length=24)
    reason: str
    expires_at: datetime | None = _instant(nullable=True)
    set_at: datetime = _instant()
    set_by: str = Field(max_length=255)
    cleared_at: datetime | None = _instant(nullable=True)
    cleared_by: str | None = Field(default=None, max_length=255)
