import json
import random
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from app.domain.evidence import Evidence, EvidenceKind
from app.domain.frameworks import (
    DEFAULT_SCALE,
    Calculation,
    CalculationMethod,
    Level,
    MasteryPolicy,
)
from app.domain.mastery.decision import (
    ComputedDecision,
    DecisionState,
    MasteryStatus,
    absorb,
    advance,
    decide,
    recompute,
    round_score,
)

from .builders import day, evidence, histories, policy, series_evidence

S = MasteryStatus


def test_no_counted_evidence_is_no_evidence() -> None:
    expected = ComputedDecision(S.NO_EVIDENCE, None, None, 0, policy("average").calculation)
    assert decide(policy("average"), []) == expected
    assert decide(policy("average"), [evidence(4, voided=True)]) == expected
    assert decide(policy("average"), [evidence(4, kind=EvidenceKind.FORMATIVE)]) == expected


def test_fewer_than_min_evidence_is_insufficient_with_the_score_so_far() -> None:
    decision = decide(policy("average", min_evidence=3), series_evidence([4, 3]))
    # (4 + 3) / 2 = 3.5: shown, but not decided on two results.
    assert decision == ComputedDecision(
        S.INSUFFICIENT_EVIDENCE,
        3.5,
        Level(3, "Proficient"),
        2,
        Calculation(CalculationMethod.AVERAGE),
    )


def test_mastered_at_or_above_the_threshold_after_rounding() -> None:
    # mean(3, 3, 2.995) = 2.998333... → 3.00, which reaches 3.
    decision = decide(policy("average"), series_evidence([3, 3, 2.995]))
    assert (decision.status, decision.score) == (S.MASTERED, 3.0)
    # mean(3, 3, 2.985) is 2.995 by hand but the double 2.99499999999999966..., which Canvas
    # (Ruby's Float#round(2)) rounds to 2.99: not yet, as Canvas decides.
    decision = decide(policy("average"), series_evidence([3, 3, 2.985]))
    assert (decision.status, decision.score) == (S.NOT_YET, 2.99)
    # mean(3, 3, 2.97) = 2.99: not yet.
    decision = decide(policy("average"), series_evidence([3, 3, 2.97]))
    assert (decision.status, decision.score, decision.level) == (
        S.NOT_YET,
        2.99,
        Level(2, "Developing"),
    )


def test_level_is_none_below_the_lowest_level() -> None:
    decision = decide(policy("latest"), series_evidence([0.5]))
    assert (decision.status, decision.score, decision.level) == (S.NOT_YET, 0.5, None)


def test_n_mastery_is_mastered_once_n_results_reach_the_threshold() -> None:
    two = policy("n_mastery", n=2)
    # One result of three reaches 3: Canvas shows no rollup (rollup_score.rb n_mastery_set
    # returns nil short of n), so it is not decided yet.
    short = decide(two, series_evidence([3.5, 2, 1]))
    assert (short.status, short.score, short.level, short.evidence_count) == (
        S.INSUFFICIENT_EVIDENCE,
        None,
        None,
        3,
    )
    # 3.5 and 3 reach 3: their mean 3.25.
    done = decide(two, series_evidence([3.5, 2, 1, 3]))
    assert (done.status, done.score) == (S.MASTERED, 3.25)
    # Fewer results than n at all: also not decided (Canvas: results.length < calculation_int).
    one = decide(two, series_evidence([4]))
    assert (one.status, one.score, one.evidence_count) == (S.INSUFFICIENT_EVIDENCE, None, 1)


def test_max_score_normalises_onto_the_scale() -> None:
    # 16/20 * 4 = 3.2 and 7/10 * 4 = 2.8: mean 3.0.
    evs = [evidence(16, 0, seq=0, max_score=20), evidence(7, 1, seq=1, max_score=10)]
    assert decide(policy("average"), evs).score == 3.0


def test_formative_counts_when_the_policy_includes_it() -> None:
    evs = [evidence(4, 0, seq=0), evidence(2, 1, seq=1, kind=EvidenceKind.FORMATIVE)]
    assert decide(policy("latest"), evs).score == 4.0
    assert decide(policy("latest", include_formative=True), evs).score == 2.0


def test_as_of_counts_only_what_was_observed_by_then() -> None:
    evs = series_evidence([2, 3, 4])  # days 0, 1, 2
    assert decide(policy("latest"), evs, as_of=day(1)).score == 3.0
    assert decide(policy("latest"), evs, as_of=day(0.5)).evidence_count == 1
    assert decide(policy("latest"), evs, as_of=day(-1)).status is S.NO_EVIDENCE


def test_equal_observed_at_is_ordered_by_arrival() -> None:
    first = evidence(2, 0, seq=1, ident="a")
    second = evidence(4, 0, seq=2, ident="b")
    assert decide(policy("latest"), [second, first]).score == 4.0


def test_decision_json_names_the_method_and_parameters() -> None:
    decision = decide(policy("standard_decaying_average"), series_evidence([3]))
    assert decision.as_dict() == {
        "status": "mastered",
        "score": 3.0,
        "level": {"value": 3, "label": "Proficient"},
        "evidence_count": 1,
        "method": {"name": "standard_decaying_average", "weight": 0.65},
    }


@given(histories(), st.randoms(use_true_random=False))
def test_order_of_arrival_does_not_change_a_decision(
    history: tuple[MasteryPolicy, list[Evidence]], rng: random.Random
) -> None:
    chosen, evs = history
    shuffled = list(evs)
    rng.shuffle(shuffled)
    # Arrival order (seq) differs too; observed_at differs, so it alone orders the series.
    rearrived = [replace(e, seq=i) for i, e in enumerate(shuffled)]
    assert decide(chosen, rearrived) == decide(chosen, evs)


@given(histories(), st.data())
def test_the_incremental_path_equals_a_full_recompute(
    history: tuple[MasteryPolicy, list[Evidence]], data: st.DataObject
) -> None:
    chosen, evs = history
    in_time = sorted(evs, key=lambda e: e.order_key)
    # Cut the history into batches that arrive in time order, each shuffled inside.
    cuts = sorted(data.draw(st.sets(st.integers(1, max(len(in_time), 1)), max_size=5)))
    state = absorb(chosen, [])
    start = 0
    for end in [*cuts, len(in_time)]:
        batch = in_time[start:end]
        data.draw(st.randoms(use_true_random=False)).shuffle(batch)
        advanced = advance(chosen, state, batch)
        assert advanced is not None
        decision, state = advanced
        assert decision == decide(chosen, in_time[:end])
        # And through storage: the JSON round trip changes nothing.
        state = DecisionState.from_dict(json.loads(json.dumps(state.to_dict())))
        start = end
    assert state == absorb(chosen, evs)


@given(histories())
def test_scores_lie_within_zero_and_the_highest_value(
    history: tuple[MasteryPolicy, list[Evidence]],
) -> None:
    chosen, evs = history
    decision = decide(chosen, evs)
    if decision.score is not None:
        assert 0 <= decision.score <= chosen.scale.highest


def test_a_late_result_asks_for_a_full_recompute() -> None:
    average = policy("average")
    decision, state = recompute(average, series_evidence([2, 4]))  # days 0 and 1
    assert decision.score == 3.0
    late = evidence(1, 0.5, seq=9)
    assert advance(average, state, [late]) is None
    # Same observed_at as the last absorbed, arriving later: in time order.
    same_time = evidence(1, 1, seq=9)
    advanced = advance(average, state, [same_time])
    assert advanced is not None
    assert advanced[0].score == round_score(7 / 3)  # (2 + 4 + 1) / 3 = 2.33


def test_results_that_do_not_count_need_no_order() -> None:
    decision, state = recompute(policy("average"), series_evidence([2, 4]))
    old_formative = evidence(1, -5, seq=9, kind=EvidenceKind.FORMATIVE)
    assert advance(policy("average"), state, [old_formative]) == (decision, state)


def test_a_state_from_another_policy_is_not_advanced() -> None:
    _, state = recompute(policy("average"), series_evidence([2, 4]))
    assert advance(policy("median"), state, [evidence(3, 5, seq=5)]) is None
    assert advance(policy("average", include_formative=True), state, []) is None
    assert advance(policy("average", scale=DEFAULT_SCALE), state, []) is not None
