from datetime import datetime, timedelta, timezone

import pytest

from app.domain.errors import Invalid
from app.domain.evidence import (
    Evidence,
    EvidenceKind,
    NotCounted,
    counted_in_order,
    evidence_problems,
    normalise,
    not_counted_because,
)
from app.domain.frameworks import DEFAULT_SCALE, Level, MasteryPolicy, Scale

from .builders import day, evidence

SUMMATIVE_ONLY = MasteryPolicy()
WITH_FORMATIVE = MasteryPolicy(include_formative=True)


@pytest.mark.parametrize(
    ("score", "max_score", "expected"),
    [
        (8, 10, 3.2),  # 8 / 10 * 4
        (15, 10, 4.0),  # capped at 1 * 4
        (0, 10, 0.0),
        (2.5, None, 2.5),  # already on the scale
        (0, None, 0.0),
        (4, None, 4.0),
        (5, None, 4.0),  # stored above a later, lower highest: counts as the highest
    ],
)
def test_normalise(score: float, max_score: float | None, expected: float) -> None:
    assert normalise(score, max_score, DEFAULT_SCALE) == pytest.approx(expected, abs=1e-12)


def test_normalise_on_a_percent_scale() -> None:
    scale = Scale((Level(0, "None"), Level(70, "Pass"), Level(100, "Full")), 70)
    assert normalise(17, 20, scale) == pytest.approx(85.0)  # 17 / 20 * 100


def test_evidence_lists_every_problem_of_its_own() -> None:
    naive = datetime(2025, 9, 1, 8, 0)
    with pytest.raises(Invalid) as caught:
        Evidence(
            id="",
            student_id="s",
            competency_id="c",
            score=-1,
            max_score=0,
            observed_at=naive,
            source="lms",
            source_id=" ",
            kind="quiz",  # type: ignore[arg-type]
            seq=-1,
            voided_at=naive,
        )
    assert [p.loc for p in caught.value.problems] == [
        ("id",),
        ("source_id",),
        ("score",),
        ("max_score",),
        ("observed_at",),
        ("voided_at",),
        ("kind",),
        ("seq",),
    ]


def test_nan_and_infinite_scores_are_rejected() -> None:
    for bad in (float("nan"), float("inf")):
        with pytest.raises(Invalid):
            evidence(bad)
        with pytest.raises(Invalid):
            evidence(1, max_score=bad)


def test_a_score_above_the_highest_needs_a_max_score() -> None:
    assert [p.loc for p in evidence_problems(evidence(4.5), DEFAULT_SCALE)] == [("score",)]
    assert evidence_problems(evidence(4.5, max_score=5), DEFAULT_SCALE) == []
    assert evidence_problems(evidence(4), DEFAULT_SCALE) == []


def test_a_score_above_its_max_score_is_rejected() -> None:
    # 25 of 20 would normalise to min(25/20, 1) * 4 = 4, Advanced, without a word.
    problems = evidence_problems(evidence(25, max_score=20), DEFAULT_SCALE)
    assert [(p.loc, p.msg) for p in problems] == [(("score",), "must be at most max_score (20)")]
    assert evidence_problems(evidence(20, max_score=20), DEFAULT_SCALE) == []
    assert evidence_problems(evidence(19.5, max_score=20), DEFAULT_SCALE) == []


def test_a_result_from_the_future_is_rejected_beyond_clock_skew() -> None:
    received = day(0)
    late_clock = evidence(3, when=4 / (24 * 60))  # 4 minutes ahead: tolerated
    future = evidence(3, when=1)
    assert evidence_problems(late_clock, DEFAULT_SCALE, received_at=received) == []
    problems = evidence_problems(future, DEFAULT_SCALE, received_at=received)
    assert [p.loc for p in problems] == [("observed_at",)]


def test_any_time_zone_is_accepted() -> None:
    paris = timezone(timedelta(hours=2))
    e = Evidence("e", "s", "c", 3, None, datetime(2025, 9, 1, 10, tzinfo=paris), "lms", "1")
    assert e.observed_at == day(0)  # 10:00+02:00 is 08:00 UTC


def test_not_counted_because() -> None:
    assert not_counted_because(evidence(3), SUMMATIVE_ONLY) is None
    assert not_counted_because(evidence(3, voided=True), SUMMATIVE_ONLY) is NotCounted.VOIDED
    formative = evidence(3, kind=EvidenceKind.FORMATIVE)
    assert not_counted_because(formative, SUMMATIVE_ONLY) is NotCounted.FORMATIVE
    assert not_counted_because(formative, WITH_FORMATIVE) is None
    later = evidence(3, when=5)
    assert not_counted_because(later, SUMMATIVE_ONLY, as_of=day(4)) is NotCounted.AFTER_AS_OF
    assert not_counted_because(later, SUMMATIVE_ONLY, as_of=day(5)) is None  # at as_of counts


def test_a_void_holds_for_every_as_of() -> None:
    # Voided on day 3 (evidence() voids the day after observing); as of day 2 it still does
    # not count: a void corrects the record.
    e = evidence(3, when=2, voided=True)
    assert not_counted_because(e, SUMMATIVE_ONLY, as_of=day(2.5)) is NotCounted.VOIDED


def test_counted_evidence_is_ordered_by_observed_at_then_arrival() -> None:
    a = evidence(1, when=2, seq=1, ident="a")
    b = evidence(2, when=1, seq=3, ident="b")
    c = evidence(3, when=2, seq=0, ident="c")
    v = evidence(4, when=0, seq=2, ident="v", voided=True)
    assert [e.id for e in counted_in_order([a, b, c, v], SUMMATIVE_ONLY)] == ["b", "c", "a"]
