"""Grading terms' rules: which sessions close, when a term ends, which results a reassessment
window lets reach the snapshot, and frozen decisions read as frozen."""

from datetime import UTC, date, datetime

import pytest

from app.domain.errors import Conflict, Invalid
from app.domain.frameworks import Calculation, CalculationMethod, Level
from app.domain.grading_terms import (
    FrozenDecision,
    TermState,
    closing,
    ends_at,
    frozen_view,
    page_key,
    parse_page_key,
    reassessed_students,
)
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.mastery.record import DecisionRecord
from app.domain.roster import AcademicSession, SessionType

from .builders import day, evidence

# Term 1 of the 2025-2026 year: START (2025-09-01) is day 0, its last day day 60 (2025-10-31).
NOW = datetime(2025, 11, 3, 12, 0, tzinfo=UTC)


def session(kind: SessionType = SessionType.TERM) -> AcademicSession:
    return AcademicSession(
        id="term-1",
        title="Term 1",
        type=kind,
        start_date=date(2025, 8, 18),
        end_date=date(2025, 10, 31),
    )


def test_a_term_ends_at_the_first_instant_after_its_last_day() -> None:
    assert ends_at(date(2025, 10, 31)) == datetime(2025, 11, 1, tzinfo=UTC)


@pytest.mark.parametrize("kind", [SessionType.TERM, SessionType.GRADING_PERIOD])
def test_terms_and_grading_periods_close_inline_or_in_a_job(kind: SessionType) -> None:
    inline = closing(session(kind), "leader", NOW, None, in_job=False)
    assert (inline.state, inline.closed_by, inline.ends_at) == (
        TermState.CLOSED,
        "leader",
        datetime(2025, 11, 1, tzinfo=UTC),
    )
    assert closing(session(kind), "leader", NOW, None, in_job=True).state is TermState.CLOSING


@pytest.mark.parametrize("kind", [SessionType.SCHOOL_YEAR, SessionType.SEMESTER])
def test_a_school_year_or_a_semester_does_not_close(kind: SessionType) -> None:
    with pytest.raises(Conflict):
        closing(session(kind), "leader", NOW, None, in_job=False)


def test_a_reassessment_window_must_end_after_the_close() -> None:
    with pytest.raises(Invalid) as raised:
        closing(session(), "leader", NOW, NOW, in_job=False)
    assert raised.value.problems[0].loc == ("body", "reassessment_until")


def test_the_window_admits_results_observed_within_the_term_only_while_it_is_open() -> None:
    until = datetime(2025, 11, 14, tzinfo=UTC)
    close = closing(session(), "leader", NOW, until, in_job=False)
    assert close.reassessing(NOW)
    assert not close.reassessing(until)
    assert not closing(session(), "leader", NOW, None, in_job=False).reassessing(NOW)
    assert not closing(session(), "leader", NOW, until, in_job=True).reassessing(NOW)
    results = [
        evidence(3, 60.5, student_id="in-term"),  # 2025-10-31 20:00: the term's last day
        evidence(3, 61, student_id="after-term"),  # 2025-11-01 08:00: the next term's
    ]
    assert reassessed_students(close, results) == {"in-term"}


def test_a_frozen_override_shows_as_frozen_whatever_the_scale_says_later() -> None:
    computed = ComputedDecision(
        MasteryStatus.NOT_YET,
        2.4,
        Level(2, "Developing"),
        5,
        Calculation(CalculationMethod.STANDARD_DECAYING_AVERAGE),
    )
    record = DecisionRecord("s1", "c1", "fw", computed, None, None, 2.9, day(10))
    frozen = FrozenDecision(record, MasteryStatus.MASTERED, 3.0, Level(3, "Proficient"))
    view = frozen_view(frozen, None)  # its framework since removed: no band
    assert (view.shown.status, view.shown.score, view.shown.level, view.band) == (
        MasteryStatus.MASTERED,
        3.0,
        Level(3, "Proficient"),
        None,
    )
    assert (view.computed, view.next_score_to_master) == (computed, 2.9)


def test_page_keys_round_trip_and_other_text_is_no_key() -> None:
    assert parse_page_key(page_key("student, 1", '"c"')) == ("student, 1", '"c"')
    assert parse_page_key("not json") is None
    assert parse_page_key('["one"]') is None
