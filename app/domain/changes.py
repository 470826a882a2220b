"""The change feed's rules: what an event says, its types, and the opaque cursor.

An event carries ids and the new state only (never a name): it is read by systems the
district connects, and kept for the retention period after the row it announces is gone."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, StrEnum
from typing import Any

from app.domain.errors import InvalidQuery, Problem
from app.domain.evidence import Evidence
from app.domain.input_bounds import MAX_SEQUENCE
from app.domain.mastery.record import DecisionChange
from app.domain.roster import RosterKind, RosterRecord, UserRole


class ChangeType(StrEnum):
    DECISION_CHANGED = "decision.changed"
    EVIDENCE_ADDED = "evidence.added"
    EVIDENCE_REPLACED = "evidence.replaced"
    EVIDENCE_VOIDED = "evidence.voided"
    ROSTER_USER_CHANGED = "roster.user.changed"
    ROSTER_CLASS_CHANGED = "roster.class.changed"
    ROSTER_ENROLLMENT_CHANGED = "roster.enrollment.changed"
    # A webhook subscription disabled after failing for days (the tenant is told on the feed).
    WEBHOOK_DISABLED = "webhook.disabled"


@dataclass(frozen=True)
class FeedPosition:
    """Where a reader stands: the writing transaction's number, then the event's id. PostgreSQL
    feeds are ordered by both (decision 0043): a transaction number below every one still running
    can gain no event, so a page never skips one that commits later. SQLite writes one
    transaction at a time, and every event has transaction number 0."""

    transaction: int
    event_id: int


START = FeedPosition(-1, 0)


@dataclass(frozen=True)
class ChangeEvent:
    type: ChangeType
    occurred_at: datetime
    student_id: str | None
    data: Mapping[str, Any]


@dataclass(frozen=True)
class FeedItem:
    id: int
    position: FeedPosition
    type: str
    occurred_at: datetime
    data: Mapping[str, Any]


@dataclass(frozen=True)
class ChangePage:
    items: list[FeedItem]
    next_cursor: str


def cursor_of(position: FeedPosition) -> str:
    raw = f"{position.transaction}.{position.event_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def position_of(cursor: str | None) -> FeedPosition:
    """The position a cursor names; a cursor we did not hand out is the caller's error."""
    if not cursor:
        return START
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        transaction, event_id = (int(part) for part in raw.split("."))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        transaction, event_id = -2, -1
    # Both are 64-bit columns: a larger number names nothing (and no database would take it).
    if transaction < -1 or event_id < 0 or max(transaction, event_id) > MAX_SEQUENCE:
        raise InvalidQuery(
            "The cursor is not one this feed handed out",
            [Problem(("query", "after"), "is not a cursor of this feed")],
        )
    return FeedPosition(transaction, event_id)


def types_named(names: str | None) -> list[str] | None:
    """The `types` filter (comma-separated), every unknown name reported."""
    if not names:
        return None
    listed = [n.strip() for n in names.split(",") if n.strip()]
    known = {t.value for t in ChangeType}
    unknown = [n for n in listed if n not in known]
    if unknown:
        raise InvalidQuery(
            "Unknown change types",
            [Problem(("query", "types"), f"{n!r} is not a change type") for n in unknown],
        )
    return listed


def decision_changed(change: DecisionChange) -> ChangeEvent:
    return ChangeEvent(
        ChangeType.DECISION_CHANGED,
        change.changed_at,
        change.student_id,
        {
            "student_id": change.student_id,
            "competency_id": change.competency_id,
            "framework_id": change.framework_id,
            "status": change.status.value,
            "score": change.score,
            "level": change.level_value,
            "overridden": change.overridden,
            "cause": change.cause.value,
        },
    )


def evidence_changed(
    kind: ChangeType, evidence: Evidence, framework_id: str | None, at: datetime
) -> ChangeEvent:
    """Evidence added, replaced (a new version) or voided: its ids and the new score."""
    return ChangeEvent(
        kind,
        at,
        evidence.student_id,
        {
            "evidence_id": evidence.id,
            "student_id": evidence.student_id,
            "competency_id": evidence.competency_id,
            "framework_id": framework_id,
            "score": evidence.score,
            "max_score": evidence.max_score,
            "voided": evidence.voided_at is not None,
        },
    )


def evidence_replaced(
    items: Sequence[Evidence], previous: Sequence[Evidence], at: datetime
) -> list[ChangeEvent]:
    """New versions of stored evidence: `evidence.voided` when this version voids it, else
    `evidence.replaced`."""
    before = {e.id: e for e in previous}
    return [
        evidence_changed(
            ChangeType.EVIDENCE_VOIDED
            if e.voided_at is not None and before[e.id].voided_at is None
            else ChangeType.EVIDENCE_REPLACED,
            e,
            None,
            at,
        )
        for e in items
    ]


# The roster kinds announced on the feed: each event's type, the fields it carries beside `id`
# and `status` (ids and roles, never a name), and the field naming the student when the record's
# role is a student's (erasing the student erases the event).
@dataclass(frozen=True)
class RosterAnnouncement:
    type: ChangeType
    fields: tuple[str, ...]
    student_field: str | None


ROSTER_CHANGES = {
    RosterKind.USER: RosterAnnouncement(ChangeType.ROSTER_USER_CHANGED, ("role",), "id"),
    RosterKind.CLASS: RosterAnnouncement(ChangeType.ROSTER_CLASS_CHANGED, (), None),
    RosterKind.ENROLLMENT: RosterAnnouncement(
        ChangeType.ROSTER_ENROLLMENT_CHANGED, ("class_id", "user_id", "role"), "user_id"
    ),
}


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def roster_changed(record: RosterRecord, at: datetime) -> ChangeEvent | None:
    """A user, class or enrollment upserted or marked `tobedeleted`; None for other kinds."""
    announced = ROSTER_CHANGES.get(record.kind)
    if announced is None:
        return None
    data = {"id": record.id, "status": record.status.value}
    data |= {f: _plain(getattr(record, f)) for f in announced.fields}
    student_id = None
    if announced.student_field and data.get("role") == UserRole.STUDENT.value:
        student_id = getattr(record, announced.student_field)
    return ChangeEvent(announced.type, at, student_id, data)
