from hypothesis import given
from hypothesis import strategies as st

from app.domain.evidence import Evidence
from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    Competency,
    Framework,
    Level,
)
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.override import Override
from app.domain.mastery.rollup import decide_all
from app.domain.mastery.simulation import (
    Change,
    Comparison,
    Tally,
    compare_student,
    simulate,
)

from .builders import day, evidence

S = MasteryStatus


def test_a_comparison_is_about_mastery() -> None:
    assert Comparison("s", "c", S.NOT_YET, S.MASTERED).change is Change.BECAME_MASTERED
    assert Comparison("s", "c", S.MASTERED, S.INSUFFICIENT_EVIDENCE).change is Change.LOST_MASTERY
    assert Comparison("s", "c", S.NOT_YET, S.INSUFFICIENT_EVIDENCE).change is Change.UNCHANGED
    assert Comparison("s", "c", S.MASTERED, S.MASTERED).change is Change.UNCHANGED


def test_simulate_counts_overall_per_competency_and_per_student() -> None:
    report = simulate(
        [
            Comparison("ann", "c1", S.NOT_YET, S.MASTERED),
            Comparison("ann", "c2", S.MASTERED, S.MASTERED),
            Comparison("bob", "c1", S.MASTERED, S.NOT_YET),
            Comparison("bob", "c2", S.NOT_YET, S.MASTERED),
            Comparison("cat", "c1", S.NO_EVIDENCE, S.NO_EVIDENCE),
        ]
    )
    assert report.total == Tally(became_mastered=2, lost_mastery=1, unchanged=2)
    assert report.by_competency == {"c1": Tally(1, 1, 1), "c2": Tally(1, 0, 1)}
    assert report.as_dict() == {
        "became_mastered": 2,
        "lost_mastery": 1,
        "unchanged": 2,
        "by_competency": [
            {"competency_id": "c1", "became_mastered": 1, "lost_mastery": 1, "unchanged": 1},
            {"competency_id": "c2", "became_mastered": 1, "lost_mastery": 0, "unchanged": 1},
        ],
        "by_subgroup": [],  # none asked for
        "students": [
            {"student_id": "ann", "became_mastered": ["c1"], "lost_mastery": []},
            {"student_id": "bob", "became_mastered": ["c2"], "lost_mastery": ["c1"]},
        ],
    }


FRAMEWORK = Framework(
    id="f",
    title="Science",
    calculation=Calculation(CalculationMethod.AVERAGE),
    competencies=(
        Competency("sci", "S", "Science"),
        Competency("s1", "S.1", "Matter", parent_id="sci"),
        Competency("s2", "S.2", "Energy", parent_id="sci", position=1),
    ),
)


def test_compare_student_applies_the_candidate_and_the_overrides_in_force() -> None:
    # s1: mean(2.5, 2.7) = 2.6; s2: mean(3, 3) = 3.0, overridden to Proficient (3).
    evs = {
        "s1": [
            evidence(2.5, 0, seq=0, competency_id="s1"),
            evidence(2.7, 1, seq=1, competency_id="s1"),
        ],
        "s2": [
            evidence(3, 0, seq=2, competency_id="s2"),
            evidence(3, 1, seq=3, competency_id="s2"),
        ],
    }
    override = Override(Level(3, "Proficient"), None, "Lab work", None, day(5), "t")
    candidate = FRAMEWORK.with_policy(mastery_threshold=2.5)
    comparisons = compare_student("ann", FRAMEWORK, candidate, evs, {"s2": override}, day(6))
    assert [(c.competency_id, c.current, c.candidate) for c in comparisons] == [
        ("sci", S.NOT_YET, S.MASTERED),  # all of s1 and s2: s1 now masters at 2.5
        ("s1", S.NOT_YET, S.MASTERED),  # 2.6 >= 2.5
        ("s2", S.MASTERED, S.MASTERED),  # the override: 3 >= 2.5 still
    ]
    stricter = FRAMEWORK.with_policy(mastery_threshold=3.5)
    comparisons = compare_student("ann", FRAMEWORK, stricter, evs, {"s2": override}, day(6))
    # Level 3 is below the stricter threshold: the override itself now says not yet.
    assert [c.change for c in comparisons] == [
        Change.UNCHANGED,
        Change.UNCHANGED,
        Change.LOST_MASTERY,
    ]


@given(
    st.dictionaries(
        st.sampled_from(["s1", "s2"]),
        st.lists(st.integers(0, 40).map(lambda k: k / 10), min_size=1, max_size=6),
    ),
    st.integers(100, 400).map(lambda k: k / 100),
    st.sampled_from(list(CalculationMethod)),
)
def test_a_simulation_reports_exactly_what_applying_the_policy_changes(
    scores: dict[str, list[float]], threshold: float, method: CalculationMethod
) -> None:
    evs: dict[str, list[Evidence]] = {
        cid: [evidence(x, i, seq=i, competency_id=cid) for i, x in enumerate(xs)]
        for cid, xs in scores.items()
    }
    candidate = FRAMEWORK.with_policy(calculation=Calculation(method), mastery_threshold=threshold)
    report = simulate(compare_student("ann", FRAMEWORK, candidate, evs, {}, day(100)))
    before, after = decide_all(FRAMEWORK, evs), decide_all(candidate, evs)
    gained = [c for c in before if not before[c].mastered and after[c].mastered]
    lost = [c for c in before if before[c].mastered and not after[c].mastered]
    assert report.total == Tally(len(gained), len(lost), 3 - len(gained) - len(lost))
    expected_students = [("ann", tuple(gained), tuple(lost))] if gained or lost else []
    assert [(s.student_id, s.became_mastered, s.lost_mastery) for s in report.students] == (
        expected_students
    )
