"""Categories, weights and marks: hand-worked examples, a reference written from the definition
(JumpRope's and PowerTeacher Pro's category weighting: the mean per category, then the
categories with evidence weighed by their weights, renormalised), and incremental = full."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.categories import EvidenceCategory, Mark
from app.domain.errors import Invalid
from app.domain.evidence import Evidence, NotCounted
from app.domain.frameworks import DEFAULT_SCALE, Calculation, CalculationMethod, MasteryPolicy
from app.domain.mastery.decision import DecisionState, absorb, advance, decide
from app.domain.mastery.explanation import explain
from app.domain.mastery.next_score import next_score_to_master

from .builders import evidence

M = CalculationMethod
SPLIT = (
    EvidenceCategory("formative", 10),
    EvidenceCategory("practice", 20),
    EvidenceCategory("summative", 70),
)


def graded(
    score: float,
    when: int,
    category: str | None = None,
    weight: float | None = None,
    mark: Mark | None = None,
) -> Evidence:
    """A result on day `when` (arrival order the same) in a category, with a weight or mark."""
    plain = evidence(score, when, seq=when, ident=f"e{when}")
    return replace(plain, category=category, weight=weight, mark=mark)


def weighted_policy(
    method: str = "average",
    categories: tuple[EvidenceCategory, ...] = SPLIT,
    *,
    n: int | None = None,
    missing_level: float | None = None,
) -> MasteryPolicy:
    return MasteryPolicy(
        DEFAULT_SCALE,
        Calculation(M(method), None, n),
        1,
        False,
        categories,
        missing_level,
    )


def test_a_10_20_70_split_weighs_each_category_mean() -> None:
    history = [
        graded(1, 0, "formative"),
        graded(3, 1, "formative"),  # formative mean 2
        graded(2, 2, "practice"),
        graded(4, 3, "practice"),  # practice mean 3
        graded(4, 4, "summative"),  # summative mean 4
    ]
    # (10*2 + 20*3 + 70*4) / 100 = (20 + 60 + 280) / 100 = 3.6; the plain mean is 14/5 = 2.8.
    decision = decide(weighted_policy(), history)
    assert decision.score == 3.6
    assert (
        decide(weighted_policy(categories=()), [replace(e, category=None) for e in history]).score
        == 2.8
    )


def test_only_categories_with_evidence_count_and_their_weights_are_renormalised() -> None:
    history = [graded(2, 0, "practice"), graded(4, 1, "summative")]
    # (20*2 + 70*4) / (20 + 70) = 320 / 90 = 3.5555... -> 3.56
    assert decide(weighted_policy(), history).score == 3.56


def test_item_weights_weigh_within_a_category_and_without_categories() -> None:
    plain = [graded(2, 0, weight=1), graded(4, 1, weight=3)]
    # (1*2 + 3*4) / (1 + 3) = 14 / 4 = 3.5
    assert decide(weighted_policy(categories=()), plain).score == 3.5
    two = (EvidenceCategory("practice", 20), EvidenceCategory("summative", 80))
    history = [
        graded(4, 0, "summative", weight=2),
        graded(1, 1, "summative"),  # summative (2*4 + 1*1) / 3 = 3
        graded(2, 2, "practice"),  # practice 2
    ]
    # (20*2 + 80*3) / 100 = 280 / 100 = 2.8
    assert decide(weighted_policy(categories=two), history).score == 2.8


def test_the_explanation_shows_each_results_share_and_the_category_weights() -> None:
    chosen = weighted_policy()
    history = [
        graded(1, 0, "formative"),
        graded(3, 1, "formative"),
        graded(2, 2, "practice"),
        graded(4, 3, "practice"),
        graded(4, 4, "summative"),
    ]
    explanation = explain(chosen, history, decide(chosen, history))
    # formative: 10/100 * 1/2 = .05 each; practice 20/100 * 1/2 = .1 each; summative .7.
    assert [line.weight for line in explanation.evidence] == pytest.approx(
        [0.05, 0.05, 0.1, 0.1, 0.7]
    )
    assert [line.category for line in explanation.evidence] == [
        "formative",
        "formative",
        "practice",
        "practice",
        "summative",
    ]
    assert explanation.summary.endswith(
        "(weighted by category: formative 10, practice 20, summative 70)."
    )


def test_a_category_that_does_not_count_is_listed_but_never_decides() -> None:
    categories = (EvidenceCategory("formative", 0, counted=False), EvidenceCategory("summative", 1))
    chosen = weighted_policy(categories=categories)
    history = [graded(4, 0, "formative"), graded(2, 1, "summative")]
    assert decide(chosen, history).score == 2.0
    lines = explain(chosen, history, decide(chosen, history)).evidence
    assert [(line.counted, line.not_counted_because) for line in lines] == [
        (False, NotCounted.CATEGORY_NOT_COUNTED),
        (True, None),
    ]


def test_habits_of_work_are_decided_apart_from_academics() -> None:
    categories = (
        EvidenceCategory("summative", 1),
        EvidenceCategory("work habits", 1, habits_of_work=True),
    )
    chosen = weighted_policy(categories=categories)
    history = [graded(4, 0, "summative"), graded(1, 1, "work habits"), graded(2, 2, "work habits")]
    assert decide(chosen, history).score == 4.0
    # Habits: (1 + 2) / 2 = 1.5, the summative result not counted there.
    habits = chosen.for_habits_of_work()
    assert decide(habits, history).score == 1.5
    lines = explain(habits, history, decide(habits, history)).evidence
    assert [line.not_counted_because for line in lines] == [NotCounted.ACADEMIC, None, None]


def test_with_only_habits_categories_the_academic_decision_has_no_evidence() -> None:
    chosen = weighted_policy(categories=(EvidenceCategory("habits", 1, habits_of_work=True),))
    history = [graded(3, 0, "habits")]
    decision, state = decide(chosen, history), absorb(chosen, history)
    assert (decision.status.value, decision.score) == ("no_evidence", None)
    assert next_score_to_master(decision, chosen, state) is None
    assert decide(chosen.for_habits_of_work(), history).score == 3.0


def test_a_missing_mark_counts_as_the_lowest_level_or_the_frameworks_setting() -> None:
    history = [graded(4, 0), graded(0, 1, mark=Mark.MISSING)]
    # Lowest level of 1..4 is 1: (4 + 1) / 2 = 2.5
    assert decide(weighted_policy(categories=()), history).score == 2.5
    # Missing counted as 2: (4 + 2) / 2 = 3
    assert decide(weighted_policy(categories=(), missing_level=2), history).score == 3.0


def test_exempt_and_incomplete_results_are_listed_and_not_counted() -> None:
    chosen = weighted_policy(categories=())
    history = [graded(2, 0), graded(0, 1, mark=Mark.EXEMPT), graded(4, 2, mark=Mark.INCOMPLETE)]
    decision = decide(chosen, history)
    assert (decision.score, decision.evidence_count) == (2.0, 1)
    lines = explain(chosen, history, decision).evidence
    assert [(line.mark, line.not_counted_because) for line in lines] == [
        (None, None),
        (Mark.EXEMPT, NotCounted.EXEMPT),
        (Mark.INCOMPLETE, NotCounted.INCOMPLETE),
    ]


def test_most_recent_average_and_n_mastery_weigh_the_results_they_read() -> None:
    two = (EvidenceCategory("practice", 20), EvidenceCategory("summative", 80))
    history = [graded(1, 0, "summative"), graded(3, 1, "practice"), graded(4, 2, "summative")]
    # Last 2: practice 3, summative 4: (20*3 + 80*4) / 100 = 3.8
    assert decide(weighted_policy("most_recent_average", two, n=2), history).score == 3.8
    # At or above 3: practice 3, summative 4 (the 1 is not): again 3.8, and 2 of them reach n=2.
    assert decide(weighted_policy("n_mastery", two, n=2), history).score == 3.8
    assert decide(weighted_policy("n_mastery", two, n=3), history).score is None


def test_the_next_score_to_master_assumes_a_result_in_the_heaviest_category() -> None:
    chosen = weighted_policy()
    history = [graded(2, 0, "practice")]
    decision, state = decide(chosen, history), absorb(chosen, history)
    # A summative x masters when (20*2 + 70*x) / 90 rounds to 3.00 or more: (40 + 70x) / 90
    # >= 2.995 <=> x >= 229.55 / 70 = 3.2792..., so the least step of 0.01 is 3.28
    # (3.27 gives 268.9 / 90 = 2.9878 -> 2.99).
    assert next_score_to_master(decision, chosen, state) == pytest.approx(3.28)


def test_categories_are_validated_listing_every_problem() -> None:
    from app.domain.frameworks import Framework

    with pytest.raises(Invalid) as raised:
        Framework(
            id="f",
            title="F",
            categories=(
                EvidenceCategory("a", 0),
                EvidenceCategory("a", 1),
                EvidenceCategory(" ", -1, counted=False),
            ),
            missing_level=9,
        )
    assert {(p.loc, p.msg) for p in raised.value.problems} == {
        (("categories", 0, "weight"), "must be above 0 for a counted category"),
        (("categories", 1, "name"), "repeats the category 'a'"),
        (("categories", 2, "name"), "must not be empty"),
        (("categories", 2, "weight"), "must be a finite number at or above 0"),
        (("missing_level",), "must be a number from 1 to 4"),
    }


# --- against a reference written from the definition ------------------------------------

NAMES = ("formative", "practice", "summative")


def reference(method: str, n: int | None, points: list[tuple[float, str, float]]) -> float | None:
    """JumpRope/PowerTeacher Pro: per category Σw·x/Σw, then Σ W_c·mean_c / Σ W_c over the
    categories with evidence (n_mastery: the results at or above 3, at least n of them;
    most_recent_average: the last n)."""
    if method == "n_mastery":
        points = [p for p in points if p[0] >= 3]
        if len(points) < (n or 1):
            return None
    if method == "most_recent_average":
        points = points[-(n or 1) :]
    if not points:
        return None
    by: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for x, c, w in points:
        by[c].append((x, w))
    big = {c.name: c.weight for c in SPLIT}
    means = {
        c: math.fsum(w * x for x, w in xs) / math.fsum(w for _, w in xs) for c, xs in by.items()
    }
    return math.fsum(big[c] * m for c, m in means.items()) / math.fsum(big[c] for c in means)


histories = st.lists(
    st.tuples(
        st.integers(0, 40).map(lambda k: k / 10),
        st.sampled_from(NAMES),
        st.sampled_from([0.5, 1.0, 2.0, 3.0]) | st.floats(0.01, 10),
    ),
    max_size=15,
)
methods = st.sampled_from([("average", None), ("most_recent_average", 3), ("n_mastery", 2)])


@given(histories, methods)
def test_the_weighted_means_agree_with_the_reference(
    points: list[tuple[float, str, float]], method: tuple[str, int | None]
) -> None:
    name, n = method
    history = [graded(x, i, c, w) for i, (x, c, w) in enumerate(points)]
    from app.domain.mastery.weighting import score_of

    got = score_of(weighted_policy(name, n=n), history)
    expected = reference(name, n, points)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected, rel=1e-12, abs=1e-12)


@given(histories, methods, st.lists(st.integers(1, 4), max_size=6))
def test_incremental_state_equals_the_full_recompute_bit_for_bit(
    points: list[tuple[float, str, float]], method: tuple[str, int | None], cuts: list[int]
) -> None:
    name, n = method
    chosen = weighted_policy(name, n=n)
    history = [graded(x, i, c, w) for i, (x, c, w) in enumerate(points)]
    state = absorb(chosen, [])
    start = 0
    for size in [*cuts, len(history)]:
        batch = history[start : start + size]
        start += len(batch)
        # Stored as JSON between batches, as the decision row keeps it.
        state = DecisionState.from_dict(json.loads(json.dumps(state.to_dict())))
        advanced = advance(chosen, state, batch)
        assert advanced is not None
        decision, state = advanced
        assert decision == decide(chosen, history[:start])
        assert state.series.score() == absorb(chosen, history[:start]).series.score()


def test_a_state_built_under_other_categories_is_recomputed() -> None:
    history = [graded(2, 0, "practice")]
    state = absorb(weighted_policy(), history)
    other = weighted_policy(categories=(EvidenceCategory("practice", 1),))
    assert not state.fits(other)
    assert advance(other, state, [graded(3, 1, "practice")]) is None


@given(histories, methods, st.integers(0, 40).map(lambda k: k / 10))
def test_score_after_is_the_score_of_the_state_with_one_more_bit_for_bit(
    points: list[tuple[float, str, float]], method: tuple[str, int | None], x: float
) -> None:
    name, n = method
    chosen = weighted_policy(name, n=n)
    state = absorb(chosen, [graded(v, i, c, w) for i, (v, c, w) in enumerate(points)]).series
    assert state.score_after(x) == state.add(x).score()
