"""Gradebook rules: reading what vendors send, and what a result counts for."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.categories import Mark
from app.domain.errors import Invalid, Problem
from app.domain.gradebook import (
    Ignored,
    LineItem,
    ObjectiveResults,
    ObjectiveScore,
    ObjectiveSet,
    Report,
    Result,
    ScoreStatus,
)
from app.domain.gradebook_evidence import (
    NO_SCORE,
    NOT_A_COMPETENCY,
    RETIRED,
    EvidenceDraft,
    counts_differently,
    derive_evidence,
    problem_in_result,
)
from app.domain.gradebook_reading import PutLineItem, PutResult, read_line_item, read_result
from app.domain.roster import RecordStatus

NOW = datetime(2026, 9, 14, 9, 30, tzinfo=UTC)


def _item(low: float | None = None, high: float | None = 10, **kw: object) -> LineItem:
    sets = (ObjectiveSet("case", ("s-1", "s-2")), ObjectiveSet("unknown", ("s-1", "x-1")))
    values: dict[str, object] = {
        "id": "li-1",
        "title": "Quiz",
        "class_id": "class-1",
        "result_value_min": low,
        "result_value_max": high,
        "objective_sets": sets,
        **kw,
    }
    return LineItem(**values)  # type: ignore[arg-type]


def _result(
    score: float | None = 8,
    *scores: ObjectiveScore,
    score_status: ScoreStatus = ScoreStatus.FULLY_GRADED,
    **kw: object,
) -> Result:
    values: dict[str, object] = {
        "id": "r-1",
        "line_item_id": "li-1",
        "student_id": "student-1",
        "score_status": score_status,
        "score_date": datetime(2026, 9, 13, 15, tzinfo=UTC),
        "score": score,
        "objective_results": (ObjectiveResults("case", scores),) if scores else (),
        **kw,
    }
    return Result(**values)  # type: ignore[arg-type]


COMPETENCIES = {"s-1": True, "s-2": True, "s-old": False}


def test_a_line_items_alignment_is_each_objective_once_in_order() -> None:
    assert _item().aligned == ("s-1", "s-2", "x-1")


def test_an_overall_score_goes_to_each_aligned_competency_on_the_range() -> None:
    derived = derive_evidence(_result(8), _item(), COMPETENCIES, received_at=NOW)
    assert derived.drafts == (
        EvidenceDraft("s-1", 8, 10, ("score",)),
        EvidenceDraft("s-2", 8, 10, ("score",)),
    )
    assert derived.report == Report(("s-1", "s-2"), (Ignored("x-1", NOT_A_COMPETENCY),))
    assert derived.observed_at == datetime(2026, 9, 13, 15, tzinfo=UTC)


def test_per_objective_scores_replace_the_alignment() -> None:
    result = _result(
        8,
        ObjectiveScore("s-2", 6),
        ObjectiveScore("s-old", 9),
        ObjectiveScore("s-1"),
        ObjectiveScore("x-2", 1),
    )
    derived = derive_evidence(result, _item(), COMPETENCIES, received_at=NOW)
    base = ("learningObjectiveSet", 0, "learningObjectiveResults")
    assert derived.drafts == (
        EvidenceDraft("s-2", 6, 10, (*base, 0, "score")),
        EvidenceDraft("s-1", 8, 10, ("score",)),  # no score of its own: the overall one
    )
    assert derived.report.ignored == (Ignored("s-old", RETIRED), Ignored("x-2", NOT_A_COMPETENCY))


@pytest.mark.parametrize(
    ("low", "high", "score", "expected"),
    [
        (None, 10, 8, (8, 10)),
        (0, 10, 8, (8, 10)),
        (50, 100, 80, (30, 50)),
        (-10, 10, 0, (10, 20)),
        (50, 100, 100, (50, 50)),  # the maximum itself is the top
        (None, None, 3.5, (3.5, None)),  # no range: the competency's scale
    ],
)
def test_scores_are_shifted_onto_the_range(
    low: float | None, high: float | None, score: float, expected: tuple[float, float | None]
) -> None:
    derived = derive_evidence(_result(score), _item(low, high), COMPETENCIES, received_at=NOW)
    assert (derived.drafts[0].score, derived.drafts[0].max_score) == expected


def test_a_score_below_the_minimum_is_a_located_problem() -> None:
    result = _result(40, ObjectiveScore("s-1", 49.5), ObjectiveScore("s-2", 60))
    with pytest.raises(Invalid) as raised:
        derive_evidence(result, _item(50, 100), COMPETENCIES, received_at=NOW)
    [problem] = raised.value.problems
    assert problem.loc == (
        "result",
        "learningObjectiveSet",
        0,
        "learningObjectiveResults",
        0,
        "score",
    )
    assert problem.msg == "49.5 is below the line item's resultValueMin 50"


def test_every_score_out_of_the_range_is_a_located_problem() -> None:
    # 120 of 50..100 would normalise to min(70/50, 1) x 4 = 4 without a word: refused, with
    # the one below the minimum, in one answer.
    result = _result(40, ObjectiveScore("s-1", 100.5), ObjectiveScore("s-2", 120))
    with pytest.raises(Invalid) as raised:
        derive_evidence(result, _item(50, 100), COMPETENCIES, received_at=NOW)
    at = ("result", "learningObjectiveSet", 0, "learningObjectiveResults")
    assert [(p.loc, p.msg) for p in raised.value.problems] == [
        ((*at, 0, "score"), "100.5 is above the line item's resultValueMax 100"),
        ((*at, 1, "score"), "120 is above the line item's resultValueMax 100"),
    ]


@pytest.mark.parametrize(
    ("result", "item", "reason"),
    [
        (_result(status=RecordStatus.TOBEDELETED), _item(), "the result is deleted"),
        (
            _result(),
            _item(status=RecordStatus.TOBEDELETED),
            "its line item 'li-1' is deleted",
        ),
        (
            _result(),
            _item(objective_sets=()),
            "neither the result nor its line item names a learning objective",
        ),
    ],
)
def test_results_that_count_for_nothing_say_why(
    result: Result, item: LineItem, reason: str
) -> None:
    derived = derive_evidence(result, item, COMPETENCIES, received_at=NOW)
    assert derived.drafts == ()
    assert derived.report.not_counted == reason
    assert derived.report.competency_ids == ()


def test_a_result_not_counted_still_reports_objectives_that_are_not_competencies() -> None:
    derived = derive_evidence(
        _result(status=RecordStatus.TOBEDELETED), _item(), COMPETENCIES, received_at=NOW
    )
    assert derived.report.ignored == (Ignored("x-1", NOT_A_COMPETENCY),)


@pytest.mark.parametrize(
    ("status", "mark"),
    [
        # OneRoster 1.2 ScoreStatusEnum, as the brief of issue #15 maps it onto marks.
        (ScoreStatus.FULLY_GRADED, None),
        (ScoreStatus.NOT_SUBMITTED, Mark.MISSING),
        (ScoreStatus.EXEMPT, Mark.EXEMPT),
        (ScoreStatus.PARTIALLY_GRADED, Mark.INCOMPLETE),
        (ScoreStatus.SUBMITTED, Mark.INCOMPLETE),
    ],
)
def test_score_status_is_read_as_a_mark(status: ScoreStatus, mark: Mark | None) -> None:
    scored = derive_evidence(
        _result(8, score_status=status), _item(), COMPETENCIES, received_at=NOW
    )
    assert [(d.competency_id, d.score, d.mark) for d in scored.drafts] == [
        ("s-1", 8, mark),
        ("s-2", 8, mark),
    ]
    assert scored.report.not_counted is None
    unscored = derive_evidence(
        _result(None, score_status=status), _item(), COMPETENCIES, received_at=NOW
    )
    if mark is None:  # a plain score needs one
        assert unscored.drafts == ()
    else:  # a mark stands without a score
        assert [(d.competency_id, d.score, d.mark) for d in unscored.drafts] == [
            ("s-1", None, mark),
            ("s-2", None, mark),
        ]


def test_no_numeric_score_anywhere_is_reported_per_competency() -> None:
    derived = derive_evidence(_result(None), _item(), COMPETENCIES, received_at=NOW)
    assert derived.drafts == ()
    assert derived.report.ignored == (
        Ignored("s-1", NO_SCORE),
        Ignored("s-2", NO_SCORE),
        Ignored("x-1", NOT_A_COMPETENCY),
    )


@pytest.mark.parametrize(
    ("received", "observed"),
    [
        (datetime(2026, 9, 14, 20, tzinfo=UTC), datetime(2026, 9, 14, 12, tzinfo=UTC)),
        # a morning sync of today's grades: received before noon, so observed when received
        (NOW, NOW),
    ],
)
def test_a_date_alone_is_noon_utc_unless_that_is_later_than_its_arrival(
    received: datetime, observed: datetime
) -> None:
    result = read_result(
        PutResult(
            "r-1",
            line_item_id="li-1",
            student_id="student-1",
            score_status="fully graded",
            score_date="2026-09-14",
            score=8,
        )
    )
    assert (result.score_date, result.date_only) == (datetime(2026, 9, 14, 12, tzinfo=UTC), True)
    assert derive_evidence(result, _item(), COMPETENCIES, received_at=received).observed_at == (
        observed
    )


@pytest.mark.parametrize(
    "spelling", ["fully graded", "Fully Graded", "fullyGraded", "FULLY_GRADED", " fully-graded "]
)
def test_score_status_spellings(spelling: str) -> None:
    command = PutResult(
        "r-1",
        line_item_id="li-1",
        student_id="s",
        score_status=spelling,
        score_date="2026-09-14T10:00:00+02:00",
    )
    result = read_result(command)
    assert result.score_status is ScoreStatus.FULLY_GRADED
    assert (result.score_date, result.date_only) == (datetime(2026, 9, 14, 8, tzinfo=UTC), False)


def test_reading_a_result_reports_every_problem() -> None:
    command = PutResult(
        "r-1",
        body_sourced_id="r-2",
        status="archived",
        score_status="done",
        score_date="14/09/2026",
        score=float("nan"),
        objective_results=(
            ("case", (ObjectiveScore(" "), ObjectiveScore("a"), ObjectiveScore("a"))),
        ),
    )
    with pytest.raises(Invalid) as raised:
        read_result(command)
    assert [(".".join(map(str, p.loc)), p.msg) for p in raised.value.problems] == [
        ("result.sourcedId", "is 'r-2', but the path names 'r-1'"),
        (
            "result.scoreStatus",
            "'done' is not one of exempt, fully graded, not submitted, partially graded, submitted",
        ),
        ("result.scoreDate", "'14/09/2026' is not a date or date-time (ISO 8601)"),
        (
            "result.learningObjectiveSet.0.learningObjectiveResults.0.learningObjectiveId",
            "is required",
        ),
        (
            "result.learningObjectiveSet.0.learningObjectiveResults.2.learningObjectiveId",
            "repeats 'a' of learningObjectiveSet.0.learningObjectiveResults.1",
        ),
        ("result.lineItem", "is required"),
        ("result.student", "is required"),
        ("result.status", "'archived' is not one of active, tobedeleted"),
        ("result.score", "must be a finite number"),
    ]


def test_reading_a_line_item() -> None:
    item = read_line_item(
        PutLineItem(
            "li-1",
            title=" Quiz ",
            class_id="class-1",
            status="TOBEDELETED",
            assign_date="2026-09-01",
            result_value_max=4,
            objective_sets=((None, (" s-1 ",)),),
        )
    )
    assert (item.title, item.status, item.assign_date) == (
        "Quiz",
        RecordStatus.TOBEDELETED,
        datetime(2026, 9, 1, tzinfo=UTC),
    )
    assert item.objective_sets == (ObjectiveSet("unknown", ("s-1",)),)
    assert item.score_range == (0.0, 4.0)


@pytest.mark.parametrize(("low", "high"), [(None, 0), (5, 5), (5, 4), (-3, -4)])
def test_a_range_must_rise(low: float | None, high: float) -> None:
    with pytest.raises(Invalid) as raised:
        read_line_item(
            PutLineItem(
                "li-1", title="Quiz", class_id="c", result_value_min=low, result_value_max=high
            )
        )
    assert [p.loc for p in raised.value.problems] == [("lineItem", "resultValueMax")]


def test_references_are_sourced_ids_of_at_most_255_characters() -> None:
    long = "x" * 256
    with pytest.raises(Invalid) as raised:
        read_line_item(
            PutLineItem("li-1", title="Quiz", class_id=long, school_id=long, category_id=" ")
        )
    assert [(p.loc, p.msg) for p in raised.value.problems] == [
        (("lineItem", "class"), "must be a sourcedId of at most 255 characters"),
        (("lineItem", "school"), "must be a sourcedId of at most 255 characters"),
    ]


def test_a_line_item_counts_differently_when_its_range_alignment_or_status_changes() -> None:
    before = _item(0, 10)
    # A new title or due date changes nothing its results count for.
    assert not counts_differently(before, _item(0, 10, title="Quiz 2", due_date=NOW))
    # resultValueMin None reads as 0: the range is the same.
    assert not counts_differently(before, _item(None, 10))
    assert counts_differently(before, _item(0, 20))
    assert counts_differently(before, _item(None, None))
    assert counts_differently(
        before, _item(0, 10, objective_sets=(ObjectiveSet("case", ("s-1",)),))
    )
    assert counts_differently(before, _item(0, 10, status=RecordStatus.TOBEDELETED))


def test_a_problem_recording_a_results_evidence_is_told_in_the_results_words() -> None:
    draft = EvidenceDraft(
        "s-2", 4.5, None, ("learningObjectiveSet", 0, "learningObjectiveResults", 1, "score")
    )
    where = ("results", "r-1")
    too_high = Problem(("items", 3, "score"), "must be at most 4 without a max_score")
    assert problem_in_result(too_high, draft, where) == Problem(
        ("results", "r-1", "learningObjectiveSet", 0, "learningObjectiveResults", 1, "score"),
        "must be at most 4 on the competency's scale (no range)",
    )
    future = Problem(("items", 0, "observed_at"), "must not be in the future")
    assert problem_in_result(future, draft, ("result",)) == Problem(
        ("result", "scoreDate"), "must not be in the future"
    )
    assert problem_in_result(Problem(("items", 0, "student_id"), "no student 'x'"), draft, ()) == (
        Problem(("student",), "no student 'x'")
    )
    assert problem_in_result(Problem(("items", 0, "source_id"), "repeats item 0"), draft, ()) == (
        Problem(("sourcedId",), "repeats item 0")
    )
    # A problem of the whole item (no field) lies where the draft's score came from.
    assert problem_in_result(Problem(("items", 2), "odd"), draft, ()).loc == draft.loc
