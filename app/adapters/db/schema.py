"""Every table of the service on one MetaData (what Alembic compares and migrations build)."""

from __future__ import annotations

from app.adapters.db import (
    audit_tables,
    case_tables,
    change_tables,
    credential_tables,
    gradebook_tables,
    grading_term_tables,
    habits_tables,
    lti_service_tables,
    lti_tables,
    mastery_tables,
    revision_tables,
    summary_tables,
    tables,
    trend_tables,
    webhook_tables,
    xapi_tables,
)
from app.adapters.db.tables import table_of

metadata = tables.metadata
assert table_of(mastery_tables.FrameworkRow).metadata is metadata
assert table_of(case_tables.CaseAssociationRow).metadata is metadata
assert table_of(gradebook_tables.LineItemRow).metadata is metadata
assert table_of(audit_tables.AuditEntryRow).metadata is metadata
assert table_of(lti_tables.LtiPlatformRow).metadata is metadata
assert table_of(revision_tables.PolicyRevisionRow).metadata is metadata
assert table_of(lti_service_tables.LtiRosterPullRow).metadata is metadata
assert table_of(change_tables.ChangeEventRow).metadata is metadata
assert table_of(habits_tables.HabitsDecisionRow).metadata is metadata
assert table_of(xapi_tables.LearningRecordRow).metadata is metadata
assert table_of(webhook_tables.WebhookDeliveryRow).metadata is metadata
assert table_of(credential_tables.CredentialRow).metadata is metadata
assert table_of(grading_term_tables.TermCloseRow).metadata is metadata
assert table_of(summary_tables.SummaryCountRow).metadata is metadata
assert table_of(trend_tables.TrendCountRow).metadata is metadata

__all__ = ["metadata"]
