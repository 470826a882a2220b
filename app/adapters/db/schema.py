"""Every table of the service on one MetaData (what Alembic compares and migrations build)."""

from __future__ import annotations

from app.adapters.db import case_tables, gradebook_tables, mastery_tables, tables

metadata = tables.metadata
assert mastery_tables.FrameworkRow.__table__.metadata is metadata
assert case_tables.CaseAssociationRow.__table__.metadata is metadata
assert gradebook_tables.LineItemRow.__table__.metadata is metadata

__all__ = ["metadata"]
