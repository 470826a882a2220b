"""Record assembly (leaves, rollups, a competency nothing is known about), refreshing after a
change of evidence, and views of decisions: every value below is worked out by hand.

The framework: math ── alg (all children) ── alg.0, alg.1
                   └─ geo
with the latest score as the method on the default scale (1 to 4, mastery at 3)."""

from app.domain.frameworks import (
    Calculation,
    CalculationMethod,
    Competency,
    Framework,
    Level,
    RollupScore,
)
from app.domain.frameworks import RollupRule as Rule
from app.domain.mastery.decision import ComputedDecision, MasteryStatus, absorb, decide
from app.domain.mastery.override import Override
from app.domain.mastery.record import (
    ChangeCause,
    DecisionChange,
    DecisionRecord,
    blank_record,
    leaf_record,
    rolled_up_records,
    rollup_record,
    rollup_steps,
    same_record,
    student_records,
    valid_from,
    with_override,
)
from app.domain.mastery.refresh import (
    Touch,
    advanced_record,
    decisions_read,
    recomputed_record,
    steps_of,
    touches_of,
)
from app.domain.mastery.rollup import undecided
from app.domain.mastery.storing import changed_records
from app.domain.mastery.view import decided_view, empty_view, view_of

from .builders import day, evidence

S = MasteryStatus
LATEST = Calculation(CalculationMethod.LATEST)
DEVELOPING, PROFICIENT, ADVANCED = (
    Level(2, "Developing"),
    Level(3, "Proficient"),
    Level(4, "Advanced"),
)
FRAMEWORK = Framework(
    id="f",
    title="Math",
    calculation=LATEST,
    competencies=(
        Competency("math", "M", "Mathematics"),
        Competency("alg", "A", "Algebra", parent_id="math"),
        Competency("alg.0", "A.0", "a0", parent_id="alg", position=0),
        Competency("alg.1", "A.1", "a1", parent_id="alg", position=1),
        Competency("geo", "G", "Geometry", parent_id="math", position=1),
    ),
)
NOW = day(20)


def latest(score: float, count: int = 1) -> ComputedDecision:
    level = FRAMEWORK.scale.level_for(score)
    status = S.MASTERED if score >= 3 else S.NOT_YET
    return ComputedDecision(status, score, level, count, LATEST)


def rolled(status: S, score: float | None, level: Level | None, count: int) -> ComputedDecision:
    return ComputedDecision(status, score, level, count, None, Rule(score=RollupScore.MEAN))


def teacher(level: Level, *, expires: float | None = None) -> Override:
    expires_at = None if expires is None else day(expires)
    return Override(level, None, "seen in class", expires_at, day(10), "t-1")


def leaf(competency_id: str, score: float, *, override: Override | None = None) -> DecisionRecord:
    """A stored leaf of s1 with one result of `score` on day 0, assembled on day 1, with the
    override (set on day 10) a stored decision carries into its next assembly."""
    history = [evidence(score, 0, competency_id=competency_id)]
    state = absorb(FRAMEWORK.policy_for(competency_id), history)
    before = None
    if override is not None:
        blank = blank_record(FRAMEWORK, "s1", competency_id, day(0))
        before = with_override(FRAMEWORK, blank, override, day(10))
    return leaf_record(FRAMEWORK, "s1", competency_id, latest(score), state, before, day(11))


# -- a competency nothing is known about -------------------------------------------------


def test_nothing_known_is_a_rollup_for_a_parent_and_the_method_for_a_leaf() -> None:
    assert undecided(FRAMEWORK, "alg") == ComputedDecision(
        S.NO_EVIDENCE, None, None, 0, None, Rule(score=RollupScore.MEAN)
    )
    assert undecided(FRAMEWORK, "geo") == ComputedDecision(S.NO_EVIDENCE, None, None, 0, LATEST)


def test_a_blank_leaf_keeps_an_empty_state_and_needs_a_3_to_master() -> None:
    blank = blank_record(FRAMEWORK, "s1", "geo", NOW)
    assert blank.computed == undecided(FRAMEWORK, "geo")
    assert blank.state is not None
    assert blank.state.series.count == 0
    # The latest score is the score: one result of 3.00 reaches the threshold of 3.
    assert (blank.override, blank.next_score_to_master, blank.updated_at) == (None, 3.0, NOW)


def test_a_blank_parent_has_no_state_and_no_next_score() -> None:
    blank = blank_record(FRAMEWORK, "s1", "alg", NOW)
    assert blank == DecisionRecord(
        "s1", "alg", "f", undecided(FRAMEWORK, "alg"), None, None, None, NOW
    )


# -- leaves, rollups and overrides -------------------------------------------------------


def test_a_leaf_record_keeps_the_override_and_shows_no_next_score_under_it() -> None:
    plain = leaf("alg.0", 2)
    assert (plain.computed, plain.override, plain.next_score_to_master) == (latest(2), None, 3.0)
    held = leaf("alg.0", 2, override=teacher(ADVANCED))
    # The teacher's Advanced shows (mastered): new evidence does not change what shows.
    assert (held.override, held.next_score_to_master) == (teacher(ADVANCED), None)


def test_an_expired_override_no_longer_hides_the_next_score() -> None:
    held = leaf("alg.0", 2, override=teacher(ADVANCED, expires=15))
    assert held.next_score_to_master is None  # day 11: in force
    # Reassembled on day 20, after it expired on day 15: the 3.00 that masters shows again.
    assert with_override(FRAMEWORK, held, held.override, NOW).next_score_to_master == 3.0


def test_an_override_set_and_cleared_moves_the_next_score() -> None:
    plain = leaf("alg.0", 2)
    held = with_override(FRAMEWORK, plain, teacher(PROFICIENT), NOW)
    assert (held.override, held.next_score_to_master, held.updated_at) == (
        teacher(PROFICIENT),
        None,
        NOW,
    )
    cleared = with_override(FRAMEWORK, held, None, NOW)
    assert (cleared.override, cleared.next_score_to_master) == (None, 3.0)


def test_a_rollup_record_keeps_the_override_and_has_no_state() -> None:
    before = with_override(
        FRAMEWORK, blank_record(FRAMEWORK, "s1", "alg", day(9)), teacher(PROFICIENT), day(10)
    )
    computed = rolled(S.NOT_YET, 2.75, DEVELOPING, 2)
    assert rollup_record(FRAMEWORK, "s1", "alg", computed, before, NOW) == DecisionRecord(
        "s1", "alg", "f", computed, None, teacher(PROFICIENT), None, NOW
    )


def test_ancestors_of_a_changed_leaf_roll_up_from_the_stored_neighbours() -> None:
    stored = {("s1", "alg.1"): leaf("alg.1", 2)}
    leaves = {("s1", "alg.0"): leaf("alg.0", 3.5)}
    out = rolled_up_records({"f": FRAMEWORK}, _owners(), leaves, stored, NOW)
    # alg: mean(3.5, 2) = 2.75 (Developing), one of two mastered where all are needed; 2 results.
    # math: alg's 2.75 alone (geo has no decision), none of two mastered; 2 results below.
    assert out == {
        ("s1", "alg"): DecisionRecord(
            "s1", "alg", "f", rolled(S.NOT_YET, 2.75, DEVELOPING, 2), None, None, None, NOW
        ),
        ("s1", "math"): DecisionRecord(
            "s1", "math", "f", rolled(S.NOT_YET, 2.75, DEVELOPING, 2), None, None, None, NOW
        ),
    }


def test_a_leaf_without_a_parent_or_children_rolls_nothing_up() -> None:
    flat = Framework(
        id="g", title="G", calculation=LATEST, competencies=(Competency("x", "X", "x"),)
    )
    record = leaf_record(flat, "s1", "x", latest(2), absorb(flat.policy_for("x"), ()), None, NOW)
    assert rolled_up_records({"g": flat}, {"x": "g"}, {("s1", "x"): record}, {}, NOW) == {}


def test_a_students_records_are_recomputed_from_the_whole_history() -> None:
    history = [
        evidence(4, 0, competency_id="alg.0"),
        evidence(3, 1, competency_id="alg.1", seq=1),
    ]
    kept = with_override(
        FRAMEWORK, blank_record(FRAMEWORK, "s1", "geo", day(9)), teacher(ADVANCED), day(10)
    )
    out = student_records(FRAMEWORK, "s1", history, {"geo": kept}, NOW)
    # alg: mean(4, 3) = 3.5, both mastered; geo has no evidence but a stored decision (its
    # override) so it stays; math counts what geo shows, the teacher's Advanced (4): mean(3.5,
    # 4) = 3.75 (Proficient), both children mastered, 2 results.
    assert {k: (r.computed, r.override) for k, r in out.items()} == {
        ("s1", "math"): (rolled(S.MASTERED, 3.75, PROFICIENT, 2), None),
        ("s1", "alg"): (rolled(S.MASTERED, 3.5, PROFICIENT, 2), None),
        ("s1", "alg.0"): (latest(4), None),
        ("s1", "alg.1"): (latest(3), None),
        ("s1", "geo"): (undecided(FRAMEWORK, "geo"), teacher(ADVANCED)),
    }
    assert [r.next_score_to_master for r in out.values()] == [None, None, None, None, None]
    # Without the stored geo, nothing is known about it and it gets no record.
    assert ("s1", "geo") not in student_records(FRAMEWORK, "s1", history, {}, NOW)


# -- what counts as a change -------------------------------------------------------------


def test_only_records_that_differ_are_saved_and_only_moves_of_status_or_level_are_history() -> None:
    before = leaf("alg.0", 2)
    same = leaf("alg.0", 2)
    within = leaf("alg.0", 2.5)  # 2.5 is still Developing and not yet mastered
    up = leaf("alg.1", 3.5)  # a first decision: mastered
    assert same_record(before, same)
    assert not same_record(before, within)
    assert not same_record(None, same)
    stored = {("s1", "alg.0"): before}
    changed, changes = changed_records(
        [same, up], stored, {"f": FRAMEWORK}, NOW, ChangeCause.EVIDENCE
    )
    assert changed == [up]
    assert changes == [
        DecisionChange(
            "s1",
            "alg.1",
            "f",
            NOW,
            ChangeCause.EVIDENCE,
            S.MASTERED,
            3.5,
            3,
            S.MASTERED,
            3.5,
            False,
            day(0),  # recorded on day 20, it holds from its result's observation on day 0
        )
    ]
    changed, changes = changed_records(
        [within], stored, {"f": FRAMEWORK}, NOW, ChangeCause.EVIDENCE
    )
    assert (changed, changes) == ([within], [])


def test_an_entry_holds_from_the_latest_observation_it_reflects() -> None:
    """Leaves from their latest counted result (a voided latest one still dates the change);
    their ancestors from the latest of the leaves beneath them; overrides from when set."""
    policy = FRAMEWORK.policy_for("alg.0")
    two = [evidence(2, 3, competency_id="alg.0"), evidence(4, 7, seq=1, competency_id="alg.0")]
    before = leaf_record(FRAMEWORK, "s1", "alg.0", latest(4), absorb(policy, two), None, day(8))
    voided = absorb(policy, two[:1])
    after = leaf_record(FRAMEWORK, "s1", "alg.0", latest(2), voided, before, NOW)
    alg1 = leaf("alg.1", 3.5)  # observed on day 0
    alg = rollup_record(FRAMEWORK, "s1", "alg", rolled(S.NOT_YET, 2.75, DEVELOPING, 2), None, NOW)
    stored = {("s1", "alg.0"): before}
    _, changes = changed_records(
        [after, alg1, alg], stored, {"f": FRAMEWORK}, NOW, ChangeCause.VOID
    )
    held = {(c.competency_id, c.valid_from) for c in changes}
    # alg.0: day 7 (the voided result's); alg.1: day 0; alg: day 7, the later of its leaves'.
    assert held == {("alg.0", day(7)), ("alg.1", day(0)), ("alg", day(7))}
    assert valid_from(ChangeCause.OVERRIDE_SET, NOW, day(7)) == NOW
    assert valid_from(ChangeCause.EVIDENCE, NOW, None) == NOW
    assert valid_from(ChangeCause.POLICY, NOW, day(7)) == day(7)


def test_a_batch_of_a_terms_results_keeps_each_change_at_its_observation() -> None:
    """Three results of alg.0 in one batch (2 on day 3, 3 on day 5, 2.5 on day 9, latest
    counts): not yet, mastered, not yet: three entries, each holding from its result's day."""
    results = (
        evidence(3, 5, seq=2, competency_id="alg.0"),
        evidence(2, 3, seq=1, competency_id="alg.0"),
        evidence(2.5, 9, seq=3, competency_id="alg.0"),
    )
    touch = Touch("s1", "alg.0", new=results)
    final = advanced_record(FRAMEWORK, touch, None, NOW)
    assert final is not None
    steps = steps_of(FRAMEWORK, touch, None, NOW)
    assert [s.computed for s in steps] == [latest(2, 1), latest(3, 2)]
    passed = {("s1", "alg.0"): [(day(3), *steps[:1]), (day(5), *steps[1:])]}
    passed = {k: [(r, at) for at, r in v] for k, v in passed.items()}
    _, changes = changed_records([final], {}, {"f": FRAMEWORK}, NOW, ChangeCause.EVIDENCE, passed)
    assert [(c.status, c.valid_from, c.changed_at) for c in changes] == [
        (S.NOT_YET, day(3), NOW),
        (S.MASTERED, day(5), NOW),
        (S.NOT_YET, day(9), NOW),
    ]
    # Its parents pass through the same moments: alg rolled up from alg.0 alone at each.
    rolled = rollup_steps(
        {"f": FRAMEWORK},
        {c.id: "f" for c in FRAMEWORK.ordered},
        passed,
        {("s1", "alg.0"): final},
        {},
        NOW,
    )
    assert [at for _, at in rolled[("s1", "alg")]] == [day(3), day(5), day(9)]
    assert [r.computed.score for r, _ in rolled[("s1", "alg")]] == [2, 3, 2.5]
    # The last step is the rollup the write stores.
    (stored_alg,) = [
        r
        for k, r in rolled_up_records(
            {"f": FRAMEWORK},
            {c.id: "f" for c in FRAMEWORK.ordered},
            {("s1", "alg.0"): final},
            {},
            NOW,
        ).items()
        if k == ("s1", "alg")
    ]
    assert rolled[("s1", "alg")][-1][0] == stored_alg
    # A late result is recomputed from the whole history: no steps.
    stored = leaf_record(FRAMEWORK, "s1", "alg.0", final.computed, final.state, None, NOW)
    late = Touch("s1", "alg.0", new=(evidence(4, 1, seq=4, competency_id="alg.0"),) * 2)
    assert steps_of(FRAMEWORK, late, stored, NOW) == []


# -- refreshing after a change of evidence -----------------------------------------------


def _owners() -> dict[str, str]:
    return {c.id: "f" for c in FRAMEWORK.competencies}


def test_new_results_extend_decisions_and_changed_ones_recompute_them() -> None:
    first = evidence(2, 0, competency_id="alg.0", ident="a")
    second = evidence(3, 1, competency_id="alg.0", ident="b")
    other = evidence(1, 0, competency_id="alg.0", student_id="s2", ident="c")
    also_changed = evidence(4, 2, competency_id="geo", ident="d")
    changed = evidence(2, 0, competency_id="geo", ident="e")
    moved_from = evidence(2, 0, competency_id="geo", student_id="s3", ident="f")
    touches = touches_of([first, second, other, also_changed], [changed], [moved_from])
    assert sorted(touches, key=lambda t: t.key) == [
        Touch("s1", "alg.0", new=(first, second)),
        Touch("s1", "geo", recompute=True),
        Touch("s2", "alg.0", new=(other,)),
        Touch("s3", "geo", recompute=True),
    ]


def test_a_refresh_reads_the_touched_decisions_and_what_their_rollups_read() -> None:
    read = decisions_read({"f": FRAMEWORK}, _owners(), [Touch("s1", "alg.0")])
    # alg.0 itself; its parent alg and alg's children; the root math and math's children.
    assert read == {("s1", c) for c in ("alg.0", "alg", "alg.1", "math", "geo")}
    # A touched parent (its own evidence voided, say) reads its children too.
    assert decisions_read({"f": FRAMEWORK}, _owners(), [Touch("s2", "alg")]) == {
        ("s2", c) for c in ("alg", "alg.0", "alg.1", "math", "geo")
    }


def test_results_in_time_order_advance_the_stored_state() -> None:
    before = leaf("alg.0", 2)  # one result of 2 on day 0
    touch = Touch("s1", "alg.0", new=(evidence(3.5, 5, competency_id="alg.0", seq=9),))
    after = advanced_record(FRAMEWORK, touch, before, NOW)
    assert after is not None
    assert (after.computed, after.next_score_to_master) == (latest(3.5, 2), None)
    assert after.state is not None
    assert after.state.last_absorbed == (day(5), 9)
    # A first result starts from an empty state.
    first = advanced_record(FRAMEWORK, touch, None, NOW)
    assert first is not None
    assert first.computed == latest(3.5)


def test_late_results_changed_ones_and_a_rollup_with_own_evidence_are_recomputed() -> None:
    before = leaf("alg.0", 2)
    late = Touch("s1", "alg.0", new=(evidence(4, -1, competency_id="alg.0"),))  # before day 0
    assert advanced_record(FRAMEWORK, late, before, NOW) is None
    assert advanced_record(FRAMEWORK, Touch("s1", "alg.0", recompute=True), before, NOW) is None
    parent = blank_record(FRAMEWORK, "s1", "alg", day(1))
    own = Touch("s1", "alg", new=(evidence(4, 2, competency_id="alg"),))
    assert advanced_record(FRAMEWORK, own, parent, NOW) is None
    history = [evidence(2, 0, competency_id="alg.0"), evidence(4, -1, competency_id="alg.0")]
    again = recomputed_record(FRAMEWORK, late, history, before, NOW)
    # Day 0's 2 is the latest result (day -1's 4 came late but is older).
    assert (again.computed, again.next_score_to_master) == (latest(2, 2), 3.0)


# -- views -------------------------------------------------------------------------------


def test_a_stored_decision_shows_its_next_score_only_while_no_override_is_in_force() -> None:
    record = leaf("alg.0", 2)
    assert view_of(record, FRAMEWORK, NOW).next_score_to_master == 3.0
    held = with_override(FRAMEWORK, record, teacher(PROFICIENT, expires=15), day(10))
    shown = view_of(held, FRAMEWORK, day(12))
    assert (shown.shown.status, shown.shown.score, shown.next_score_to_master) == (
        S.MASTERED,
        3,
        None,
    )
    # Stored while the override was in force, its next score is None; after the override
    # expires the engine's status shows, with the next score stored (the expiry job writes it).
    later = view_of(held, FRAMEWORK, NOW)
    assert (later.shown.status, later.shown.score, later.next_score_to_master) == (
        S.NOT_YET,
        2,
        None,
    )


def test_a_decision_worked_out_from_evidence_has_a_next_score_for_a_leaf_only() -> None:
    history = [evidence(2, 0, competency_id="alg.0")]
    computed = decide(FRAMEWORK.policy_for("alg.0"), history)
    view = decided_view("s1", FRAMEWORK, "alg.0", computed, history, NOW)
    assert (view.shown.status, view.next_score_to_master, view.updated_at) == (
        S.NOT_YET,
        3.0,
        None,
    )
    parent = decided_view("s1", FRAMEWORK, "alg", rolled(S.NOT_YET, 2, DEVELOPING, 1), (), NOW)
    assert parent.next_score_to_master is None


def test_an_empty_view_is_nothing_known() -> None:
    assert empty_view("s1", FRAMEWORK, FRAMEWORK.competency("alg"), NOW).computed == undecided(
        FRAMEWORK, "alg"
    )
    geo = empty_view("s1", FRAMEWORK, FRAMEWORK.competency("geo"), NOW)
    assert (geo.computed, geo.next_score_to_master) == (undecided(FRAMEWORK, "geo"), 3.0)
