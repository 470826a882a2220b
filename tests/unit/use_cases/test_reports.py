"""Preparing reports on fakes: what is asked of the read models, the exact counts handed to
`protect` (app.domain.reporting), and what is published.

Decisions on n1 (one competency in scope), by school:
    org-a  23 students: 12 mastered, 5 not yet, 2 insufficient, 4 with nothing
    org-b   4 students:  3 mastered, 1 with nothing
    org-c  31 students: 20 mastered, 11 not yet (one of them a teacher's "mastered" that
           expired on day 1, still stored as shown until reports expire it)"""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.bootstrap import Policy
from app.domain.errors import Invalid, Problem
from app.domain.frameworks import DEFAULT_CALCULATION, DEFAULT_SCALE
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.mastery.override import Override
from app.domain.mastery.record import DecisionRecord
from app.domain.reporting import Dimension, Interval, SummaryCell
from app.domain.roster import Org, OrgType, User
from app.ports.reports import ReportScope
from app.use_cases import reports as reports_module
from app.use_cases.catalog import UseCases
from app.use_cases.evidence import EvidenceInput
from app.use_cases.reports import ReportFilter
from tests.fakes.clock import START
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT, day, given, person

M, N, I = (  # noqa: E741
    MasteryStatus.MASTERED,
    MasteryStatus.NOT_YET,
    MasteryStatus.INSUFFICIENT_EVIDENCE,
)
SCHOOLS = {"org-a": [M] * 12 + [N] * 5 + [I] * 2 + [None] * 4, "org-b": [M] * 3 + [None]}
SCHOOLS["org-c"] = [M] * 20 + [N] * 10 + ["expired"]
N1_ONLY = ReportFilter(competency_ids=("n1",))


def _decision(student: str, status: MasteryStatus) -> DecisionRecord:
    computed = ComputedDecision(status, None, None, 1, DEFAULT_CALCULATION)
    return DecisionRecord(student, "n1", "math", computed, None, None, None, START)


@pytest.fixture
async def district(fakes: FakeAdapters) -> FakeAdapters:
    students: list[User] = []
    decisions: list[DecisionRecord] = []
    mastered_until_day_1 = Override(None, M, "portfolio", day(1), START, "t1")
    for school, statuses in SCHOOLS.items():
        for i, status in enumerate(statuses):
            student = f"{school}-{i:02d}"
            students.append(person(student, org_ids=(school,)))
            if status == "expired":
                decisions.append(replace(_decision(student, N), override=mastered_until_day_1))
            elif status is not None:
                decisions.append(_decision(student, status))
    await given(fakes, *students)
    async with fakes.database.uow(TENANT) as uow:
        for school in SCHOOLS:
            await uow.roster(Org.kind).save(
                Org(id=school, name=school, type=OrgType.SCHOOL, updated_at=START)
            )
        await uow.decisions.save_many(decisions, [], lambda _: DEFAULT_SCALE, START)
        await uow.commit()
    fakes.clock.set(day(2))
    return fakes


async def test_a_report_counts_what_its_filter_asks(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.reports.mastery_summary(CALLER, "math", [Dimension.SCHOOL], N1_ONLY)
    assert district.database.report_scopes == [
        ReportScope(
            framework_id="math",
            competency_ids=("n1",),
            dimensions=(Dimension.SCHOOL,),
            # The framework's other competencies, in framework order (n3 is retired).
            excluded_competency_ids=("n", "n2", "n3", "g"),
        )
    ]
    # Without a filter: the active competencies, in framework order.
    await use_cases.reports.mastery_summary(CALLER, "math", [])
    assert district.database.report_scopes[-1].competency_ids == ("n", "n1", "n2", "g")


async def test_the_exact_counts_go_to_protect_and_ranges_are_published(
    district: FakeAdapters, use_cases: UseCases, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[list[SummaryCell]] = []
    real = reports_module.protect

    def spy(cells: list[SummaryCell], min_cell: int) -> list[SummaryCell]:
        handed.append(list(cells))
        return real(cells, min_cell)

    monkeypatch.setattr(reports_module, "protect", spy)
    summary = await use_cases.reports.mastery_summary(CALLER, "math", [Dimension.SCHOOL], N1_ONLY)
    # Exact: the expired override no longer counts as mastered (20 and 11 at org-c).
    assert handed == [
        [
            SummaryCell(("org-a",), 23, 23, 12, 5, 2, 4, 52.17),
            SummaryCell(("org-b",), 4, 4, 3, 0, 0, 1, 75.0),
            SummaryCell(("org-c",), 31, 31, 20, 11, 0, 0, 64.52),
        ]
    ]
    # org-b has fewer than 10 students: hidden; then org-a, the smaller of the other two
    # (20-29 against 30-39), so that b cannot be had by subtraction. org-c in ranges of 10:
    # 30 students, 20 mastered, 10 not yet; 20-29 mastered of 30-39: 2000/39 = 51.3% down to
    # 51, 2900/30 = 96.7% up to 97: too wide for one percentage.
    assert summary.cells == [
        SummaryCell(("org-a",), None, None, None, None, None, None, None, True),
        SummaryCell(("org-b",), None, None, None, None, None, None, None, True),
        SummaryCell(("org-c",), 30, 30, 20, 10, 0, 0, None, False, ((20, 29), (30, 39)), (51, 97)),
    ]
    assert summary.min_cell_size == 10


async def test_reports_first_let_expired_overrides_stop_showing(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    stored = district.database.tables(TENANT).decisions
    assert stored[("org-c-30", "n1")].shown_status is M
    await use_cases.reports.mastery_summary(CALLER, "math", [], N1_ONLY)
    assert stored[("org-c-30", "n1")].shown_status is N


async def test_the_whole_district_in_one_cell(district: FakeAdapters, use_cases: UseCases) -> None:
    summary = await use_cases.reports.mastery_summary(CALLER, "math", [], N1_ONLY)
    # 58 students: 35 mastered, 16 not yet, 2 insufficient; published 50, 30, 10, 0; 30-39
    # mastered of 50-59: 3000/59 = 50.8% down to 50, 3900/50 = 78%: too wide to print.
    assert summary.cells == [
        SummaryCell((), 50, 50, 30, 10, 0, 10, None, False, ((30, 39), (50, 59)), (50, 78))
    ]


async def test_a_larger_minimum_cell_hides_more(district: FakeAdapters) -> None:
    use_cases = district.use_cases(Policy(report_min_cell=60))
    summary = await use_cases.reports.mastery_summary(CALLER, "math", [], N1_ONLY)
    assert summary.cells == [SummaryCell((), None, None, None, None, None, None, None, True)]
    assert summary.min_cell_size == 60


async def test_a_bad_report_request_lists_every_problem(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    with pytest.raises(Invalid) as refused:
        await use_cases.reports.mastery_summary(
            CALLER,
            "math",
            [],
            ReportFilter(competency_ids=("n1", "zz", "yy"), under_competency_id="xx"),
        )
    assert refused.value.problems == [
        Problem(("filter", "competencyIds", 1), "'zz' is not in this framework"),
        Problem(("filter", "competencyIds", 2), "'yy' is not in this framework"),
        Problem(("filter", "underCompetencyId"), "is not a competency of this framework"),
    ]
    with pytest.raises(Invalid, match="grouped by once"):
        await use_cases.reports.mastery_summary(
            CALLER, "math", [Dimension.SCHOOL, Dimension.SCHOOL]
        )
    assert district.database.report_scopes == []  # nothing was counted


async def test_a_trend_counts_the_history_before_each_period_ends(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    # Ten students, each mastered on n1 on day 1 (their history says so).
    await given(fakes, *(person(f"s{i}") for i in range(10)))
    fakes.clock.set(day(1))
    await use_cases.evidence.record_evidence(
        CALLER, [EvidenceInput(f"s{i}", "n1", 4, day(1), f"r{i}") for i in range(10)]
    )
    fakes.clock.set(day(9))
    trend = await use_cases.reports.mastery_trend(
        CALLER, "math", [], day(-6), None, Interval.WEEK, N1_ONLY
    )
    # Weeks from Monday: 2025-08-25 (nothing yet), 09-01 (day 1 is within it), 09-08 to now.
    assert [p.period.start.date().isoformat() for p in trend.points] == [
        "2025-08-25",
        "2025-09-01",
        "2025-09-08",
    ]
    assert [p.cells[0].mastered for p in trend.points] == [0, 10, 10]
    assert [p.cells[0].students for p in trend.points] == [10, 10, 10]
