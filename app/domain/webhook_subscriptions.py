"""Webhook subscriptions: what a district asks to be sent, which events pass its filters, and
the message a delivery carries (Standard Webhooks' `{type, timestamp, data}` envelope).

One message carries a batch of consecutive feed events in feed order, so a receiver that
handles messages one after the other sees each student's changes in the order they happened."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from app.domain.changes import START, ChangeType, FeedItem, FeedPosition, cursor_of
from app.domain.errors import Invalid, Problem
from app.domain.webhooks import failing_too_long, retry_delay

MESSAGE_TYPE = "change.batch"
FILTER_KINDS = ("school_ids", "class_ids", "framework_ids")
MAX_FILTER_IDS = 500


class SubscriptionStatus(StrEnum):
    ENABLED = "enabled"
    DISABLED = "disabled"


@dataclass(frozen=True)
class Filters:
    """Ids an event must match (each kind left empty matches everything)."""

    school_ids: frozenset[str] = frozenset()
    class_ids: frozenset[str] = frozenset()
    framework_ids: frozenset[str] = frozenset()

    @property
    def by_place(self) -> bool:
        """Whether the filter needs each student's schools or classes."""
        return bool(self.school_ids or self.class_ids)

    def as_json(self) -> dict[str, list[str]]:
        return {k: sorted(getattr(self, k)) for k in FILTER_KINDS if getattr(self, k)}

    @classmethod
    def of(cls, data: Mapping[str, Sequence[str]] | None) -> Filters:
        data = data or {}
        return cls(**{k: frozenset(data.get(k) or ()) for k in FILTER_KINDS})


@dataclass(frozen=True)
class Subscription:
    id: str
    url: str
    event_types: tuple[str, ...]
    filters: Filters
    status: SubscriptionStatus
    created_at: datetime
    secret_sealed: str
    description: str | None = None
    previous_secret_sealed: str | None = None
    rotated_at: datetime | None = None
    position: FeedPosition = START
    # Failures since the last success: how many, since when, and when the next try is due.
    failures: int = 0
    failing_since: datetime | None = None
    next_attempt_at: datetime | None = None
    disabled_at: datetime | None = None

    def succeeded(self, position: FeedPosition) -> Subscription:
        """After a 2xx: the position moves past the batch, the failures are forgotten."""
        return replace(
            self, position=position, failures=0, failing_since=None, next_attempt_at=None
        )

    def failed(self, at: datetime, disable_after: Any, rng: Any = None) -> Subscription:
        """After a failure: the next try waits `retry_delay`; a subscription failing without a
        success for `disable_after` (a timedelta) is disabled. The position is kept."""
        failures = self.failures + 1
        since = self.failing_since or at
        failed = replace(
            self,
            failures=failures,
            failing_since=since,
            next_attempt_at=at + retry_delay(failures, rng),
        )
        if failing_too_long(since, at, disable_after):
            return replace(failed, status=SubscriptionStatus.DISABLED, disabled_at=at)
        return failed

    def enabled_again(self) -> Subscription:
        """Re-enabled by an admin: tried at once, the failure count starts again."""
        return replace(
            self,
            status=SubscriptionStatus.ENABLED,
            disabled_at=None,
            failures=0,
            failing_since=None,
            next_attempt_at=None,
        )


@dataclass(frozen=True)
class DeliveryRecord:
    """One attempt to deliver one message: what was sent and what came of it (never a body)."""

    subscription_id: str
    message_id: str
    event_ids: tuple[int, ...]
    attempt: int
    at: datetime
    outcome: str  # "delivered" or "failed"
    duration_ms: int
    status_code: int | None = None
    error: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Places:
    """For the students of a batch: the schools and classes they belong to (set-based)."""

    schools: Mapping[str, Collection[str]] = field(default_factory=dict)
    classes: Mapping[str, Collection[str]] = field(default_factory=dict)


def subscription_problems(
    event_types: Sequence[str], filters: Mapping[str, Any] | None, url_refusal: str | None
) -> list[Problem]:
    """Every problem of a subscription's fields (the URL's refusal comes from the guarded
    client's policy, which decides what may be fetched)."""
    problems: list[Problem] = []
    if url_refusal is not None:
        problems.append(Problem(("body", "url"), url_refusal))
    known = {t.value for t in ChangeType}
    if not event_types:
        problems.append(Problem(("body", "event_types"), "name at least one event type"))
    for i, name in enumerate(event_types):
        if name not in known:
            problems.append(Problem(("body", "event_types", i), f"{name!r} is not an event type"))
    for kind, ids in (filters or {}).items():
        if kind not in FILTER_KINDS:
            problems.append(Problem(("body", "filters", kind), "is not a filter"))
        elif ids is not None and len(ids) > MAX_FILTER_IDS:
            problems.append(Problem(("body", "filters", kind), f"at most {MAX_FILTER_IDS} ids"))
    return problems


def check_subscription(
    event_types: Sequence[str], filters: Mapping[str, Any] | None, url_refusal: str | None
) -> None:
    """Raise `Invalid` listing every problem, if there is any."""
    problems = subscription_problems(event_types, filters, url_refusal)
    if problems:
        raise Invalid("The webhook subscription is not valid", problems)


def passes(subscription: Subscription, item: FeedItem, places: Places) -> bool:
    """Whether an event is one the subscription asked for."""
    if item.type not in subscription.event_types:
        return False
    f, data = subscription.filters, item.data
    if f.framework_ids and data.get("framework_id") not in f.framework_ids:
        return False
    student = student_of(item)
    if f.class_ids:
        classes = set(places.classes.get(student, ())) if student else set()
        classes |= {data[k] for k in ("class_id",) if isinstance(data.get(k), str)}
        if item.type == ChangeType.ROSTER_CLASS_CHANGED.value:
            classes.add(str(data.get("id")))
        if not classes & f.class_ids:
            return False
    if f.school_ids:
        schools = set(places.schools.get(student, ())) if student else set()
        schools |= {data[k] for k in ("school_id",) if isinstance(data.get(k), str)}
        if not schools & f.school_ids:
            return False
    return True


def student_of(item: FeedItem) -> str | None:
    """The student an event concerns: named by decision and evidence events, or the user of a
    student's roster record or enrollment."""
    data = item.data
    if isinstance(data.get("student_id"), str):
        return str(data["student_id"])
    if data.get("role") != "student":
        return None
    if item.type == ChangeType.ROSTER_ENROLLMENT_CHANGED.value:
        return str(data.get("user_id"))
    if item.type == ChangeType.ROSTER_USER_CHANGED.value:
        return str(data.get("id"))
    return None


def message_id(subscription_id: str, first: FeedPosition, last: FeedPosition) -> str:
    """The same id for the same batch on every retry (receivers deduplicate on it), another
    for another batch."""
    key = f"{subscription_id}/{cursor_of(first)}/{cursor_of(last)}".encode()
    return "msg_" + hashlib.sha256(key).hexdigest()[:32]


def message(items: Sequence[FeedItem], at: datetime, cursor: str) -> dict[str, Any]:
    """The JSON body: Standard Webhooks' envelope, the events in feed order in `data`."""
    return {
        "type": MESSAGE_TYPE,
        "timestamp": _utc(at),
        "data": {
            "events": [
                {
                    "id": i.id,
                    "type": i.type,
                    "occurred_at": _utc(i.occurred_at),
                    "data": dict(i.data),
                }
                for i in items
            ],
            "cursor": cursor,
        },
    }


def _utc(at: datetime) -> str:
    """RFC 3339 in UTC with `Z`, as the REST API writes instants."""
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")
