"""Equity reports: the race/ethnicity rule, summary counts, small-cell and complementary
suppression, and the periods of a trend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import Invalid
from app.domain.mastery.decision import MasteryStatus
from app.domain.reporting import (
    Dimension,
    Interval,
    RaceEthnicity,
    SummaryCell,
    blur,
    check_min_cell,
    periods,
    protect,
    race_ethnicity,
    summary_cells,
    suppressed_indexes,
)
from app.domain.roster import Demographics

R = RaceEthnicity
M = MasteryStatus


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({"hispanic_or_latino": True, "white": True, "asian": True}, R.HISPANIC_OR_LATINO),
        ({"hispanic_or_latino": False, "white": True, "asian": True}, R.TWO_OR_MORE_RACES),
        ({"two_or_more_races": True}, R.TWO_OR_MORE_RACES),
        ({"black_or_african_american": True, "white": False}, R.BLACK_OR_AFRICAN_AMERICAN),
        (
            {"native_hawaiian_or_other_pacific_islander": True},
            R.NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER,
        ),
        ({"hispanic_or_latino": None, "white": None}, R.UNKNOWN),
        ({"white": False, "asian": False}, R.UNKNOWN),
    ],
)
def test_race_ethnicity_is_derived_the_federal_way(
    flags: dict[str, bool | None], expected: RaceEthnicity
) -> None:
    assert race_ethnicity(Demographics(id="u", **flags)) is expected  # type: ignore[arg-type]


def test_no_demographics_is_unknown() -> None:
    assert race_ethnicity(None) is R.UNKNOWN


def _cell(key: tuple[object, ...], students: int) -> SummaryCell:
    return SummaryCell(key, students, students, students // 2, 0, 0, students - students // 2, 50.0)


def test_nine_students_are_suppressed_and_ten_are_not() -> None:
    cells = protect([_cell(("a",), 9), _cell(("b",), 10), _cell(("c",), 12)], min_cell=10)
    nine, ten, twelve = cells
    assert nine.suppressed
    assert (nine.students, nine.decisions, nine.mastered, nine.percent_mastered) == (
        None,
        None,
        None,
        None,
    )
    assert (nine.not_yet, nine.insufficient_evidence, nine.no_evidence) == (None, None, None)
    # Exactly one of the three was hidden, so the smallest visible one (10) is hidden too:
    # otherwise 9 = total - 10 - 12.
    assert ten.suppressed
    assert ten.students is None
    assert not twelve.suppressed
    # 12 students (10 to 19), 6 of 12 decisions mastered (0 to 9): 0 to 9 of 10 to 19 is 0% to
    # 90%, too wide to print (the middles would have said 31%).
    assert twelve == SummaryCell(
        ("c",), 10, 10, 0, 0, 0, 10, None, bounds=((0, 9), (10, 19)), percent_range=(0, 90)
    )


def test_a_single_cell_of_ten_is_shown() -> None:
    (cell,) = protect([_cell((), 10)], min_cell=10)
    assert not cell.suppressed
    assert cell.students == 10


def test_every_shown_count_is_the_start_of_its_range() -> None:
    # 37 students on 3 competencies: 111 decisions, 50 mastered, 31 not yet, 8 insufficient,
    # 22 no evidence. Students 30-39; decision counts in ranges of 30 (ten students' worth):
    # mastered 30-59, not yet 30-59, insufficient 0-29; decisions 30 x 3; no evidence the rest,
    # 90 - 60. Mastered 30-59 of 90-117 decisions: 3000/117 = 25.6% down to 25, 5900/90 =
    # 65.6% up to 66; 41 points wide, so no single percentage (the middles said 43%).
    cell = SummaryCell(("north",), 37, 111, 50, 31, 8, 22, 45.05)
    assert blur(cell) == SummaryCell(
        ("north",),
        30,
        90,
        30,
        30,
        0,
        30,
        None,
        bounds=((30, 59), (90, 117)),
        percent_range=(25, 66),
    )
    # All 12 students mastered their one competency: 10-19 students, 10-19 mastered: 10/19 =
    # 52% to 100%.
    assert blur(SummaryCell((), 12, 12, 12, 0, 0, 0, 100.0)) == SummaryCell(
        (), 10, 10, 10, 0, 0, 0, None, bounds=((10, 19), (10, 19)), percent_range=(52, 100)
    )


def test_the_minimum_cell_size_is_a_whole_number_of_steps() -> None:
    assert check_min_cell(20) == 20
    for wrong in (0, 5, 15):
        with pytest.raises(ValueError, match="multiple of 10"):
            protect([], min_cell=wrong)
    fifteen, twenty_five = protect([_cell(("a",), 15), _cell(("b",), 25)], min_cell=20)
    assert fifteen.suppressed
    assert twenty_five.suppressed  # the complement: 15 = total - 25


def test_two_small_cells_in_a_group_need_no_complement() -> None:
    hidden = suppressed_indexes([("a",), ("b",), ("c",)], [3, 4, 50], min_cell=10)
    assert hidden == {0, 1}


def test_complementary_suppression_spreads_across_dimensions() -> None:
    # School x subgroup. (north, el) has 5 students: hidden. In north's row it is alone, so
    # (north, not_el) (30) goes too; then the "el" column has one hidden cell among
    # north and south (12), so (south, el) goes; then south's row has one hidden: (south, not_el).
    keys = [("north", True), ("north", False), ("south", True), ("south", False)]
    hidden = suppressed_indexes(keys, [5, 30, 12, 40], min_cell=10)
    assert hidden == {0, 1, 2, 3}


def test_complementary_picks_the_smallest_visible_cell() -> None:
    keys = [("x", "a"), ("x", "b"), ("x", "c"), ("x", "d")]
    assert suppressed_indexes(keys, [2, 40, 11, 15], min_cell=10) == {0, 2}


def test_the_complement_is_chosen_by_published_range_not_by_exact_count() -> None:
    # 19 and 12 are both published as 10 to 19: hiding the exact smaller one (12) would tell
    # which of the two is smaller, so the first of them in the report (19) goes.
    keys = [("x", "a"), ("x", "b"), ("x", "c"), ("x", "d")]
    assert suppressed_indexes(keys, [2, 19, 12, 40], min_cell=10) == {0, 1}


def test_summary_counts_students_without_a_decision_as_no_evidence() -> None:
    # 12 students at north; 2 competencies; 7 mastered c1, 1 not yet c1, 3 mastered c2.
    population = {("north",): 12}
    found = {
        ("north", "c1"): {M.MASTERED: 7, M.NOT_YET: 1},
        ("north", "c2"): {M.MASTERED: 3, M.NO_EVIDENCE: 1},
    }
    dims = [Dimension.SCHOOL, Dimension.COMPETENCY]
    c1, c2 = summary_cells(dims, population, found, ["c1", "c2"])
    assert c1 == SummaryCell(("north", "c1"), 12, 12, 7, 1, 0, 4, 58.33)
    assert c2 == SummaryCell(("north", "c2"), 12, 12, 3, 0, 0, 9, 25.0)
    totals = {("north",): {M.MASTERED: 10, M.NOT_YET: 1}}
    (school,) = summary_cells([Dimension.SCHOOL], population, totals, ["c1", "c2"])
    assert school == SummaryCell(("north",), 12, 24, 10, 1, 0, 13, 41.67)


def test_competency_can_be_grouped_in_any_position() -> None:
    dims = [Dimension.COMPETENCY, Dimension.ENGLISH_LEARNER]
    cells = summary_cells(dims, {(True,): 10, (None,): 11}, {}, ["c1"])
    assert [c.key for c in cells] == [("c1", True), ("c1", None)]
    assert [c.no_evidence for c in cells] == [10, 11]


def test_weekly_periods_start_on_monday_and_end_at_to() -> None:
    start = datetime(2026, 9, 2, 15, tzinfo=UTC)  # a Wednesday
    end = datetime(2026, 9, 16, 8, tzinfo=UTC)
    found = periods(start, end, Interval.WEEK)
    assert [p.start.date().isoformat() for p in found] == ["2026-08-31", "2026-09-07", "2026-09-14"]
    assert found[0].end == datetime(2026, 9, 7, tzinfo=UTC)
    assert found[-1].end == end + timedelta(microseconds=1)


def test_monthly_periods_cross_the_year() -> None:
    found = periods(
        datetime(2026, 11, 20, tzinfo=UTC), datetime(2027, 1, 5, tzinfo=UTC), Interval.MONTH
    )
    assert [p.start.month for p in found] == [11, 12, 1]
    assert found[1].end == datetime(2027, 1, 1, tzinfo=UTC)


def test_periods_reject_a_reversed_range_and_too_many_weeks() -> None:
    with pytest.raises(Invalid):
        periods(datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC), Interval.WEEK)
    with pytest.raises(Invalid, match="too many"):
        periods(datetime(2000, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC), Interval.WEEK)
