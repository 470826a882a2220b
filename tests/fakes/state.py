"""The in-memory database the fakes keep: tables of immutable domain objects, copied when a unit
of work opens and merged back only when it commits, so that work left uncommitted (a use case
that raised) leaves the store exactly as it was, as the SQL unit of work's rollback does.

Every table is a dict (a row per key, replaced whole when it changes) or an append-only list
(histories, from which only an erasure removes rows). A unit of work works on copies; on
commit, the keys it wrote or deleted and the entries it appended or removed are applied to
what is committed then, so two units of work writing different rows do not undo each other (a
row is the unit of conflict, as in SQL)."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from app.domain.access import Client, Tenant, TenantId
from app.domain.audit import RecordedAuditEntry
from app.domain.changes import ChangeEvent
from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.gradebook import Category, LineItem, Result, ScoreScale
from app.domain.grading_terms import FrozenDecision, TermClose
from app.domain.jobs import Job
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.habits import HabitsDecision
from app.domain.mastery.override import RecordedOverride
from app.domain.mastery.record import DecisionChange, DecisionRecord
from app.domain.oneroster.connection import RosterConnection
from app.domain.policy_revision import PolicyRevision
from app.domain.roster import RosterKind, RosterRecord

StudentCompetency = tuple[str, str]


@dataclass(frozen=True)
class StoredEvidence:
    """A result as its row keeps it: with its framework, when it arrived and last changed, and
    its version (the number of times it was replaced, plus one)."""

    evidence: Evidence
    framework_id: str
    received_at: datetime
    updated_at: datetime
    version: int = 1


@dataclass(frozen=True)
class EvidenceVersion:
    """An earlier version of a result, kept when a resend or a void replaced it."""

    evidence: Evidence
    version: int
    replaced_at: datetime


@dataclass(frozen=True)
class StoredDecision:
    """A decision as its row keeps it: the record, and the status shown when it was written
    (what the read models count, as the SQL `status` column)."""

    record: DecisionRecord
    shown_status: MasteryStatus


@dataclass(frozen=True)
class StoredChange:
    seq: int
    change: DecisionChange


@dataclass(frozen=True)
class StoredOverride:
    """An override with the order it was set in and who cleared it."""

    seq: int
    student_id: str
    recorded: RecordedOverride
    cleared_by: str | None = None


@dataclass
class TenantTables:
    """One tenant's rows."""

    roster: dict[tuple[RosterKind, str], RosterRecord] = field(default_factory=dict)
    roster_connection: dict[str, RosterConnection] = field(default_factory=dict)
    frameworks: dict[str, Framework] = field(default_factory=dict)
    grade_rules: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    evidence: dict[str, StoredEvidence] = field(default_factory=dict)
    evidence_versions: list[EvidenceVersion] = field(default_factory=list)
    decisions: dict[StudentCompetency, StoredDecision] = field(default_factory=dict)
    decision_history: list[StoredChange] = field(default_factory=list)
    habits_decisions: dict[StudentCompetency, HabitsDecision] = field(default_factory=dict)
    overrides: dict[int, StoredOverride] = field(default_factory=dict)
    line_items: dict[str, LineItem] = field(default_factory=dict)
    gradebook_results: dict[str, Result] = field(default_factory=dict)
    gradebook_categories: dict[str, Category] = field(default_factory=dict)
    gradebook_score_scales: dict[str, ScoreScale] = field(default_factory=dict)
    assessment_line_items: dict[str, LineItem] = field(default_factory=dict)
    assessment_results: dict[str, Result] = field(default_factory=dict)
    # LTI services: differences URL per (issuer, context), last score sent per (line item, user)
    lti_pulls: dict[tuple[str, str], str | None] = field(default_factory=dict)
    lti_sent: dict[tuple[str, str], datetime] = field(default_factory=dict)
    change_events: list[ChangeEvent] = field(default_factory=list)
    jobs: dict[str, Job] = field(default_factory=dict)
    audit: dict[int, RecordedAuditEntry] = field(default_factory=dict)
    # Pending policy revisions by framework id, and the decisions staged under them by
    # (revision id, student, competency).
    revisions: dict[str, PolicyRevision] = field(default_factory=dict)
    staged_decisions: dict[tuple[str, str, str], DecisionRecord] = field(default_factory=dict)
    # Closed grading terms by session id, and their frozen decisions by (session, student,
    # competency).
    term_closes: dict[str, TermClose] = field(default_factory=dict)
    snapshots: dict[tuple[str, str, str], FrozenDecision] = field(default_factory=dict)


@dataclass
class DirectoryTables:
    """The tenants and their clients, above any one tenant."""

    tenants: dict[int, Tenant] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)


Tables = TenantTables | DirectoryTables
T = TypeVar("T", TenantTables, DirectoryTables)


def _containers(tables: Tables) -> Iterator[tuple[str, Any]]:
    for f in dataclasses.fields(tables):
        yield f.name, getattr(tables, f.name)


def copy_of(tables: T) -> T:
    """A working copy: new containers holding the same (immutable) rows."""
    return type(tables)(**{name: type(c)(c) for name, c in _containers(tables)})


def apply(base: Tables, work: Tables, target: Tables) -> None:
    """Apply to `target` what `work` changed since it was copied from `base`: the keys written
    or deleted, the entries appended."""
    for name, before in _containers(base):
        after, into = getattr(work, name), getattr(target, name)
        if isinstance(before, dict):
            for key in before.keys() - after.keys():
                into.pop(key, None)
            for key, row in after.items():
                if before.get(key) is not row:
                    into[key] = row
        else:
            # Appended rows are added; rows the work removed (an erasure) are removed.
            kept = {id(row) for row in after}
            removed = {id(row) for row in before if id(row) not in kept}
            new = [row for row in after if id(row) not in {id(b) for b in before}]
            into[:] = [row for row in into if id(row) not in removed] + new


def changed_tables(base: Tables, work: Tables) -> list[str]:
    """The tables `work` changed since it was copied from `base` (rows are immutable: a row
    written again is a new object)."""
    found = []
    for name, before in _containers(base):
        after = getattr(work, name)
        if isinstance(before, dict):
            if before.keys() != after.keys() or any(after[k] is not r for k, r in before.items()):
                found.append(name)
        elif len(after) != len(before):
            found.append(name)
    return found


@dataclass
class Sequences:
    """Numbers the database hands out whatever becomes of the transaction (as PostgreSQL's
    sequences do): evidence arrival order, history and override order, tenant ids."""

    evidence: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    history: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    overrides: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    tenants: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    audit: Iterator[int] = field(default_factory=lambda: itertools.count(1))


@dataclass
class Store:
    """Everything committed, by tenant, and the directory."""

    tenants: dict[TenantId, TenantTables] = field(default_factory=dict)
    directory: DirectoryTables = field(default_factory=DirectoryTables)
    sequences: Sequences = field(default_factory=Sequences)

    def of(self, tenant: TenantId) -> TenantTables:
        """The committed tables of a tenant (empty ones for a tenant with nothing yet)."""
        return self.tenants.setdefault(tenant, TenantTables())
