"""Disclosure control across queries (docs/decisions/0010): the published numbers are exactly
the documented ranges, and no pair or triple of summaries pins a small group's count, while the
rule before it (suppression within one answer) is broken by the same search.

The attacker (tests/differencing.py) and the district (tests/report_model.py) are written apart
from the rule: the district is counted with plain loops, the old rule is a reference copy."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.mastery.decision import MasteryStatus
from app.domain.reporting import (
    COUNT_STEP,
    DEFAULT_MIN_CELL,
    Dimension,
    SummaryCell,
    blur,
    protect,
    summary_cells,
)
from tests.differencing import (
    STATUSES,
    STEP,
    Leak,
    Row,
    combinations,
    naive,
    percent_range,
    published,
    read_exact,
    read_ranges,
    search,
)
from tests.report_model import Cell, Learner, count

MIN = DEFAULT_MIN_CELL
DIMENSIONS = {
    "school": Dimension.SCHOOL,
    "grade": Dimension.GRADE,
    "sex": Dimension.SEX,
    "raceEthnicity": Dimension.RACE_ETHNICITY,
    "englishLearner": Dimension.ENGLISH_LEARNER,
    "competency": Dimension.COMPETENCY,
}
STATUS = {
    "mastered": MasteryStatus.MASTERED,
    "notYet": MasteryStatus.NOT_YET,
    "insufficientEvidence": MasteryStatus.INSUFFICIENT_EVIDENCE,
}


def test_the_rule_is_the_one_the_decision_record_states() -> None:
    assert (COUNT_STEP, DEFAULT_MIN_CELL) == (STEP, 10)


def _numbers(cell: SummaryCell) -> dict[str, int | float | None]:
    return {
        "students": cell.students,
        "decisions": cell.decisions,
        "mastered": cell.mastered,
        "notYet": cell.not_yet,
        "insufficientEvidence": cell.insufficient_evidence,
        "noEvidence": cell.no_evidence,
        "percentMastered": cell.percent_mastered,
    }


def _exact(students: int, c: int, mastered: int, not_yet: int, insufficient: int) -> SummaryCell:
    rest = students * c - mastered - not_yet - insufficient
    return SummaryCell((), students, students * c, mastered, not_yet, insufficient, rest, None)


@pytest.mark.parametrize(("c", "most"), [(1, 29), (2, 19)])
def test_a_published_row_tells_exactly_its_ranges(c: int, most: int) -> None:
    """Invert the rule: every exact group of 10 to `most` students is published; for each
    published row, the exact groups behind it take every value of read_ranges' intervals and
    no other, so a caller who knows the rule knows exactly those ranges."""
    behind: dict[tuple[object, ...], list[tuple[int, ...]]] = {}
    for s in range(MIN, most + 1):
        for m, n, i in itertools.product(range(s * c + 1), repeat=3):
            if m + n + i > s * c:
                continue
            cell = blur(_exact(s, c, m, n, i))
            numbers = _numbers(cell)
            assert numbers == published(s, m, n, i, c)
            behind.setdefault(tuple(numbers.items()), []).append((s, m, n, i, s * c - m - n - i))
    for numbers, exact in behind.items():
        row = Row(0, None, c, dict(numbers))
        if row.numbers["students"] + STEP - 1 > most:
            continue  # its largest groups were not enumerated
        ranges = read_ranges(row)
        for at, measure in enumerate(("students", *STATUSES)):
            values = {e[at] for e in exact}
            assert values == set(range(ranges[measure][0], ranges[measure][1] + 1)), measure


@given(
    st.integers(1, 60),
    st.integers(MIN, 400),
    st.lists(st.floats(0, 1), min_size=3, max_size=3),
)
def test_every_group_lies_in_the_ranges_of_its_published_row(
    c: int, s: int, shares: list[float]
) -> None:
    decisions = s * c
    m, n, i = (int(decisions * x / 3) for x in shares)
    numbers = _numbers(blur(_exact(s, c, m, n, i)))
    assert numbers == published(s, m, n, i, c)
    ranges = read_ranges(Row(0, None, c, numbers))
    exact = (s, m, n, i, decisions - m - n - i)
    for measure, value in zip(("students", *STATUSES), exact, strict=True):
        assert ranges[measure][0] <= value <= ranges[measure][1], measure


@given(
    st.integers(1, 60),
    st.integers(MIN, 400),
    st.lists(st.floats(0, 1), min_size=3, max_size=3),
)
def test_the_exact_percentage_lies_in_the_published_range(
    c: int, s: int, shares: list[float]
) -> None:
    decisions = s * c
    m, n, i = (int(decisions * x / 3) for x in shares)
    cell = blur(_exact(s, c, m, n, i))
    assert cell.percent_range is not None
    low, high = cell.percent_range
    assert low <= 100 * m / decisions <= high
    assert cell.percent_range == percent_range(cell.students or 0, cell.mastered or 0, c)


def test_no_one_mastered_of_ten_reads_as_a_range_not_an_estimate() -> None:
    """0 of 10 students on one competency: published 10 students, 0 mastered (0-9), so 0 to
    9 of 10 to 19: 0% to 90%, too wide to print a percentage (the old rule printed 31%)."""
    cell = blur(_exact(10, 1, 0, 10, 0))
    assert (cell.mastered, cell.percent_range, cell.percent_mastered) == (0, (0, 90), None)
    # 150 students on 85 competencies, 900 mastered: 850-1699 of 12750-13515: 6% to 14%,
    # printed from the middles: 2549 / 26265 = 9.7%.
    wide = blur(_exact(150, 85, 900, 0, 0))
    assert (wide.mastered, wide.percent_range, wide.percent_mastered) == (850, (6, 14), 10.0)
    # 1000 students on 1 competency, 455 mastered: 450-459 of 1000-1009: 44% to 46%, 45 printed
    # (the middles: 454.5 / 1004.5 = 45.2%).
    large = blur(_exact(1000, 1, 455, 0, 0))
    assert (large.percent_range, large.percent_mastered) == ((44, 46), 45.0)


@functools.cache
def _ranges_of(students: int) -> tuple[int, int]:
    return read_ranges(Row(0, None, 1, _numbers(blur(_exact(students, 1, 0, 0, 0)))))["students"]


def _pinned(plus: Sequence[int], minus: Sequence[int]) -> bool:
    lo = sum(_ranges_of(n)[0] for n in plus) - sum(_ranges_of(n)[1] for n in minus)
    hi = sum(_ranges_of(n)[1] for n in plus) - sum(_ranges_of(n)[0] for n in minus)
    return max(lo, 1) == min(hi, MIN - 1)


def test_no_pair_or_triple_of_group_sizes_pins_a_small_group() -> None:
    """Every size up to 99 (the ranges repeat every ten, so this covers all sizes): X1 - X2,
    X1 - X2 - X3 and X1 + X2 - X3 with a group of 1 to 9 students left over."""
    small = range(1, MIN)
    sizes = range(MIN, 100)
    assert not [(a, k) for a in sizes for k in small if _pinned([a + k], [a])]
    assert not [
        (a, b, k)
        for a in range(MIN, 60)
        for b in range(MIN, 60)
        for k in small
        if _pinned([a + b + k], [a, b])
    ]
    assert not [
        (a, b, k)
        for a in range(MIN, 60)
        for b in range(MIN, 60)
        for k in small
        if a + b - k >= MIN and _pinned([a, b], [a + b - k])
    ]


@settings(max_examples=400)
@given(
    c=st.integers(1, 40),
    sizes=st.tuples(st.integers(MIN, 80), st.integers(MIN, 80), st.integers(1, MIN - 1)),
    shares=st.lists(st.floats(0, 1), min_size=9, max_size=9),
    pattern=st.sampled_from(["pair", "two out", "two in"]),
)
def test_no_pair_or_triple_pins_how_many_of_a_small_groups_decisions_have_a_status(
    c: int, sizes: tuple[int, int, int], shares: list[float], pattern: str
) -> None:
    """Three disjoint parts A, B and the small group G with any statuses; the rows the pattern
    publishes (A+G and A; A+B+G, A and B; A+G, B and A+B) never pin G's count of any status."""
    a, b, k = sizes
    parts = []
    for size, x in zip((a, b, k), (shares[0:3], shares[3:6], shares[6:9]), strict=True):
        counts = [int(size * c * share / 3) for share in x]
        parts.append((size, *counts))

    def row(names: tuple[int, ...], protected: bool) -> Row:
        s, m, n, i = (sum(parts[p][j] for p in names) for j in range(4))
        cell = _exact(s, c, m, n, i)
        return Row(sum(1 << p for p in names), None, c, _numbers(blur(cell) if protected else cell))

    groups = {"pair": [(0, 2), (0,)], "two out": [(0, 1, 2), (0,), (1,)]}
    groups["two in"] = [(0, 2), (1,), (0, 1)]
    assert search([row(g, True) for g in groups[pattern]], MIN, read_ranges) == []
    # The same groups, published exactly, give G away.
    assert search([row(g, False) for g in groups[pattern]], MIN, read_exact) != []


def _findings_district() -> list[Learner]:
    """The finding's numbers on 7 competencies. Grade 03: 22 students who are not English
    learners, mastering 134 of their 154 decisions (two master all 7, the rest 6), and 3 who
    are, mastering 14 of 21 (4, 5 and 5): 25 students and 148 mastered in all. Grade 04: 20 and
    2 students with no evidence."""
    learners = []
    for i in range(22):
        done = 7 if i < 2 else 6
        statuses = {(f"c{j}", "now"): "mastered" for j in range(done)}
        learners.append(Learner(f"g3-{i}", english_learner=False, statuses=statuses))
    for i, done in enumerate((4, 5, 5)):
        statuses = {(f"c{j}", "now"): "mastered" for j in range(done)}
        learners.append(Learner(f"g3-el{i}", english_learner=True, statuses=statuses))
    for i in range(20):
        learners.append(Learner(f"g4-{i}", grade="04", english_learner=False))
    learners += [Learner(f"g4-el{i}", grade="04", english_learner=True) for i in range(2)]
    return learners


COMPETENCIES = [f"c{j}" for j in range(7)]


def _domain_rows(
    learners: Sequence[Learner],
    group_by: Sequence[str],
    where: dict[str, object],
    competencies: Sequence[str],
    moment: str,
) -> tuple[list[Row], list[Row]]:
    """A summary's shown rows under the published rule (the domain's summary_cells and protect,
    fed the district's exact counts) and under the old rule (the reference copy)."""
    cells = count(learners, group_by, where, competencies, moment)
    roster = [d for d in group_by if d != "competency"]
    population = {tuple(c.key[d] for d in roster): c.students for c in cells}
    found = {
        tuple(c.key[d] for d in group_by): {
            STATUS[k]: v for k, v in c.counts.items() if k in STATUS
        }
        for c in cells
    }
    dims = [DIMENSIONS[d] for d in group_by]
    computed = summary_cells(dims, population, found, list(competencies))
    by_key = {tuple(c.key[d] for d in group_by): c for c in cells}
    shown = []
    for out in protect(computed, MIN):
        if not out.suppressed:
            cell = by_key[out.key]
            shown.append(_row(cell, moment, _numbers(out)))
    keys = [tuple(c.key[d] for d in group_by) for c in cells]
    old = naive(keys, [{"students": c.students, **c.counts} for c in cells], MIN)
    return shown, [_row(c, moment, n) for c, n in zip(cells, old, strict=True) if n]


def _row(cell: Cell, moment: str, numbers: Mapping[str, int | float | None]) -> Row:
    return Row(cell.members, (moment, cell.covered), cell.competencies, numbers)


def test_the_findings_subtraction_gives_the_learners_away_under_the_old_rule_only() -> None:
    learners = _findings_district()
    published_rows: list[Row] = []
    old_rows: list[Row] = []
    for group_by, where in (
        (["grade", "englishLearner"], {}),
        (["grade"], {}),
        (["grade"], {"englishLearner": False}),
    ):
        shown, old = _domain_rows(learners, group_by, where, COMPETENCIES, "now")
        published_rows += shown
        old_rows += old
    # Grouped by grade and learner status, every cell is hidden under both rules.
    assert len(published_rows) == len(old_rows) == 4
    learners_of_grade_3 = sum(1 << i for i in range(22, 25))
    leaks = search(old_rows, MIN, read_exact)
    assert {(x.measure, x.group, x.value) for x in leaks} >= {
        ("students", learners_of_grade_3, 3),
        ("mastered", learners_of_grade_3, 14),
        ("noEvidence", learners_of_grade_3, 7),
    }
    assert search(published_rows, MIN, read_ranges) == []


LEARNER = st.builds(
    lambda school, sex, race, statuses: (school, sex, race, statuses),
    st.sampled_from(["school-0", "school-1"]),
    st.sampled_from([None, "FEMALE", "MALE"]),
    st.sampled_from(["UNKNOWN", "ASIAN", "WHITE"]),
    st.lists(
        st.sampled_from([None, "mastered", "not_yet", "insufficient_evidence"]),
        min_size=4,
        max_size=4,
    ),
)


@st.composite
def districts(draw: st.DrawFn) -> list[Learner]:
    """Three grades, each with 10 to 50 students who are not English learners and 1 to 9 who
    are (a small group the old rule gives away), the rest of their subgroups at random."""
    learners = []
    for grade in ("03", "04", "05"):
        for el, size in ((False, draw(st.integers(MIN, 50))), (True, draw(st.integers(1, 9)))):
            for i in range(size):
                school, sex, race, statuses = draw(LEARNER)
                moments = {
                    (c, moment): s
                    for (c, moment), s in zip(
                        itertools.product(("c0", "c1"), ("then", "now")), statuses, strict=True
                    )
                    if s is not None
                }
                learners.append(Learner(f"{grade}-{el}-{i}", school, grade, sex, race, el, moments))
    return learners


FIELDS = ("school", "grade", "sex", "raceEthnicity", "englishLearner", "competency")


def _queries(learners: Sequence[Learner]) -> list[tuple[list[str], dict[str, object]]]:
    values = {
        f: sorted({x.value(f) for x in learners}, key=repr) for f in FIELDS if f != "competency"
    }
    single = [{f: v} for f, vs in values.items() for v in vs]
    filters: list[dict[str, object]] = [{}, *single]
    filters += [a | b for a, b in itertools.combinations(single, 2) if a.keys() != b.keys()]
    groupings = [[], *([f] for f in FIELDS), *(list(p) for p in itertools.combinations(FIELDS, 2))]
    return [(g, w) for g in groupings for w in filters if not set(g) & set(w)]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(districts())
def test_no_pair_or_triple_of_summaries_pins_a_small_group_in_any_district(
    learners: list[Learner],
) -> None:
    """Every summary grouped by up to two of school, grade, sex, race/ethnicity, learner status
    and competency, filtered by one value of another or not, on both competencies, now and as
    of an earlier moment: the old rule gives a small group away in every such district, the
    published rule in none."""
    published_rows: list[Row] = []
    old_rows: list[Row] = []
    for moment in ("then", "now"):
        for group_by, where in _queries(learners):
            shown, old = _domain_rows(learners, group_by, where, ["c0", "c1"], moment)
            published_rows += shown
            old_rows += old
    assert search(old_rows, MIN, read_exact) != []
    assert search(published_rows, MIN, read_ranges) == []


def test_the_search_pins_ranges_that_do_not_start_on_the_step() -> None:
    """The search is not empty-handed on ranges: were they to start anywhere, a grade read as 22
    to 31, minus two groups read as 15 to 24 each, would leave at most (so exactly) 1 student."""
    rows = [
        Row(mask, None, 1, {"students": n, "mastered": 0, "notYet": 0, "insufficientEvidence": 0})
        for mask, n in ((0b111, 22), (0b001, 15), (0b010, 15))
    ]
    assert ((0b111,), (0b001, 0b010)) in list(combinations([0b111, 0b001, 0b010], MIN))
    assert Leak("students", (0b111,), (0b001, 0b010), 0b100, 1) in search(rows, MIN, read_ranges)
