from datetime import datetime

import pytest

from app.domain.errors import Invalid
from app.domain.frameworks import DEFAULT_SCALE, Calculation, CalculationMethod, Level
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.mastery.override import (
    Override,
    RecordedOverride,
    effective,
    overrides_in_force,
    set_override,
)

from .builders import day

S = MasteryStatus
PROFICIENT = Level(3, "Proficient")
DEVELOPING = Level(2, "Developing")
COMPUTED = ComputedDecision(
    S.NOT_YET, 2.4, DEVELOPING, 5, Calculation(CalculationMethod.STANDARD_DECAYING_AVERAGE)
)


def override(
    level: Level | None = None,
    status: S | None = None,
    expires: float | None = None,
) -> Override:
    return Override(
        level=level,
        status=status,
        reason="Showed it in conference",
        expires_at=None if expires is None else day(expires),
        set_at=day(10),
        set_by="teacher-1",
    )


def test_no_override_shows_the_computed_decision() -> None:
    shown = effective(COMPUTED, None, day(11), DEFAULT_SCALE)
    assert (shown.status, shown.score, shown.level, shown.override) == (
        S.NOT_YET,
        2.4,
        DEVELOPING,
        None,
    )
    assert shown.computed == COMPUTED


def test_a_level_override_shows_the_level_its_value_and_mastery_by_threshold() -> None:
    shown = effective(COMPUTED, override(level=PROFICIENT), day(11), DEFAULT_SCALE)
    # 3 >= threshold 3: mastered; the score shown is the level's value.
    assert (shown.status, shown.score, shown.level) == (S.MASTERED, 3, PROFICIENT)
    assert shown.overridden
    assert shown.computed == COMPUTED
    assert shown.evidence_count == 5
    down = effective(COMPUTED, override(level=DEVELOPING), day(11), DEFAULT_SCALE)
    assert down.status is S.NOT_YET


def test_a_status_override_keeps_the_engines_score_and_level() -> None:
    shown = effective(COMPUTED, override(status=S.MASTERED), day(11), DEFAULT_SCALE)
    assert (shown.status, shown.score, shown.level) == (S.MASTERED, 2.4, DEVELOPING)


def test_an_override_is_in_force_from_set_at_until_expires_at() -> None:
    timed = override(status=S.MASTERED, expires=20)
    assert not effective(COMPUTED, timed, day(9), DEFAULT_SCALE).overridden  # before set
    assert effective(COMPUTED, timed, day(10), DEFAULT_SCALE).overridden
    assert effective(COMPUTED, timed, day(19.99), DEFAULT_SCALE).overridden
    expired = effective(COMPUTED, timed, day(20), DEFAULT_SCALE)
    assert not expired.overridden
    assert expired.status is S.NOT_YET


def test_new_evidence_updates_computed_under_an_override() -> None:
    newer = ComputedDecision(S.MASTERED, 3.6, PROFICIENT, 6, COMPUTED.calculation)
    shown = effective(newer, override(level=DEVELOPING), day(11), DEFAULT_SCALE)
    assert (shown.status, shown.level) == (S.NOT_YET, DEVELOPING)
    assert shown.computed == newer


def test_override_lists_every_problem() -> None:
    naive = datetime(2025, 9, 1)
    with pytest.raises(Invalid) as caught:
        Override(
            level=PROFICIENT,
            status=S.NO_EVIDENCE,
            reason="  ",
            expires_at=day(1),
            set_at=naive,
            set_by="",
        )
    assert [p.loc for p in caught.value.problems] == [
        ("level",),  # both level and status
        ("status",),  # not a status a teacher sets
        ("reason",),
        ("set_by",),
        ("set_at",),
    ]


def test_expiry_must_follow_setting() -> None:
    with pytest.raises(Invalid) as caught:
        Override(None, S.MASTERED, "r", day(10), day(10), "t")
    assert [p.loc for p in caught.value.problems] == [("expires_at",)]


def test_set_override_finds_the_level_on_the_scale() -> None:
    made = set_override(
        level_value=3,
        status=None,
        reason="Portfolio",
        expires_at=None,
        set_at=day(0),
        set_by="t",
        scale=DEFAULT_SCALE,
    )
    assert made.level == PROFICIENT
    assert made.as_dict() == {
        "level": {"value": 3, "label": "Proficient"},
        "status": None,
        "reason": "Portfolio",
        "expires_at": None,
        "set_at": "2025-09-01T08:00:00+00:00",
        "set_by": "t",
    }


def test_set_override_reports_the_scale_and_the_rest_at_once() -> None:
    with pytest.raises(Invalid) as caught:
        set_override(
            level_value=2.5,
            status="gold",
            reason="",
            expires_at=day(-1),
            set_at=day(0),
            set_by="t",
            scale=DEFAULT_SCALE,
        )
    assert [(p.loc, p.msg) for p in caught.value.problems] == [
        (("level",), "must be a level of the scale: 1, 2, 3, 4"),
        (("status",), "must be mastered or not_yet"),
        (("level",), "give exactly one of level and status"),
        (("reason",), "is required"),
        (("expires_at",), "must be after the override is set"),
    ]


def recorded(
    competency_id: str,
    set_on: float,
    *,
    expires: float | None = None,
    cleared: float | None = None,
    level: Level = PROFICIENT,
) -> RecordedOverride:
    return RecordedOverride(
        competency_id,
        Override(
            level=level,
            status=None,
            reason=f"set on day {set_on}",
            expires_at=None if expires is None else day(expires),
            set_at=day(set_on),
            set_by="teacher-1",
        ),
        None if cleared is None else day(cleared),
    )


# One student's overrides in the order they were set. On c1: A replaced by B on day 5
# (A cleared then); C set on day 7 over B and cleared on day 8; D set on day 12.
A = recorded("c1", 1, cleared=5)
B = recorded("c1", 5, expires=9)
E = recorded("c2", 3, expires=6, level=DEVELOPING)
C = recorded("c1", 7, cleared=8, level=DEVELOPING)
D = recorded("c1", 12)
HISTORY = [A, E, B, C, D]


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (0.5, {}),  # nothing set yet
        (1, {"c1": A}),  # in force from the instant it is set
        (4, {"c1": A, "c2": E}),
        (5, {"c1": B, "c2": E}),  # A cleared at 5, the instant B was set
        (6, {"c1": B}),  # E expired at 6 (its expiry instant is out)
        (7.5, {"c1": C}),  # C, set after B, wins while both are in force
        (8, {"c1": B}),  # C cleared: B, set before it and not yet expired, shows again
        (9, {}),  # B expired; A and C cleared
        (12, {"c1": D}),
    ],
)
def test_the_override_in_force_is_the_latest_set_that_is_neither_cleared_nor_expired(
    at: float, expected: dict[str, RecordedOverride]
) -> None:
    found = overrides_in_force(HISTORY, day(at))
    assert found == {c: entry.override for c, entry in expected.items()}


def test_of_overrides_set_at_the_same_instant_the_one_recorded_last_wins() -> None:
    first = recorded("c1", 3, level=DEVELOPING)
    second = recorded("c1", 3, level=PROFICIENT)
    assert overrides_in_force([first, second], day(4)) == {"c1": second.override}
    assert overrides_in_force([second, first], day(4)) == {"c1": first.override}
