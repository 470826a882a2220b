import math
from datetime import datetime

import pytest
from hypothesis import given

from app.domain.evidence import Evidence, EvidenceKind, NotCounted
from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    Competency,
    Level,
    MasteryPolicy,
    ModeTie,
    RollupKind,
    RollupRule,
)
from app.domain.mastery.decision import ComputedDecision, MasteryStatus, decide, round_score
from app.domain.mastery.explanation import explain
from app.domain.mastery.methods import weights
from app.domain.mastery.override import Override, ShownDecision, effective, shown_with
from app.domain.scales import DEFAULT_SCALE as SCALE

from .builders import day, evidence, histories, policy, series_evidence

S = MasteryStatus


def summary(chosen: MasteryPolicy, evs: list[Evidence], as_of: datetime | None = None) -> str:
    return explain(chosen, evs, decide(chosen, evs, as_of), as_of=as_of).summary


def test_the_issues_example_sentence() -> None:
    # d: 1; 1.65; 2.5275; 3.484625; .65*3.5 + .35*3.484625 = 3.49461875 → 3.49.
    # The last 4 results are 2, 3, 4, 3.5: three reach Proficient.
    evs = series_evidence([1, 2, 3, 4, 3.5])
    assert summary(policy("standard_decaying_average"), evs) == (
        "3 of the last 4 results were at or above Proficient; "
        "the standard decaying average of 3.49 is above the threshold of 3."
    )


def test_every_row_is_listed_with_why_it_does_not_count() -> None:
    evs = [
        evidence(2, 0, seq=0, ident="a"),
        evidence(12, 1, seq=1, ident="b", max_score=16),  # 12/16 * 4 = 3.0
        evidence(1, 2, seq=2, ident="v", voided=True),
        evidence(4, 3, seq=3, ident="f", kind=EvidenceKind.FORMATIVE),
        evidence(4, 4, seq=4, ident="c"),
        evidence(1, 9, seq=5, ident="late"),
    ]
    chosen = policy("standard_decaying_average")
    explanation = explain(chosen, evs, decide(chosen, evs, day(5)), as_of=day(5))
    rows = [
        (r.id, r.normalized_score, r.counted, r.not_counted_because, r.weight)
        for r in explanation.evidence
    ]
    # Counted 2, 3, 4: weights .35^2 = .1225, .65*.35 = .2275, .65.
    assert rows == [
        ("a", 2.0, True, None, pytest.approx(0.1225)),
        ("b", 3.0, True, None, pytest.approx(0.2275)),
        ("v", 1.0, False, NotCounted.VOIDED, None),
        ("f", 4.0, False, NotCounted.FORMATIVE, None),
        ("c", 4.0, True, None, pytest.approx(0.65)),
        ("late", 1.0, False, NotCounted.AFTER_AS_OF, None),
    ]
    # .1225*2 + .2275*3 + .65*4 = 0.245 + 0.6825 + 2.6 = 3.5275
    assert explanation.unrounded_score == pytest.approx(3.5275)
    assert explanation.evidence[1].as_dict() == {
        "id": "b",
        "score": 12,
        "max_score": 16,
        "normalized_score": 3.0,
        "observed_at": "2025-09-02T08:00:00+00:00",
        "kind": "summative",
        "counted": True,
        "not_counted_because": None,
        "weight": pytest.approx(0.2275),
        "category": None,
        "mark": None,
        "crosswalk": None,
    }


def test_methods_that_are_not_weighted_sums_show_no_weights() -> None:
    chosen = policy("power_law")
    evs = series_evidence([1, 3, 2, 4])
    explanation = explain(chosen, evs, decide(chosen, evs))
    assert [r.weight for r in explanation.evidence] == [None] * 4
    assert explanation.summary == (
        "2 of the 4 results were at or above Proficient; "
        "the power-law trend of 3.66 is above the threshold of 3."
    )


@pytest.mark.parametrize(
    ("chosen", "scores", "sentence"),
    [
        (
            policy("latest"),
            [2.5],
            "The only result was below Proficient; "
            "the latest score of 2.50 is below the threshold of 3.",
        ),
        (
            policy("most_recent_average"),
            [1, 3, 2, 4],
            # (3 + 2 + 4) / 3 = 3
            "2 of the last 3 results were at or above Proficient; "
            "the average of the last 3 results is 3.00, at the threshold of 3.",
        ),
        (
            policy("mode"),
            [3, 3.5, 2, 2.4],
            # floors 3 3 2 2: the tie goes to 2, seen last
            "2 of the 4 results were at or above Proficient; "
            "the most frequent level is Developing, below the threshold of 3.",
        ),
        (
            policy("n_mastery", n=2),
            [3.5, 2, 1],
            "1 of the 3 results was at or above Proficient, and 2 are needed.",
        ),
        (
            policy("n_mastery", n=2),
            [3.5, 2, 1, 3],
            "2 of the 4 results were at or above Proficient, and 2 are needed; "
            "their average is 3.25.",
        ),
        (
            policy("mode", n=3, tie=ModeTie.HIGHEST),
            [1, 1, 1, 3, 3],
            # the last 3 are 1 3 3: level 3 most often
            "2 of the last 3 results were at or above Proficient; "
            "the most frequent level is Proficient, at the threshold of 3.",
        ),
        (
            policy("best_fit"),
            [1, 2, 3],
            # the line 0 + 1·k fits exactly (squared error 0): 3 at k = 3
            "1 of the 3 results was at or above Proficient; the best-fitting trend "
            "(a line rising 1.00 per result) is 3.00, at the threshold of 3.",
        ),
        (
            policy("max_of_average_and_power_law"),
            [4, 3, 2, 1],
            # average 2.5; power law 1.28 (the issue's example)
            "2 of the 4 results were at or above Proficient; the higher of the average (2.50) "
            "and the power-law trend (1.28) is 2.50, below the threshold of 3.",
        ),
        (
            policy("average", min_evidence=3),
            [4, 3],
            "There are 2 of the 3 results needed so far; the average so far is 3.50.",
        ),
        (
            policy("median", scale=policy("median").scale.with_threshold(2.5)),
            [2, 3],
            "1 of the 2 results was at or above 2.5; "
            "the median of 2.50 is at the threshold of 2.5.",
        ),
    ],
)
def test_summary_sentences(chosen: MasteryPolicy, scores: list[float], sentence: str) -> None:
    assert summary(chosen, series_evidence(scores)) == sentence


def test_no_evidence_sentences() -> None:
    chosen = policy("average")
    assert summary(chosen, []) == "There are no results for this yet."
    evs = [
        evidence(3, 0, seq=0, voided=True),
        evidence(3, 1, seq=1, kind=EvidenceKind.FORMATIVE),
        evidence(3, 2, seq=2, kind=EvidenceKind.FORMATIVE),
    ]
    assert summary(chosen, evs) == "No results count yet (1 voided, 2 formative)."
    assert summary(chosen, series_evidence([3]), as_of=day(-1)) == (
        "No results count yet (1 observed later)."
    )


def test_an_override_is_explained_beside_what_the_results_give() -> None:
    chosen = policy("average")
    evs = series_evidence([2, 2.8])
    computed = decide(chosen, evs)  # 2.4, not yet
    level_override = Override(Level(3, "Proficient"), None, "Oral exam", day(20), day(10), "t")
    shown = effective(computed, level_override, day(11), chosen.scale)
    assert explain(chosen, evs, computed, shown=shown).summary == (
        "A teacher set this to Proficient (mastered) until 2025-09-21; "
        "from the results alone it is not yet mastered, with a score of 2.40."
    )
    status_override = Override(None, S.MASTERED, "Project", None, day(10), "t")
    shown = effective(decide(chosen, []), status_override, day(11), chosen.scale)
    assert explain(chosen, [], decide(chosen, []), shown=shown).summary == (
        "A teacher marked this mastered; from the results alone it is without counted results."
    )


def children(
    *pairs: tuple[str, ComputedDecision | None],
) -> list[tuple[Competency, ShownDecision | None]]:
    return [
        (Competency(cid, cid.upper(), cid), None if d is None else shown_with(d, None, SCALE))
        for cid, d in pairs
    ]


LATEST = Calculation(CalculationMethod.LATEST)


def test_rolled_up_decisions_are_explained_by_their_children() -> None:
    mastered = ComputedDecision(S.MASTERED, 3.5, Level(3, "Proficient"), 2, LATEST)
    not_yet = ComputedDecision(S.NOT_YET, 2.0, Level(2, "Developing"), 1, LATEST)
    parent = ComputedDecision(S.NOT_YET, 2.75, Level(2, "Developing"), 3, None, RollupRule())
    explanation = explain(
        policy("latest"), [], parent, children=children(("a", mastered), ("b", not_yet))
    )
    assert explanation.summary == (
        "1 of its 2 parts is mastered and all are needed; the average of their scores is 2.75."
    )
    assert [(c.competency_id, c.status, c.score) for c in explanation.children] == [
        ("a", S.MASTERED, 3.5),
        ("b", S.NOT_YET, 2.0),
    ]
    percent = ComputedDecision(
        S.NOT_YET, 2.75, None, 3, None, RollupRule(RollupKind.PERCENT, percent=70)
    )
    four = children(("a", mastered), ("b", not_yet), ("c", None), ("d", None))
    assert explain(policy("latest"), [], percent, children=four).summary == (
        # 70% of 4 is 2.8: 3 are needed.
        "1 of its 4 parts is mastered and 70% (3) are needed; the average of their scores is 2.75."
    )
    nothing = ComputedDecision(S.NO_EVIDENCE, None, None, 0, None, RollupRule())
    assert explain(policy("latest"), [], nothing, children=children(("a", None))).summary == (
        "None of its 1 part has a counted result yet."
    )


@given(histories())
def test_explained_weights_sum_to_one_and_reproduce_the_unrounded_score(
    history: tuple[MasteryPolicy, list[Evidence]],
) -> None:
    chosen, evs = history
    decision = decide(chosen, evs)
    explanation = explain(chosen, evs, decision)
    counted = [r for r in explanation.evidence if r.counted]
    assert len(counted) == decision.evidence_count
    assert len(explanation.evidence) == len(evs)
    assert isinstance(explanation.summary, str)
    assert explanation.summary
    if explanation.unrounded_score is None:
        assert decision.score is None
        return
    assert round_score(explanation.unrounded_score) == decision.score
    xs = [r.normalized_score for r in counted]
    if weights(chosen.calculation, xs, chosen.scale) is None:
        assert all(r.weight is None for r in counted)
        return
    ws = [r.weight or 0.0 for r in counted]
    assert all(r.weight is not None for r in counted)
    assert math.fsum(ws) == pytest.approx(1.0, abs=1e-9)
    reproduced = math.fsum(w * r.normalized_score for w, r in zip(ws, counted, strict=True))
    assert reproduced == pytest.approx(explanation.unrounded_score, rel=1e-9, abs=1e-9)
