"""The audit trail: who changed what, when, with what before and after. Entries are appended in
the transaction of the change they record, never edited; the one exception is erasure, which
takes an erased student's personal data out of the entries about them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.domain.access import Client, format_scopes
from app.domain.frameworks import Framework
from app.domain.mastery.override import Override

# Who acted when no API client did: an operator at the `mastery` command line.
OPERATOR = "operator"
# What an erased student's entries say in place of their id and facts.
ERASED = "erased"

Facts = Mapping[str, Any]
"""JSON-ready facts (strings, numbers, booleans, None, lists and mappings of them)."""


class AuditKind(StrEnum):
    OVERRIDE_SET = "override.set"
    OVERRIDE_CLEARED = "override.cleared"
    FRAMEWORK_CHANGED = "framework.changed"
    GRADE_RULES_CHANGED = "grade_rules.changed"
    CROSSWALK_CHANGED = "crosswalk.changed"
    ROSTER_IMPORTED = "roster.imported"
    ROSTER_SYNCED = "roster.synced"
    CLIENT_CREATED = "client.created"
    CLIENT_ROTATED = "client.rotated"
    CLIENT_DISABLED = "client.disabled"
    CLIENT_DELETED = "client.deleted"
    STUDENT_EXPORTED = "student.exported"
    STUDENT_ERASED = "student.erased"
    WEBHOOK_CREATED = "webhook.created"
    WEBHOOK_CHANGED = "webhook.changed"
    WEBHOOK_DELETED = "webhook.deleted"
    WEBHOOK_ROTATED = "webhook.rotated"
    WEBHOOK_REPLAYED = "webhook.replayed"
    WEBHOOK_DISABLED = "webhook.disabled"
    TERM_CLOSED = "term.closed"
    TERM_REOPENED = "term.reopened"


@dataclass(frozen=True)
class AuditEntry:
    """One recorded change. `subject` names what changed (a framework, a client, a decision as
    `student/competency`); `student_id` is the student it concerns, if any."""

    at: datetime
    actor: str
    kind: AuditKind
    subject: str
    student_id: str | None = None
    before: Facts | None = None
    after: Facts | None = None


@dataclass(frozen=True)
class RecordedAuditEntry:
    """An entry with its place in the trail (ascending, gaps allowed)."""

    seq: int
    entry: AuditEntry


@dataclass(frozen=True)
class AuditQuery:
    """Newest first; `before_seq` continues a page; the filters narrow."""

    limit: int
    before_seq: int | None = None
    kinds: frozenset[AuditKind] = frozenset()
    since: datetime | None = None
    until: datetime | None = None

    def matches(self, recorded: RecordedAuditEntry) -> bool:
        """Whether an entry belongs to this query's pages (the fakes' reading of it)."""
        e = recorded.entry
        return (
            (self.before_seq is None or recorded.seq < self.before_seq)
            and (not self.kinds or e.kind in self.kinds)
            and (self.since is None or e.at >= self.since)
            and (self.until is None or e.at < self.until)
        )


def redacted(entry: AuditEntry) -> AuditEntry:
    """The entry with an erased student's id and facts gone: what happened and when stay."""
    return AuditEntry(entry.at, entry.actor, entry.kind, ERASED, None, None, None)


def override_facts(override: Override | None) -> Facts | None:
    """What an override says, for the trail."""
    if override is None:
        return None
    return {
        "level": override.level.value if override.level is not None else None,
        "status": override.status.value if override.status is not None else None,
        "reason": override.reason,
        "expires_at": override.expires_at.isoformat() if override.expires_at else None,
        "set_by": override.set_by,
    }


def policy_facts(framework: Framework) -> Facts:
    """The fields of a framework that decide mastery."""
    calculation = framework.calculation
    return {
        "calculation": {
            "method": str(calculation.method),
            "weight": calculation.weight,
            "n": calculation.n,
        },
        "mastery_threshold": framework.scale.mastery_threshold,
        "levels": [level.value for level in framework.scale.levels],
        "min_evidence": framework.min_evidence,
        "include_formative": framework.include_formative,
        "categories": [c.as_dict() for c in framework.categories],
        "missing_level": framework.missing_level,
        # Competencies with a scale or threshold of their own: what their decisions follow.
        "competency_scales": {
            c.id: {
                "levels": None if c.scale is None else [lv.value for lv in c.scale.levels],
                "scale_threshold": None if c.scale is None else c.scale.mastery_threshold,
                "mastery_threshold": c.mastery_threshold,
            }
            for c in framework.competencies
            if c.scale is not None or c.mastery_threshold is not None
        },
        "uncategorised_category": framework.uncategorised_category,
        "category_map": dict(framework.category_map),
        "competencies": len(framework.competencies),
    }


def client_facts(client: Client) -> Facts:
    """A client as the trail keeps it: never its secret or hash."""
    return {
        "name": client.name,
        "scopes": format_scopes(client.scopes),
        "disabled_at": client.revoked_at.isoformat() if client.revoked_at else None,
        "token_version": client.token_version,
    }
