"""Erasure reaches every table that holds a student's rows: a new table with a student or user
column must be added to the adapter's sections (or this test says why not)."""

from __future__ import annotations

from app.adapters.db.schema import metadata
from app.adapters.db.student_records import SECTIONS

# Keyed by the user's own id, not by a student or user column.
BY_OWN_ID = {"users", "demographics"}
# Naming the student through another row: evidence versions through their evidence.
THROUGH_ANOTHER = {"evidence_versions"}
# Redacted, not deleted: the audit trail keeps that something happened.
REDACTED = {"audit_entries"}
# The summary counts' own (docs/decisions/0056): erasing a student's decisions and user row
# queues the changes, and the refresh the erasure runs once it has committed takes the student
# out of the counts under the stored profile, then deletes that profile (deleting them here
# first would leave the student counted for ever). tests/api/test_audit_and_data_rights.py
# checks that no row names the student afterwards. The trend counts' queue of history entries
# likewise (docs/decisions/0061), and the drains' kept tails: the erasure's deletions leave
# the student's last entries unknown, and the drain forgets those rows (0084).
DRAINED_BY_THE_COUNTS = {
    "decision_status_changes",
    "summary_profiles",
    "summary_profile_stage",
    "trend_history_changes",
    "trend_tails",
}


def test_every_table_naming_a_student_is_a_section() -> None:
    naming = {
        table.name
        for table in metadata.sorted_tables
        if {"student_id", "user_id"} & set(table.c.keys())
    }
    covered = {table.name for _, table, _ in SECTIONS}
    assert naming - REDACTED - DRAINED_BY_THE_COUNTS | BY_OWN_ID == covered
    assert {t.name for t in metadata.sorted_tables} >= THROUGH_ANOTHER
