"""Webhook subscriptions' rules: which events pass the filters, what a failure or a success
does to the subscription, when it is disabled, the message id, and the problems listed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from app.domain.changes import FeedItem, FeedPosition
from app.domain.webhook_subscriptions import (
    Filters,
    Places,
    Subscription,
    SubscriptionStatus,
    message,
    message_id,
    passes,
    student_of,
    subscription_problems,
)

AT = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
DAYS_3 = timedelta(days=3)


def _subscription(**filters: frozenset[str]) -> Subscription:
    return Subscription(
        id="hook-1",
        url="https://hooks.example/in",
        event_types=("decision.changed", "roster.enrollment.changed", "roster.class.changed"),
        filters=Filters(**filters),
        status=SubscriptionStatus.ENABLED,
        created_at=AT,
        secret_sealed="sealed",
    )


def _item(n: int, type: str = "decision.changed", **data: object) -> FeedItem:
    return FeedItem(n, FeedPosition(0, n), type, AT, data)


def test_an_event_of_a_type_not_asked_for_does_not_pass() -> None:
    assert not passes(_subscription(), _item(1, "evidence.added"), Places())
    assert passes(_subscription(), _item(1, student_id="s1"), Places())


def test_class_and_school_filters_use_the_students_places() -> None:
    places = Places(schools={"s1": {"north"}, "s2": {"south"}}, classes={"s1": {"c1"}})
    by_class = _subscription(class_ids=frozenset({"c1"}))
    by_school = _subscription(school_ids=frozenset({"south"}))
    assert passes(by_class, _item(1, student_id="s1"), places)
    assert not passes(by_class, _item(2, student_id="s2"), places)
    assert not passes(by_school, _item(3, student_id="s1"), places)
    assert passes(by_school, _item(4, student_id="s2"), places)
    # An event naming no student passes a place filter only by naming the place itself.
    assert passes(by_class, _item(5, "roster.class.changed", id="c1"), places)
    assert not passes(by_class, _item(6, "roster.class.changed", id="c9"), places)
    enrolment = _item(7, "roster.enrollment.changed", user_id="s9", class_id="c1", role="student")
    assert passes(by_class, enrolment, places)


def test_the_framework_filter_reads_the_events_framework() -> None:
    math = _subscription(framework_ids=frozenset({"fw-math"}))
    assert passes(math, _item(1, student_id="s1", framework_id="fw-math"), Places())
    assert not passes(math, _item(2, student_id="s1", framework_id="fw-ela"), Places())
    assert not passes(math, _item(3, student_id="s1"), Places())


def test_the_student_of_roster_events_is_a_students_record_only() -> None:
    assert student_of(_item(1, student_id="s1")) == "s1"
    user = _item(2, "roster.user.changed", id="s2", role="student")
    teacher = _item(3, "roster.user.changed", id="t1", role="teacher")
    assert (student_of(user), student_of(teacher)) == ("s2", None)


def test_failures_back_off_and_disable_after_the_limit_without_moving_the_position() -> None:
    start = _subscription()
    rng = random.Random(7)
    once = start.failed(AT, DAYS_3, rng)
    assert (once.failures, once.failing_since, once.position) == (1, AT, start.position)
    assert once.next_attempt_at is not None
    assert AT + timedelta(seconds=0.5) <= once.next_attempt_at <= AT + timedelta(seconds=1)
    # Two days, 23 hours later: still enabled; three days after the first failure: disabled.
    later = once.failed(AT + DAYS_3 - timedelta(hours=1), DAYS_3, rng)
    assert (later.status, later.failures, later.failing_since) == ("enabled", 2, AT)
    # retry_delay(2): the 2 s step over its upper half.
    assert later.next_attempt_at is not None
    wait = later.next_attempt_at - (AT + DAYS_3 - timedelta(hours=1))
    assert timedelta(seconds=1) <= wait <= timedelta(seconds=2)
    off = later.failed(AT + DAYS_3, DAYS_3, rng)
    assert (off.status, off.disabled_at) == (SubscriptionStatus.DISABLED, AT + DAYS_3)
    back = off.enabled_again()
    assert (back.status, back.failures, back.failing_since, back.next_attempt_at) == (
        SubscriptionStatus.ENABLED,
        0,
        None,
        None,
    )


def test_a_success_moves_the_position_and_forgets_the_failures() -> None:
    failing = _subscription().failed(AT, DAYS_3)
    done = failing.succeeded(FeedPosition(12, 40))
    assert (done.position, done.failures, done.failing_since, done.next_attempt_at) == (
        FeedPosition(12, 40),
        0,
        None,
        None,
    )


def test_a_message_id_names_the_batch() -> None:
    a = message_id("hook-1", FeedPosition(1, 2), FeedPosition(1, 9))
    assert a == message_id("hook-1", FeedPosition(1, 2), FeedPosition(1, 9))
    assert a.startswith("msg_")
    assert a != message_id("hook-1", FeedPosition(1, 2), FeedPosition(1, 10))
    assert a != message_id("hook-2", FeedPosition(1, 2), FeedPosition(1, 9))


def test_the_message_keeps_the_events_in_order_with_utc_instants() -> None:
    body = message([_item(3, student_id="s1"), _item(5, student_id="s2")], AT, "cur")
    assert body["type"] == "change.batch"
    assert body["timestamp"] == "2026-09-01T08:00:00Z"
    assert [e["id"] for e in body["data"]["events"]] == [3, 5]
    assert body["data"]["cursor"] == "cur"


def test_every_problem_is_listed() -> None:
    problems = subscription_problems(
        ["decision.changed", "nope", "grade.posted"],
        {"school_ids": ["x"], "teacher_ids": ["y"]},
        "plain http is refused",
    )
    assert [(p.loc, p.msg) for p in problems] == [
        (("body", "url"), "plain http is refused"),
        (("body", "event_types", 1), "'nope' is not an event type"),
        (("body", "event_types", 2), "'grade.posted' is not an event type"),
        (("body", "filters", "teacher_ids"), "is not a filter"),
    ]
    assert [p.loc for p in subscription_problems([], None, None)] == [("body", "event_types")]
