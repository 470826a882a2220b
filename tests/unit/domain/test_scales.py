import pytest

from app.domain.errors import Invalid
from app.domain.scales import DEFAULT_SCALE, Level, Scale


def locs(error: Invalid) -> list[tuple[object, ...]]:
    return [p.loc for p in error.problems]


def test_default_scale_is_beginning_to_advanced_with_threshold_3() -> None:
    assert [(lv.value, lv.label) for lv in DEFAULT_SCALE.levels] == [
        (1, "Beginning"),
        (2, "Developing"),
        (3, "Proficient"),
        (4, "Advanced"),
    ]
    assert DEFAULT_SCALE.mastery_threshold == 3
    assert (DEFAULT_SCALE.lowest, DEFAULT_SCALE.highest) == (1, 4)
    assert DEFAULT_SCALE.threshold_name == "Proficient"


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (0.0, None),
        (0.99, None),
        (1.0, "Beginning"),
        (2.99, "Developing"),
        (3.0, "Proficient"),
        (3.5, "Proficient"),
        (4.0, "Advanced"),
        (4.5, "Advanced"),
    ],
)
def test_level_for_is_the_highest_level_at_or_below_the_score(
    score: float, label: str | None
) -> None:
    level = DEFAULT_SCALE.level_for(score)
    assert (level.label if level else None) == label


def test_levels_are_sorted_by_value() -> None:
    scale = Scale((Level(3, "High"), Level(1, "Low"), Level(2, "Mid")), 2)
    assert [lv.label for lv in scale.levels] == ["Low", "Mid", "High"]
    assert scale.level_valued(2) == Level(2, "Mid")
    assert scale.level_valued(2.5) is None


def test_a_threshold_between_levels_is_named_by_its_number() -> None:
    assert DEFAULT_SCALE.with_threshold(2.5).threshold_name == "2.5"


def test_every_problem_of_a_scale_is_reported_at_once() -> None:
    with pytest.raises(Invalid) as caught:
        Scale(
            (Level(1, "A"), Level(1, "B"), Level(-2, "C"), Level(3, " "), Level(4, "a")),
            mastery_threshold=9,
        )
    assert locs(caught.value) == [
        ("levels", 1, "value"),  # repeats 1
        ("levels", 2, "value"),  # negative
        ("levels", 3, "label"),  # blank
        ("levels", 4, "label"),  # "a" repeats "A"
    ]


def test_the_threshold_must_lie_within_the_scale() -> None:
    with pytest.raises(Invalid) as caught:
        Scale((Level(1, "A"), Level(4, "D")), 4.01)
    assert locs(caught.value) == [("mastery_threshold",)]
    assert Scale((Level(1, "A"), Level(4, "D")), 1).mastery_threshold == 1


def test_an_empty_or_all_zero_scale_is_rejected() -> None:
    with pytest.raises(Invalid) as empty:
        Scale((), 0)
    assert locs(empty.value) == [("levels",)]
    with pytest.raises(Invalid) as zero:
        Scale((Level(0, "None"),), 0)
    assert locs(zero.value) == [("levels",)]
