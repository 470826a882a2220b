"""Everything held about a student (app.ports.student_records) in a tenant's in-memory tables,
in the SQL adapter's sections (a contract test compares the counts)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any

from app.domain.roster import RosterKind, User
from app.ports.student_records import StudentRows
from tests.fakes.state import TenantTables


def _json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


def _facts(row: Any) -> dict[str, Any]:
    """A row as one flat mapping, as a SQL row is: a stored wrapper's record (the evidence of
    stored evidence, say) lends its fields to the row."""
    facts: dict[str, Any] = {}
    for key, value in _json(dataclasses.asdict(row)).items():
        if isinstance(value, dict) and key in ("evidence", "record", "change", "recorded"):
            facts |= value
        else:
            facts[key] = value
    if "shown_status" in facts:  # a decision row's `status` is the status it shows
        facts["status"] = facts.pop("shown_status")
    return facts


class FakeStudentRecords:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    def _keys(self, student_id: str) -> dict[str, list[Any]]:
        t = self._tables
        user = t.roster.get((RosterKind.USER, student_id))
        enrollments = [
            key
            for key, r in t.roster.items()
            if key[0] is RosterKind.ENROLLMENT and getattr(r, "user_id", None) == student_id
        ]
        demographics = [k for k in [(RosterKind.DEMOGRAPHICS, student_id)] if k in t.roster]
        return {
            "evidence": [k for k, e in t.evidence.items() if e.evidence.student_id == student_id],
            "decision_history": [
                i for i, c in enumerate(t.decision_history) if c.change.student_id == student_id
            ],
            "decisions": [k for k in t.decisions if k[0] == student_id],
            "habits_decisions": [k for k in t.habits_decisions if k[0] == student_id],
            "lti_scores_sent": [k for k in t.lti_sent if k[1] == student_id],
            "change_events": [
                i for i, e in enumerate(t.change_events) if e.student_id == student_id
            ],
            "staged_decisions": [k for k in t.staged_decisions if k[1] == student_id],
            "snapshot_decisions": [k for k in t.snapshots if k[1] == student_id],
            "overrides": [k for k, o in t.overrides.items() if o.student_id == student_id],
            "gradebook_results": [
                k for k, r in t.gradebook_results.items() if r.student_id == student_id
            ],
            "gradebook_assessment_results": [
                k for k, r in t.assessment_results.items() if r.student_id == student_id
            ],
            "enrollments": enrollments,
            "demographics": demographics,
            "user_orgs": list(user.org_ids) if isinstance(user, User) else [],
            "user_grades": list(user.grades) if isinstance(user, User) else [],
            "user": [(RosterKind.USER, student_id)] if user is not None else [],
            "evidence_versions": [
                i for i, v in enumerate(t.evidence_versions) if v.evidence.student_id == student_id
            ],
            # Kept by ports of their own (the LRS, the credential store), which these tables
            # do not hold: the sections are listed, empty, as the SQL store lists them.
            "learning_records": [],
            "credentials": [],
        }

    async def held(self, student_id: str) -> StudentRows:
        t = self._tables
        keys = self._keys(student_id)
        return {
            "evidence": [_facts(t.evidence[k]) for k in keys["evidence"]],
            "decision_history": [_facts(t.decision_history[i]) for i in keys["decision_history"]],
            "decisions": [_facts(t.decisions[k]) for k in keys["decisions"]],
            "habits_decisions": [_facts(t.habits_decisions[k]) for k in keys["habits_decisions"]],
            "lti_scores_sent": [
                {"line_item_url": k[0], "sent_at": t.lti_sent[k]} for k in keys["lti_scores_sent"]
            ],
            "staged_decisions": [_facts(t.staged_decisions[k]) for k in keys["staged_decisions"]],
            "snapshot_decisions": [_facts(t.snapshots[k]) for k in keys["snapshot_decisions"]],
            "change_events": [_facts(t.change_events[i]) for i in keys["change_events"]],
            "learning_records": [],
            "credentials": [],
            "overrides": [_facts(t.overrides[k]) for k in keys["overrides"]],
            "gradebook_results": [
                _facts(t.gradebook_results[k]) for k in keys["gradebook_results"]
            ],
            "gradebook_assessment_results": [
                _facts(t.assessment_results[k]) for k in keys["gradebook_assessment_results"]
            ],
            "enrollments": [_facts(t.roster[k]) for k in keys["enrollments"]],
            "demographics": [_facts(t.roster[k]) for k in keys["demographics"]],
            "user_orgs": [{"org_id": o} for o in keys["user_orgs"]],
            "user_grades": [{"grade": g} for g in keys["user_grades"]],
            "user": [_facts(t.roster[k]) for k in keys["user"]],
            "evidence_versions": [
                _facts(t.evidence_versions[i]) for i in keys["evidence_versions"]
            ],
        }

    async def erase(self, student_id: str) -> dict[str, int]:
        t = self._tables
        keys = self._keys(student_id)
        keyed: dict[str, dict[Any, Any]] = {
            "evidence": t.evidence,
            "decisions": t.decisions,
            "habits_decisions": t.habits_decisions,
            "lti_scores_sent": t.lti_sent,
            "staged_decisions": t.staged_decisions,
            "snapshot_decisions": t.snapshots,
            "overrides": t.overrides,
            "gradebook_results": t.gradebook_results,
            "gradebook_assessment_results": t.assessment_results,
            "enrollments": t.roster,
            "demographics": t.roster,
            "user": t.roster,
        }
        for section, table in keyed.items():
            for k in keys[section]:
                del table[k]
        gone = set(keys["decision_history"])
        t.decision_history[:] = [c for i, c in enumerate(t.decision_history) if i not in gone]
        gone = set(keys["change_events"])
        t.change_events[:] = [e for i, e in enumerate(t.change_events) if i not in gone]
        gone = set(keys["evidence_versions"])
        t.evidence_versions[:] = [v for i, v in enumerate(t.evidence_versions) if i not in gone]
        return {section: len(found) for section, found in keys.items()}
