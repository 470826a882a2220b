"""A competency's own scale and threshold: inherited from the nearest ancestor that sets one,
else the framework's; a threshold applies to the scale the competency has; a missing mark on a
scale of its own counts as that scale's lowest level; a child on another scale counts in its
parent's rollup as the same share of the highest level. Numbers worked by hand."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.domain.errors import Invalid
from app.domain.evidence import Evidence, evidence_problems
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.mastery.rollup import decide_from_children
from app.domain.scales import DEFAULT_SCALE, Level, Scale

PERCENT = Scale((Level(0, "Beginning"), Level(50, "Approaching"), Level(100, "Exceeds")), 80)
TENS = Scale((Level(0, "None"), Level(10, "All")), 6)


def _framework(*competencies: Competency, missing_level: float | None = 2) -> Framework:
    return Framework(id="fw", title="Maths", missing_level=missing_level, competencies=competencies)


def test_a_scale_is_inherited_from_the_nearest_ancestor_that_sets_one() -> None:
    f = _framework(
        Competency("d", "D", "Domain", scale=PERCENT),
        Competency("c", "C", "Cluster", parent_id="d", mastery_threshold=60),
        Competency("s", "S", "Standard", parent_id="c"),
        Competency("t", "T", "Other", parent_id="c", position=1, scale=TENS),
        Competency("o", "O", "Outside"),
    )
    assert f.scale_for("d") == PERCENT
    # c keeps d's levels with its own threshold; s, under c, inherits both.
    assert f.scale_for("c") == Scale(PERCENT.levels, 60)
    assert f.scale_for("s") == Scale(PERCENT.levels, 60)
    assert f.scale_for("t") == TENS
    assert f.scale_for("o") == DEFAULT_SCALE


def test_a_missing_mark_counts_as_the_lowest_level_of_a_scale_of_its_own() -> None:
    f = _framework(
        Competency("p", "P", "Percent", scale=PERCENT),
        Competency("h", "H", "Higher bar", position=1, mastery_threshold=3.5),
    )
    # The framework's missing level 2 is a level of 1-4, not of 0-100 (there: 0).
    assert f.policy_for("p").missing_value == 0
    # Same levels, another threshold: the framework's missing level still means something.
    assert f.policy_for("h").missing_value == 2


def test_thresholds_off_the_scale_are_all_reported() -> None:
    with pytest.raises(Invalid) as error:
        _framework(
            Competency("a", "A", "A", mastery_threshold=5),  # off 1-4
            Competency("b", "B", "B", position=1, scale=PERCENT, mastery_threshold=101),
        )
    assert {(p.loc, p.msg) for p in error.value.problems} == {
        (
            ("competencies", 0, "mastery_threshold"),
            "must lie between the lowest and the highest level",
        ),
        (
            ("competencies", 1, "mastery_threshold"),
            "must lie between the lowest and the highest level",
        ),
    }
    with pytest.raises(Invalid) as error:
        Competency("c", "C", "C", mastery_threshold=float("nan"))
    assert [(p.loc, p.msg) for p in error.value.problems] == [
        (("mastery_threshold",), "must be a finite number")
    ]


def _decided(status: MasteryStatus, score: float) -> ComputedDecision:
    return ComputedDecision(status, score, None, 1, None)


def test_a_child_on_another_scale_counts_as_its_share_of_the_highest_level() -> None:
    f = _framework(
        Competency("d", "D", "Domain"),
        Competency("p", "P", "Percent", parent_id="d", scale=PERCENT),
        Competency("t", "T", "Tens", parent_id="d", position=1, scale=TENS),
        Competency("s", "S", "Plain", parent_id="d", position=2),
    )
    children = {
        "p": _decided(MasteryStatus.MASTERED, 85),  # 85 / 100 x 4 = 3.4
        "t": _decided(MasteryStatus.NOT_YET, 5),  # 5 / 10 x 4 = 2
        "s": _decided(MasteryStatus.MASTERED, 3.3),  # on the parent's scale: 3.3
    }
    parent = decide_from_children(f, "d", children)
    # (3.4 + 2 + 3.3) / 3 = 2.9, Developing; not all mastered.
    assert (parent.status, parent.score) == (MasteryStatus.NOT_YET, 2.9)
    assert parent.level == Level(2, "Developing")


def test_a_result_is_checked_against_its_competencys_scale() -> None:
    when = datetime.fromisoformat("2026-09-01T09:00:00+00:00")
    result = Evidence("e", "s-1", "p", 85, None, when, "lms", "r1")
    assert evidence_problems(result, PERCENT, received_at=when) == []
    assert [p.loc for p in evidence_problems(result, DEFAULT_SCALE, received_at=when)] == [
        ("score",)
    ]
