"""Accepting a batch of results: new, resent, changed, revived, voided, and refused."""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import pytest

from app.domain.errors import Invalid
from app.domain.evidence import Evidence
from app.domain.evidence_acceptance import (
    Acceptance,
    EvidenceInput,
    ItemOutcome,
    Outcome,
    Replacing,
    UnreadItem,
    accept_batch,
)
from app.domain.frameworks import Competency, Framework, Status
from app.domain.mastery.record import ChangeCause

from .builders import day

NOW = day(30)
FRAMEWORKS = {
    "f": Framework(
        id="f",
        title="F",
        competencies=(
            Competency("c1", "C1", "one"),
            Competency("old", "OLD", "retired", position=1, status=Status.RETIRED),
        ),
    ),
    "gone": Framework(
        id="gone", title="Gone", status=Status.RETIRED, competencies=(Competency("g1", "G", "g"),)
    ),
}
FRAMEWORK_OF = {"c1": "f", "old": "f", "g1": "gone"}


def sent(
    score: float = 3, *, student: str = "s1", competency: str = "c1", **kw: object
) -> EvidenceInput:
    fields: dict[str, object] = {"source_id": "r1", "observed_at": day(1), **kw}
    return EvidenceInput(student, competency, score, **fields)  # type: ignore[arg-type]


def stored(
    score: float = 3,
    *,
    ident: str = "e-old",
    seq: int = 7,
    voided: datetime | None = None,
    source: str = "lms",
    source_id: str = "r1",
) -> Evidence:
    return Evidence(
        ident, "s1", "c1", score, None, day(1), source, source_id, seq=seq, voided_at=voided
    )


def new_ids() -> Callable[[], str]:
    counter = iter(range(1, 100))
    return lambda: f"new-{next(counter)}"


def accept(
    items: list[EvidenceInput | UnreadItem],
    known: list[Evidence] = (),  # type: ignore[assignment]
    replacing: Replacing | None = None,
) -> Acceptance:
    return accept_batch(
        items,
        sender="lms",
        new_id=new_ids(),
        frameworks=FRAMEWORKS,
        framework_of=FRAMEWORK_OF,
        students={"s1", "s2"},
        stored={e.key: e for e in known},
        now=NOW,
        replacing=replacing,
    )


def test_a_new_result_is_created_with_the_next_id_and_the_sender_as_its_source() -> None:
    done = accept([sent(3), sent(2, source_id="r2", source="quiz")])
    assert [(e.id, e.source, e.source_id, e.score) for e in done.created] == [
        ("new-1", "lms", "r1", 3),
        ("new-2", "quiz", "r2", 2),
    ]
    assert done.outcomes == [
        ItemOutcome("new-1", Outcome.CREATED),
        ItemOutcome("new-2", Outcome.CREATED),
    ]
    assert (done.updated, done.previous, done.problems, done.cause) == (
        [],
        [],
        [],
        ChangeCause.EVIDENCE,
    )


def test_a_result_sent_again_unchanged_is_left_as_it_is() -> None:
    done = accept([sent(3)], [stored(3)])
    assert done.outcomes == [ItemOutcome("e-old", Outcome.UNCHANGED)]
    assert (done.created, done.updated) == ([], [])


def test_a_changed_result_updates_the_stored_one_keeping_its_id_and_arrival() -> None:
    old = stored(3)
    done = accept([sent(2.5, comment="redone")], [old])
    assert done.outcomes == [ItemOutcome("e-old", Outcome.UPDATED)]
    [updated] = done.updated
    assert (updated.id, updated.seq, updated.score, updated.comment, updated.voided_at) == (
        "e-old",
        7,
        2.5,
        "redone",
        None,
    )
    assert done.previous == [old]


def test_a_client_resending_a_voided_result_does_not_revive_it() -> None:
    voided = stored(3, voided=day(5))
    assert accept([sent(3)], [voided]).outcomes == [ItemOutcome("e-old", Outcome.UNCHANGED)]
    changed = accept([sent(1)], [voided])
    # Changed, but still voided: a void is corrected only by the source that replaces evidence.
    assert [(e.score, e.voided_at) for e in changed.updated] == [(1, day(5))]


def test_a_replacing_source_revives_what_it_sends_and_voids_what_it_no_longer_sends() -> None:
    voided = stored(3, voided=day(5))
    dropped = stored(2, ident="e-2", seq=8, source_id="r2")
    already = stored(1, ident="e-3", seq=9, source_id="r3", voided=day(6))
    done = accept([sent(3)], [voided], Replacing([voided, dropped, already]))
    # r1 is revived (same score, voided before); r2 is no longer sent: voided now; r3 stays voided.
    assert done.outcomes == [ItemOutcome("e-old", Outcome.UPDATED)]
    assert [(e.id, e.voided_at) for e in done.updated] == [("e-old", None), ("e-2", NOW)]
    assert done.previous == [voided, dropped]
    assert done.cause is ChangeCause.EVIDENCE


def test_a_source_sending_nothing_voids_everything_it_sent_and_the_cause_is_a_void() -> None:
    dropped = stored(2, ident="e-2", source_id="r2")
    done = accept([], [], Replacing([dropped]))
    assert [(e.id, e.voided_at) for e in done.updated] == [("e-2", NOW)]
    assert (done.outcomes, done.cause) == ([], ChangeCause.VOID)


def test_every_problem_of_the_batch_is_listed_where_it_is_and_nothing_is_accepted() -> None:
    items = [
        sent(3, student="nobody"),
        sent(3, competency="nope", source_id="r2"),
        sent(3, competency="old", source_id="r3"),
        sent(3, competency="g1", source_id="r4"),
        sent(5, source_id="r5"),  # above the highest level (4) without a max_score
        sent(3, source_id="r6", observed_at=day(31)),  # a day after now
        sent(-1, source_id="r7"),
        sent(2, source_id="r5"),  # repeats item 4
    ]
    done = accept(items)
    assert [(p.loc, p.msg) for p in done.problems] == [
        (("items", 0, "student_id"), "no student 'nobody'"),
        (("items", 1, "competency_id"), "no competency 'nope'"),
        (("items", 2, "competency_id"), "competency 'old' is retired and takes no new evidence"),
        (("items", 3, "competency_id"), "competency 'g1' is retired and takes no new evidence"),
        (("items", 4, "score"), "must be at most 4 without a max_score"),
        (("items", 5, "observed_at"), "must not be in the future"),
        (("items", 6, "score"), "must be a finite number at or above 0"),
        (("items", 7, "source_id"), "repeats item 4 (same source, source_id and competency)"),
    ]
    assert (done.created, done.updated, done.outcomes) == ([], [], [])
    with pytest.raises(Invalid) as refused:
        done.raise_if_refused()
    assert refused.value.detail == "8 problem(s) in the batch; nothing was written"


def test_another_source_or_source_id_makes_another_result() -> None:
    items = [sent(3), sent(3, source="quiz"), replace(sent(3), student_id="s2", source_id="r9")]
    assert [o.outcome for o in accept(items).outcomes] == [Outcome.CREATED] * 3


def test_an_unread_item_has_its_references_checked_and_nothing_else() -> None:
    # Item 0's types were refused: what was read of it (a student, a competency) is checked;
    # the item takes no id and cannot be repeated. Item 1 is checked in full.
    items: list[EvidenceInput | UnreadItem] = [
        UnreadItem("nobody", "nope"),
        UnreadItem(None, "c1"),
        sent(5),
    ]
    done = accept(items)
    assert [(p.loc, p.msg) for p in done.problems] == [
        (("items", 0, "student_id"), "no student 'nobody'"),
        (("items", 0, "competency_id"), "no competency 'nope'"),
        (("items", 2, "score"), "must be at most 4 without a max_score"),
    ]
