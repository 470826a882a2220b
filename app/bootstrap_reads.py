"""The read side's use cases (decisions, readiness, reports) and the LTI pages built on them,
wired apart from app/bootstrap.py (at its size limit) so that the pages share the very objects
the API uses instead of a second, drifting wiring."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.use_cases.access import Access
from app.use_cases.changes import ChangeFeedReading
from app.use_cases.forecasts import Forecasts
from app.use_cases.frameworks import Frameworks
from app.use_cases.grading import Grading
from app.use_cases.grading_terms import GradingTerms
from app.use_cases.lti_pages import LtiPages
from app.use_cases.mastery import MasteryReads
from app.use_cases.overrides import Overrides
from app.use_cases.prerequisites import Prerequisites
from app.use_cases.report_cards import ReportCards
from app.use_cases.reports import Reports
from app.use_cases.roster import Roster

if TYPE_CHECKING:  # app.bootstrap imports this module
    from app.bootstrap import Adapters, Policy


@dataclass(frozen=True)
class ReadSide:
    mastery: MasteryReads
    prerequisites: Prerequisites
    reports: Reports
    lti_pages: LtiPages
    changes: ChangeFeedReading
    grading: Grading
    report_cards: ReportCards
    forecasts: Forecasts
    grading_terms: GradingTerms


def read_side(
    a: Adapters,
    policy: Policy,
    *,
    access: Access,
    frameworks: Frameworks,
    overrides: Overrides,
    roster: Roster,
) -> ReadSide:
    mastery = MasteryReads(uow=a.uow, clock=a.clock, overrides=overrides)
    prerequisites = Prerequisites(uow=a.uow, clock=a.clock, frameworks=frameworks)
    reports = Reports(
        reads=a.report_reads or a.reads,
        clock=a.clock,
        frameworks=frameworks,
        overrides=overrides,
        min_cell_size=policy.report_min_cell,
    )
    forecasts = Forecasts(uow=a.uow, clock=a.clock)
    pages = LtiPages(
        sessions=a.page_sessions,
        access=access,
        clock=a.clock,
        roster=roster,
        frameworks=frameworks,
        mastery=mastery,
        prerequisites=prerequisites,
        overrides=overrides,
        reports=reports,
        forecasts=forecasts,
    )
    changes = ChangeFeedReading(
        uow=a.uow, clock=a.clock, retention_days=policy.changes_retention_days
    )
    grading = Grading(uow=a.uow, clock=a.clock, mastery=mastery)
    # Grading terms read the live decisions until a close freezes them (0050).
    terms = GradingTerms(
        uow=a.uow, clock=a.clock, jobs=a.jobs, mastery=mastery, overrides=overrides
    )
    report_cards = ReportCards(
        uow=a.uow, clock=a.clock, mastery=mastery, roster=roster, terms=terms
    )
    return ReadSide(
        mastery, prerequisites, reports, pages, changes, grading, report_cards, forecasts, terms
    )
