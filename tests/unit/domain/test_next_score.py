import pytest
from hypothesis import given, settings

from app.domain.evidence import Evidence
from app.domain.frameworks import MasteryPolicy, RollupRule
from app.domain.mastery.decision import ComputedDecision, MasteryStatus, absorb, decide
from app.domain.mastery.next_score import next_score_to_master
from app.domain.mastery.override import Override, effective

from .builders import day, evidence, histories, policy, series_evidence


def next_score(chosen: MasteryPolicy, evs: list[Evidence]) -> float | None:
    return next_score_to_master(decide(chosen, evs), chosen, absorb(chosen, evs))


@pytest.mark.parametrize(
    ("chosen", "scores", "expected"),
    [
        (policy("latest"), [1], 3.0),
        (policy("latest"), [], 3.0),  # no evidence yet: one result of 3 masters
        # (3 + 2 + s) / 3 rounds to 3.00 from s = 3.985: 3.99 gives 2.9967 → 3.00;
        # 3.98 gives 2.9933 → 2.99.
        (policy("average"), [3, 2], 3.99),
        (policy("average"), [2, 2], None),  # (4 + s) / 3 >= 2.995 needs s >= 4.985 > 4
        # .65 s + .35 * 2 >= 2.995 needs s >= 3.5308: 3.54 gives 3.001, 3.53 gives 2.9945.
        (policy("standard_decaying_average"), [2], 3.54),
        (policy("median"), [1, 4], 3.0),  # the middle of three is min(max(s, 1), 4)
        (policy("n_mastery", n=2), [3.5, 1], 3.0),  # a second result at the threshold
        (policy("n_mastery", n=3), [3.5, 1], None),  # two more are needed
        (policy("latest", min_evidence=3), [4], None),  # two more are needed
        (policy("latest", min_evidence=3), [4, 4], 3.0),
        (policy("latest"), [3.5], None),  # already mastered
        # mode: floors 3, 1, 1. s at 1 → 1 wins; s at 3 → tie 3:2, 1:2, 3 most recent;
        # s at 4 → 1 wins with 2 against 1 and 1. Not monotone: 3.00 masters, 4.00 does not.
        (policy("mode"), [3, 1, 1], 3.0),
        (policy("mode"), [2, 2, 2, 3], None),  # 3 can only tie at 2 against 3
    ],
)
def test_next_score_on_hand_worked_cases(
    chosen: MasteryPolicy, scores: list[float], expected: float | None
) -> None:
    assert next_score(chosen, series_evidence(scores)) == expected


def test_a_rolled_up_decision_has_no_next_score() -> None:
    rolled = ComputedDecision(MasteryStatus.NOT_YET, 2.0, None, 3, None, RollupRule())
    chosen = policy("latest")
    assert next_score_to_master(rolled, chosen, absorb(chosen, [])) is None


def test_an_override_in_force_has_no_next_score() -> None:
    chosen = policy("latest")
    evs = series_evidence([1])
    computed = decide(chosen, evs)
    override = Override(None, MasteryStatus.NOT_YET, "Redo the lab", None, day(0), "t")
    shown = effective(computed, override, day(1), chosen.scale)
    assert next_score_to_master(computed, chosen, absorb(chosen, evs), shown=shown) is None
    unshown = effective(computed, override, day(-1), chosen.scale)  # not set yet then
    assert next_score_to_master(computed, chosen, absorb(chosen, evs), shown=unshown) == 3.0


def brute_force(chosen: MasteryPolicy, evs: list[Evidence]) -> float | None:
    """Try 0.00, 0.01, … highest with the full decision function; the first that masters."""
    if decide(chosen, evs).status is MasteryStatus.MASTERED:
        return None
    top = round(chosen.scale.highest * 100)
    for step in range(top + 1):
        later = evidence(step / 100, 10_000, seq=10_000, ident="next")
        if decide(chosen, [*evs, later]).status is MasteryStatus.MASTERED:
            return step / 100
    return None


@settings(deadline=None)
@given(histories())
def test_next_score_is_the_least_score_a_brute_force_finds(
    history: tuple[MasteryPolicy, list[Evidence]],
) -> None:
    chosen, evs = history
    assert next_score(chosen, evs) == brute_force(chosen, evs)
