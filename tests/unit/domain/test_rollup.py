import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.evidence import Evidence
from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    Competency,
    Framework,
    Level,
    RollupKind,
    RollupRule,
    RollupScore,
    Status,
)
from app.domain.mastery.decision import ComputedDecision, MasteryStatus, decide
from app.domain.mastery.explanation import explain
from app.domain.mastery.rollup import (
    children_with_decisions,
    decide_all,
    decide_from_children,
    roll_up,
)

from .builders import evidence

S = MasteryStatus
LATEST = Calculation(CalculationMethod.LATEST)


MEAN_RULE = RollupRule(score=RollupScore.MEAN)  # the framework default, resolved in decisions


def framework(rule: RollupRule = RollupRule(), retired_child: bool = False) -> Framework:
    # math ── alg (rule) ── alg.0, alg.1, [alg.2 retired]
    #      └─ geo
    kids = [
        Competency("alg.0", "A.0", "a0", parent_id="alg", position=0),
        Competency("alg.1", "A.1", "a1", parent_id="alg", position=1),
    ]
    if retired_child:
        kids.append(
            Competency("alg.2", "A.2", "a2", parent_id="alg", position=2, status=Status.RETIRED)
        )
    return Framework(
        id="f",
        title="Math",
        calculation=LATEST,
        competencies=(
            Competency("math", "M", "Mathematics"),
            Competency("alg", "A", "Algebra", parent_id="math", rollup=rule),
            *kids,
            Competency("geo", "G", "Geometry", parent_id="math", position=1),
        ),
    )


def leaf(status: S, score: float | None, count: int = 1) -> ComputedDecision:
    level = None if score is None else Level(int(score), "x")
    return ComputedDecision(status, score, level, count, LATEST)


MASTERED = leaf(S.MASTERED, 3.5, 2)
NOT_YET = leaf(S.NOT_YET, 2.0, 3)


def test_all_children_mastered_is_the_default_rule() -> None:
    f = framework()
    decision = decide_from_children(f, "alg", {"alg.0": MASTERED, "alg.1": NOT_YET})
    # mean(3.5, 2.0) = 2.75; one of two mastered, all needed; 2 + 3 results below.
    assert decision == ComputedDecision(S.NOT_YET, 2.75, Level(2, "Developing"), 5, None, MEAN_RULE)
    both = decide_from_children(f, "alg", {"alg.0": MASTERED, "alg.1": MASTERED})
    assert (both.status, both.score) == (S.MASTERED, 3.5)


@pytest.mark.parametrize(
    ("rule", "status"),
    [
        (RollupRule(RollupKind.AT_LEAST, k=1), S.MASTERED),
        (RollupRule(RollupKind.AT_LEAST, k=2), S.NOT_YET),
        (RollupRule(RollupKind.PERCENT, percent=50), S.MASTERED),  # 1 * 100 >= 50 * 2
        (RollupRule(RollupKind.PERCENT, percent=51), S.NOT_YET),  # 100 < 102
    ],
)
def test_at_least_and_percent_rules(rule: RollupRule, status: S) -> None:
    f = framework(rule)
    assert decide_from_children(f, "alg", {"alg.0": MASTERED, "alg.1": NOT_YET}).status is status


def test_a_child_without_a_decision_counts_as_no_evidence() -> None:
    f = framework()
    decision = decide_from_children(f, "alg", {"alg.0": MASTERED})
    # Only alg.0 has a score, but alg.1 is a child not mastered: all is not met.
    assert (decision.status, decision.score, decision.evidence_count) == (S.NOT_YET, 3.5, 2)


def test_no_child_with_evidence_is_no_evidence() -> None:
    decision = decide_from_children(framework(), "alg", {})
    assert decision == ComputedDecision(S.NO_EVIDENCE, None, None, 0, None, MEAN_RULE)


def test_children_with_evidence_but_no_score_give_not_yet_without_a_score() -> None:
    # n_mastery short of n: results exist, no score. The parent is not "no evidence".
    short = ComputedDecision(S.NOT_YET, None, None, 4, Calculation(CalculationMethod.N_MASTERY))
    decision = decide_from_children(framework(), "alg", {"alg.0": short})
    assert (decision.status, decision.score, decision.evidence_count) == (S.NOT_YET, None, 4)


def test_retired_children_take_no_part() -> None:
    f = framework(retired_child=True)
    decision = decide_from_children(
        f, "alg", {"alg.0": MASTERED, "alg.1": MASTERED, "alg.2": NOT_YET}
    )
    assert (decision.status, decision.score, decision.evidence_count) == (S.MASTERED, 3.5, 4)


def test_a_change_cascades_to_the_root_and_only_changes_are_returned() -> None:
    f = framework()
    current = decide_all(f, {})
    assert {d.status for d in current.values()} == {S.NO_EVIDENCE}
    current["alg.0"] = MASTERED
    changed = roll_up(f, current, ["alg.0"])
    # alg: mean 3.5, alg.1 not mastered. math: children alg (3.5, not yet) and geo (none).
    assert changed == {
        "alg": ComputedDecision(S.NOT_YET, 3.5, Level(3, "Proficient"), 2, None, MEAN_RULE),
        "math": ComputedDecision(S.NOT_YET, 3.5, Level(3, "Proficient"), 2, None, MEAN_RULE),
    }
    current.update(changed)
    # geo gets a result that changes neither alg nor math's score: math's count changes.
    current["geo"] = leaf(S.MASTERED, 3.5, 1)
    changed = roll_up(f, current, ["geo"])
    assert list(changed) == ["math"]
    assert changed["math"].evidence_count == 3


def test_a_parent_with_its_own_evidence_is_decided_like_a_leaf() -> None:
    f = framework()
    current = decide_all(f, {})
    current["alg.0"] = MASTERED
    current.update(roll_up(f, current, ["alg.0"]))
    # Now alg gets a result of its own: it stays as decided from it, not from alg.0.
    own = leaf(S.NOT_YET, 1.0, 1)
    current["alg"] = own
    changed = roll_up(f, current, ["alg"])
    assert "alg" not in changed
    # math rolls up from alg's own decision: mean of alg's 1.0 only (geo has none).
    assert (changed["math"].score, changed["math"].status) == (1.0, S.NOT_YET)
    # A later change below alg does not reach past it.
    current.update(changed)
    current["alg.1"] = MASTERED
    assert roll_up(f, current, ["alg.1"]) == {}


def test_a_parent_whose_own_evidence_is_voided_is_rolled_up_again() -> None:
    f = framework()
    voided = decide(f.policy_for("alg"), [evidence(4, voided=True, competency_id="alg")])
    assert voided.status is S.NO_EVIDENCE
    changed = roll_up(f, {"alg": voided, "alg.0": MASTERED, "alg.1": MASTERED}, ["alg"])
    assert changed["alg"].rollup == MEAN_RULE
    assert changed["alg"].status is S.MASTERED


def test_decide_all_decides_leaves_and_rollups_in_framework_order() -> None:
    f = framework(RollupRule(RollupKind.AT_LEAST, k=1))
    evs = {
        "alg.0": [evidence(4, 0, competency_id="alg.0")],
        "geo": [evidence(2, 0, competency_id="geo")],
    }
    decisions = decide_all(f, evs)
    assert list(decisions) == ["math", "alg", "alg.0", "alg.1", "geo"]
    assert decisions["alg"].status is S.MASTERED  # at least 1 of alg.0, alg.1
    assert decisions["alg"].score == 4.0
    # math: all of alg (mastered) and geo (not yet, 2.0): not yet, mean 3.0.
    assert (decisions["math"].status, decisions["math"].score) == (S.NOT_YET, 3.0)


IDS = ["math", "alg", "alg.0", "alg.1", "geo"]


@given(
    st.lists(
        st.tuples(st.sampled_from(IDS), st.integers(0, 40).map(lambda k: k / 10)),
        max_size=12,
    ),
    st.sampled_from([RollupRule(), RollupRule(RollupKind.AT_LEAST, k=1)]),
)
def test_rolling_up_each_change_equals_deciding_everything(
    results: list[tuple[str, float]], rule: RollupRule
) -> None:
    f = framework(rule)
    history: dict[str, list[Evidence]] = {}
    current = decide_all(f, history)
    for seq, (cid, score) in enumerate(results):
        history.setdefault(cid, []).append(evidence(score, seq, seq=seq, competency_id=cid))
        current[cid] = decide(f.policy_for(cid), history[cid])
        current.update(roll_up(f, current, [cid]))
        assert current == decide_all(f, history)


def test_a_rolled_up_decision_is_explained_from_its_children() -> None:
    f = framework(retired_child=True)
    evs = {"alg.0": [evidence(4, 0, competency_id="alg.0")]}
    decisions = decide_all(f, evs)
    kids = children_with_decisions(f, "alg", decisions)
    assert [(c.id, d.status if d else None) for c, d in kids] == [
        ("alg.0", S.MASTERED),
        ("alg.1", S.NO_EVIDENCE),
    ]
    explanation = explain(f.policy_for("alg"), [], decisions["alg"], children=kids)
    assert explanation.summary == (
        "1 of its 2 parts is mastered and all are needed; the average of their scores is 4.00."
    )
