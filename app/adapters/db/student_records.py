"""Every row held about one student, read and deleted table by table, by the column that names
the student. A new table holding a student's data belongs in SECTIONS (a test compares the list
with the tables of the schema that have a student or user column)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import tables as t
from app.adapters.db.change_tables import ChangeEventRow
from app.adapters.db.credential_tables import CredentialRow
from app.adapters.db.gradebook_tables import AssessmentResultRow, GradebookResultRow
from app.adapters.db.grading_term_tables import SnapshotDecisionRow
from app.adapters.db.habits_tables import HabitsDecisionRow
from app.adapters.db.lti_service_tables import LtiScoreSentRow
from app.adapters.db.mastery_tables import (
    DecisionChangeRow,
    DecisionRow,
    EvidenceRow,
    EvidenceVersionRow,
    OverrideRow,
)
from app.adapters.db.revision_tables import StagedDecisionRow
from app.adapters.db.tables import table_of
from app.adapters.db.xapi_tables import LearningRecordRow
from app.domain.access import TenantId
from app.ports.student_records import StudentRows

_evidence = table_of(EvidenceRow)
_versions = table_of(EvidenceVersionRow)

# (section, table, the column naming the student), in the order rows are deleted: rows that
# reference others first. Evidence versions name their evidence, not the student (below).
SECTIONS: list[tuple[str, sa.Table, str]] = [
    ("evidence", _evidence, "student_id"),
    ("decision_history", table_of(DecisionChangeRow), "student_id"),
    ("decisions", table_of(DecisionRow), "student_id"),
    ("habits_decisions", table_of(HabitsDecisionRow), "student_id"),
    # Decisions a pending policy revision has staged for the student (docs/decisions/0018).
    ("staged_decisions", table_of(StagedDecisionRow), "student_id"),
    # The student's decisions as frozen at the close of terms (docs/decisions/0050): an
    # erasure reaches report cards too.
    ("snapshot_decisions", table_of(SnapshotDecisionRow), "student_id"),
    ("overrides", table_of(OverrideRow), "student_id"),
    ("gradebook_results", table_of(GradebookResultRow), "student_id"),
    ("gradebook_assessment_results", table_of(AssessmentResultRow), "student_id"),
    ("lti_scores_sent", table_of(LtiScoreSentRow), "student_id"),
    # The change feed's events about the student (ids and states, kept for the retention).
    ("change_events", table_of(ChangeEventRow), "student_id"),
    # xAPI statements and Caliper events matched to the student (bodies as sent).
    ("learning_records", table_of(LearningRecordRow), "student_id"),
    # Open Badges / CLRs issued to the student, as signed: once erased, the public
    # verification no longer knows them (404), as the issuer no longer does.
    ("credentials", table_of(CredentialRow), "student_id"),
    ("enrollments", table_of(t.EnrollmentRow), "user_id"),
    ("demographics", table_of(t.DemographicsRow), "id"),
    ("user_orgs", table_of(t.UserOrgRow), "user_id"),
    ("user_grades", table_of(t.UserGradeRow), "user_id"),
    ("user", table_of(t.UserRow), "id"),
]


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


# The import's fingerprint of the row that wrote a roster record is bookkeeping, not something
# held about the student (its content is the record's own columns).
_NOT_EXPORTED = ("tenant_id", "source_hash")


def _row(row: sa.RowMapping) -> dict[str, Any]:
    return {k: _json(v) for k, v in row.items() if k not in _NOT_EXPORTED}


class SqlStudentRecords:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    def _versions_of(self, student_id: str) -> sa.ColumnElement[bool]:
        of_student = sa.select(_evidence.c.id).where(
            _evidence.c.tenant_id == self._tenant, _evidence.c.student_id == student_id
        )
        return sa.and_(
            _versions.c.tenant_id == self._tenant, _versions.c.evidence_id.in_(of_student)
        )

    async def held(self, student_id: str) -> StudentRows:
        found: StudentRows = {}
        for section, table, column in SECTIONS:
            stmt = (
                sa.select(table)
                .where(table.c.tenant_id == self._tenant, table.c[column] == student_id)
                .order_by(*table.primary_key.columns)
            )
            found[section] = [_row(r) for r in (await self._session.execute(stmt)).mappings()]
        versions = (
            sa.select(_versions)
            .where(self._versions_of(student_id))
            .order_by(_versions.c.evidence_id, _versions.c.version)
        )
        rows = (await self._session.execute(versions)).mappings()
        found["evidence_versions"] = [_row(r) for r in rows]
        return found

    async def erase(self, student_id: str) -> dict[str, int]:
        versions = await self._session.execute(
            sa.delete(_versions).where(self._versions_of(student_id))
        )
        erased = {"evidence_versions": int(versions.rowcount)}  # type: ignore[attr-defined]
        for section, table, column in SECTIONS:
            result = await self._session.execute(
                sa.delete(table).where(
                    table.c.tenant_id == self._tenant, table.c[column] == student_id
                )
            )
            erased[section] = int(result.rowcount)  # type: ignore[attr-defined]
        return erased
