"""A parent's score by the kind chosen, and what its children show (overrides included).

Every value is worked by hand; the default scale is 1-4 with threshold 3."""

from datetime import UTC, datetime

import pytest

from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    Competency,
    Framework,
    Level,
    RollupRule,
    RollupScore,
)
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.mastery.override import Override
from app.domain.mastery.rollup import decide_from_children, roll_up

S = MasteryStatus
LATEST = Calculation(CalculationMethod.LATEST)
SET_AT = datetime(2026, 10, 1, tzinfo=UTC)


def tree(
    framework_kind: RollupScore = RollupScore.MEAN, own: RollupScore | None = None
) -> Framework:
    # p ── a (weight 1, unset), b (weight 2), c (weight 1)
    return Framework(
        id="f",
        title="F",
        calculation=LATEST,
        rollup_score=framework_kind,
        competencies=(
            Competency("p", "P", "parent", rollup=RollupRule(score=own)),
            Competency("a", "P.A", "a", parent_id="p", position=0),
            Competency("b", "P.B", "b", parent_id="p", position=1, weight=2),
            Competency("c", "P.C", "c", parent_id="p", position=2, weight=1),
        ),
    )


def leaf(score: float) -> ComputedDecision:
    status = S.MASTERED if score >= 3 else S.NOT_YET
    return ComputedDecision(status, score, Level(int(score), "x"), 1, LATEST)


CHILDREN = {"a": leaf(2.0), "b": leaf(3.5), "c": leaf(4.0)}


@pytest.mark.parametrize(
    ("kind", "score"),
    [
        (RollupScore.MEAN, 3.17),  # (2 + 3.5 + 4) / 3 = 3.1666... -> 3.17
        (RollupScore.LOWEST, 2.0),
        (RollupScore.HIGHEST, 4.0),
        (RollupScore.WEIGHTED, 3.25),  # (1*2 + 2*3.5 + 1*4) / (1 + 2 + 1) = 13 / 4
    ],
)
def test_each_score_kind_by_hand(kind: RollupScore, score: float) -> None:
    by_framework = decide_from_children(tree(kind), "p", CHILDREN)
    by_parent = decide_from_children(tree(RollupScore.MEAN, own=kind), "p", CHILDREN)
    for decision in (by_framework, by_parent):
        assert decision.score == score
        assert decision.rollup == RollupRule(score=kind)
        # a (2.0) is not mastered and the rule is all children: the kind moves the score only.
        assert decision.status is S.NOT_YET
        assert decision.evidence_count == 3


def test_a_weighted_score_counts_only_the_children_with_a_score() -> None:
    # c has none: (1*2 + 2*3.5) / (1 + 2) = 9 / 3 = 3.
    children = {"a": leaf(2.0), "b": leaf(3.5)}
    decision = decide_from_children(tree(RollupScore.WEIGHTED), "p", children)
    assert decision.score == 3.0


def test_the_parent_counts_what_its_children_show() -> None:
    teacher = {
        "a": Override(Level(4, "Advanced"), None, "Portfolio", None, SET_AT, "ms-x"),
    }
    decision = decide_from_children(tree(), "p", CHILDREN, teacher)
    # a shows Advanced (4) and mastered: (4 + 3.5 + 4) / 3 = 3.8333... -> 3.83, all mastered.
    assert (decision.status, decision.score) == (S.MASTERED, 3.83)
    status_only = {"a": Override(None, S.MASTERED, "Oral exam", None, SET_AT, "ms-x")}
    decision = decide_from_children(tree(), "p", CHILDREN, status_only)
    # A status override keeps the engine's score: 3.17 as without it, but all three mastered.
    assert (decision.status, decision.score) == (S.MASTERED, 3.17)


def test_an_override_on_a_child_without_evidence_decides_the_parent() -> None:
    teacher = {"a": Override(None, S.MASTERED, "Observed", None, SET_AT, "ms-x")}
    decision = decide_from_children(tree(), "p", {}, teacher)
    # a mastered by the teacher, b and c nothing: decided (not no_evidence), not all mastered.
    assert (decision.status, decision.score, decision.evidence_count) == (S.NOT_YET, None, 0)


def test_an_overridden_child_rolls_its_parent_up_again() -> None:
    f = tree()
    current = {**CHILDREN, "p": decide_from_children(f, "p", CHILDREN)}
    assert current["p"].status is S.NOT_YET
    teacher = {"a": Override(None, S.MASTERED, "Oral exam", None, SET_AT, "ms-x")}
    changed = roll_up(f, current, {"a"}, teacher)
    assert set(changed) == {"p"}
    assert changed["p"].status is S.MASTERED
