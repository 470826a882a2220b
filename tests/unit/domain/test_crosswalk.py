"""The crosswalk rule (app.domain.crosswalk): which competencies a result counts for, how its
score is carried, and how copies follow their original. Values worked out by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import count

from app.domain.categories import EvidenceCategory
from app.domain.crosswalk import (
    Crosswalk,
    ExactMatch,
    carried,
    carried_keys,
    carry_across,
    copies_between,
    crosswalk_of,
    crosswalk_sentence,
    voided_copies,
)
from app.domain.evidence import CROSSWALK_SOURCE, normalised
from app.domain.frameworks import Competency, Framework, Level, Scale, Status
from tests.unit.domain.builders import day, evidence

STATE = Framework(
    "state",
    "State Standards",
    competencies=(Competency("s1", "5.NF.1", "Fractions"), Competency("s2", "5.NF.2", "Words")),
)  # the default scale, 1-4
DISTRICT = Framework(
    "district",
    "District Priorities",
    scale=Scale(tuple(Level(v, f"L{v}") for v in (1, 2, 3, 4, 5)), 3),
    competencies=(
        Competency("d1", "DPS.1", "Fractions"),
        Competency("d2", "DPS.2", "Retired", status=Status.RETIRED),
    ),
)
VENDOR = Framework("vendor", "Item Bank", competencies=(Competency("v1", "IB.1", "Fractions"),))
FRAMEWORKS = {f.id: f for f in (STATE, DISTRICT, VENDOR)}
FRAMEWORK_OF = {c.id: f.id for f in FRAMEWORKS.values() for c in f.competencies}
# Identifiers (a CFItem identifier, or the id itself) -> (framework, competency).
OWNERS = {
    "urn:s1": ("state", "s1"),
    "s2": ("state", "s2"),
    "d1": ("district", "d1"),
    "d2": ("district", "d2"),
    "v1": ("vendor", "v1"),
}


def ids() -> Callable[[], str]:
    numbers = count(1)
    return lambda: f"copy-{next(numbers)}"


def test_an_exact_match_counts_both_ways_and_one_hop_only() -> None:
    # s1 = d1 (named by its CFItem identifier), d1 = v1: s1 reaches d1, not v1 through it.
    crosswalk = crosswalk_of([("urn:s1", "d1"), ("d1", "v1")], OWNERS)
    assert crosswalk.of("s1") == (ExactMatch("district", "d1"),)
    assert crosswalk.of("d1") == (ExactMatch("state", "s1"), ExactMatch("vendor", "v1"))
    assert crosswalk.of("v1") == (ExactMatch("district", "d1"),)


def test_a_match_inside_one_framework_or_to_an_unknown_node_is_left_out() -> None:
    crosswalk = crosswalk_of([("urn:s1", "s2"), ("s2", "elsewhere")], OWNERS)
    assert not crosswalk
    assert crosswalk.of("s1") == ()


def test_a_carried_score_keeps_its_share_of_the_top_of_its_scale() -> None:
    original = evidence(3, 1, competency_id="s1", ident="e1")
    copy = carried(original, STATE, DISTRICT, "d1", "c1")
    assert (copy.score, copy.max_score) == (3, 4.0)
    assert normalised(copy, DISTRICT.scale) == 3 / 4 * 5
    assert (copy.source, copy.source_id, copy.competency_id) == (CROSSWALK_SOURCE, "e1", "d1")
    assert copy.comment == "counted from 5.NF.1 (State Standards) via exactMatchOf"
    assert (copy.student_id, copy.observed_at, copy.id) == ("s1", day(1), "c1")
    # A result out of max_score keeps it: 7 of 10 is 3.5 of 5.
    out_of_ten = evidence(7, 1, competency_id="s1", max_score=10)
    assert normalised(carried(out_of_ten, STATE, DISTRICT, "d1", "c2"), DISTRICT.scale) == 3.5


def test_a_category_is_carried_only_where_the_other_framework_has_it() -> None:
    homework = EvidenceCategory("Homework", 1)
    original = replace(evidence(3, competency_id="s1"), category="Homework")
    assert carried(original, STATE, DISTRICT, "d1", "c").category is None
    with_it = replace(DISTRICT, categories=(homework,))
    assert carried(original, STATE, with_it, "d1", "c").category == "Homework"


def test_copies_are_made_changed_and_left_alone_with_their_original() -> None:
    crosswalk = Crosswalk({"s1": (ExactMatch("district", "d1"), ExactMatch("district", "d2"))})
    original = evidence(3, competency_id="s1", ident="e1")
    # d2 is retired: nothing is carried to it.
    made = carry_across([original], crosswalk, FRAMEWORKS, FRAMEWORK_OF, {}, ids(), now=day(9))
    [copy] = made.created
    assert (copy.competency_id, made.updated) == ("d1", [])
    assert carried_keys([original], crosswalk) == {
        (CROSSWALK_SOURCE, "e1", "d1"),
        (CROSSWALK_SOURCE, "e1", "d2"),
    }
    stored = {copy.key: replace(copy, seq=7)}
    resent = carry_across(
        [original], crosswalk, FRAMEWORKS, FRAMEWORK_OF, stored, ids(), now=day(9)
    )
    assert (resent.created, resent.updated) == ([], [])
    changed = replace(original, score=1)
    moved = carry_across([changed], crosswalk, FRAMEWORKS, FRAMEWORK_OF, stored, ids(), now=day(9))
    assert [(e.id, e.seq, e.score) for e in moved.updated] == [(copy.id, 7, 1)]
    assert moved.previous == [stored[copy.key]]


def test_a_copy_is_never_carried_again() -> None:
    crosswalk = Crosswalk({"d1": (ExactMatch("state", "s1"),)})
    copy = replace(evidence(3, competency_id="d1"), source=CROSSWALK_SOURCE)
    made = carry_across([copy], crosswalk, FRAMEWORKS, FRAMEWORK_OF, {}, ids(), now=day(9))
    assert (made.created, made.updated) == ([], [])


def test_copies_of_a_voided_original_are_voided_with_it() -> None:
    copy = replace(evidence(3, competency_id="d1", ident="c1"), source=CROSSWALK_SOURCE)
    copy = replace(copy, source_id="e1")
    done = voided_copies([copy], {"e1": day(5)})
    assert [e.voided_at for e in done.updated] == [day(5)]
    assert voided_copies(done.updated, {"e1": day(6)}).updated == []  # voided already
    assert voided_copies([copy], {"e2": day(5)}).updated == []  # another original's


def test_copies_between_two_competencies() -> None:
    on_s1 = evidence(3, competency_id="s1", ident="e1")
    on_v1 = evidence(2, competency_id="v1", ident="e2")
    to_d1 = replace(on_s1, id="c1", competency_id="d1", source=CROSSWALK_SOURCE, source_id="e1")
    from_v1 = replace(on_v1, id="c2", competency_id="d1", source=CROSSWALK_SOURCE, source_id="e2")
    assert copies_between([on_s1, on_v1, to_d1, from_v1], "s1", "d1") == [to_d1]
    assert copies_between([on_s1, on_v1, to_d1, from_v1], "d1", "s1") == [to_d1]


def test_the_explanation_names_the_crosswalk_of_counted_copies() -> None:
    note = "counted from 5.NF.1 (State Standards) via exactMatchOf"
    copy = replace(evidence(3, competency_id="d1"), source=CROSSWALK_SOURCE, comment=note)
    own = evidence(2, competency_id="d1")
    assert crosswalk_sentence([own]) == ""
    assert crosswalk_sentence([copy, own]) == f" 1 counted result from another framework: {note}."
    two = crosswalk_sentence([copy, replace(copy, id="x")])
    assert two == f" 2 counted results from another framework: {note}."


def test_an_assessment_the_source_sent_for_the_match_too_is_not_carried_on_top() -> None:
    crosswalk = Crosswalk({"s1": (ExactMatch("district", "d1"),)})
    original = evidence(3, competency_id="s1", ident="e1")  # source "lms", source_id "e1"
    same = {("lms", "e1", "d1"): "s1"}
    kept = carry_across(
        [original], crosswalk, FRAMEWORKS, FRAMEWORK_OF, {}, ids(), now=day(9), sent=same
    )
    assert (kept.created, kept.updated) == ([], [])
    # Another student's result under the same source_id is another assessment.
    other = {("lms", "e1", "d1"): "s2"}
    made = carry_across(
        [original], crosswalk, FRAMEWORKS, FRAMEWORK_OF, {}, ids(), now=day(9), sent=other
    )
    [copy] = made.created
    # Carried before the source sent it for d1 too: the copy is voided now.
    stored = {copy.key: copy}
    later = carry_across(
        [original], crosswalk, FRAMEWORKS, FRAMEWORK_OF, stored, ids(), now=day(9), sent=same
    )
    assert [(e.id, e.voided_at) for e in later.updated] == [(copy.id, day(9))]
