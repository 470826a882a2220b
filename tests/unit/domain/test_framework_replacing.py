"""Replacing a framework whole (PUT, or a merge patch applied): competencies matched by id, the
CASE fields the REST shape does not carry kept, a left-out competency refused; a simulation's
candidate may differ in policy only."""

from dataclasses import replace
from itertools import count

import pytest

from app.domain.errors import Invalid
from app.domain.framework_authoring import build_framework
from app.domain.framework_changes import policy_candidate, replace_framework
from app.domain.framework_commands import CompetencySpec, CreateFramework
from app.domain.frameworks import Calculation, CalculationMethod, Framework


def original() -> Framework:
    tree = CreateFramework(
        title="Math",
        id="fw",
        competencies=(
            CompetencySpec("A", "a", id="a", children=(CompetencySpec("A1", "a1", id="a1"),)),
        ),
    )
    built = build_framework(tree, lambda: "unused")
    a1 = replace(built.competency("a1"), case={"uri": "https://case.example/a1"})
    return replace(
        built,
        case={"uri": "https://case.example/doc"},
        competencies=(built.competency("a"), a1),
    )


def test_a_replacement_moves_by_nesting_and_keeps_case_fields() -> None:
    made = (f"new-{n}" for n in count(1))
    stated = CreateFramework(
        title="Maths",
        competencies=(
            CompetencySpec("A", "a", id="a"),
            CompetencySpec("A1", "a1 moved to the root", id="a1", position=5),
            CompetencySpec("B", "b"),
        ),
    )
    new = replace_framework(original(), stated, lambda: next(made))
    assert new.title == "Maths"
    assert [(c.id, c.parent_id, c.position) for c in new.ordered] == [
        ("a", None, 0),
        ("new-1", None, 2),
        ("a1", None, 5),
    ]
    assert new.competency("a1").case == {"uri": "https://case.example/a1"}
    assert new.case == {"uri": "https://case.example/doc"}


def test_a_left_out_competency_and_another_id_are_refused() -> None:
    stated = CreateFramework(
        title="Math", id="other", competencies=(CompetencySpec("A", "a", id="a"),)
    )
    with pytest.raises(Invalid) as refused:
        replace_framework(original(), stated, lambda: "unused")
    assert [(p.loc, p.msg) for p in refused.value.problems] == [
        (("id",), "must be 'fw': a framework's id does not change"),
        (
            ("competencies",),
            "leaves out competency 'a1': retire it (status retired) rather than remove it",
        ),
    ]


def test_a_candidate_differs_in_policy_only() -> None:
    current = original()
    highest = replace(current, calculation=Calculation(CalculationMethod.HIGHEST), min_evidence=2)
    assert policy_candidate(current, highest) is highest
    with pytest.raises(Invalid) as refused:
        policy_candidate(current, replace(current, title="Other"))
    assert [(p.loc, p.msg) for p in refused.value.problems] == [
        (("title",), "a simulation compares policies only: change it with PATCH")
    ]
    a1 = replace(current.competency("a1"), parent_id=None)
    with pytest.raises(Invalid) as tree:
        policy_candidate(current, replace(current, competencies=(current.competency("a"), a1)))
    assert [(p.loc, p.msg) for p in tree.value.problems] == [
        (("competencies",), "a simulation compares policies only: change them with PATCH")
    ]
