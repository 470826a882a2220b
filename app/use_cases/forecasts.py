"""Pacing forecasts: a student's expected mastery dates, and a class's students not on track to
master by a date (by default the end of the class's current term). The rule is the domain's
(app/domain/mastery/forecast.py); this reads the decisions and evidence set-based: one read of
the evidence of a framework for a student, 500 students at a time for a class."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.access import Principal
from app.domain.errors import Invalid, NotFound, Problem
from app.domain.evidence import Evidence
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.forecast import Forecast, NoForecast, competency_forecast
from app.domain.mastery.view import DecisionView, view_of
from app.domain.roster import AcademicSession, EnrollmentRole, RosterKind, SchoolClass, User
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.lookups import require_framework, require_student, users_where

_BATCH = 500  # students read per query, as the class grid and the grade simulation do


@dataclass(frozen=True)
class CompetencyForecast:
    """One competency not yet mastered: where it stands and when mastery is expected."""

    competency: Competency
    status: MasteryStatus
    forecast: Forecast


@dataclass(frozen=True)
class NotOnTrack:
    """A student and a competency whose forecast does not say mastery by the date."""

    student: User
    item: CompetencyForecast


@dataclass(frozen=True)
class ClassForecast:
    class_id: str
    framework: Framework
    by: date
    session: AcademicSession | None  # the term `by` is the end of, when it was not given
    students: int
    not_on_track: list[NotOnTrack]


def _forecasts(
    framework: Framework,
    views: dict[str, DecisionView],
    evidence: Sequence[Evidence],
    now: datetime,
) -> list[CompetencyForecast]:
    by_competency: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence:
        by_competency[e.competency_id].append(e)
    found: list[CompetencyForecast] = []
    for competency in framework.active_competencies():
        view = views.get(competency.id)
        status = view.shown.status if view is not None else MasteryStatus.NO_EVIDENCE
        if status is MasteryStatus.MASTERED:
            continue
        forecast = competency_forecast(
            framework.policy_for(competency.id),
            by_competency.get(competency.id, ()),
            now,
            rolled_up=view is not None and view.computed.rolled_up,
            overridden=view is not None and view.shown.overridden,
        )
        found.append(CompetencyForecast(competency, status, forecast))
    return found


async def _read(
    uow: UnitOfWork, framework: Framework, student_ids: Sequence[str], now: datetime
) -> dict[str, list[CompetencyForecast]]:
    """The forecasts of these students (one read of decisions and one of evidence)."""
    ids = [c.id for c in framework.active_competencies()]
    records = await uow.decisions.for_students(student_ids, ids, with_state=False)
    evidence = await uow.evidence.for_students(student_ids, ids)
    views: dict[str, dict[str, DecisionView]] = defaultdict(dict)
    for r in records:
        views[r.student_id][r.competency_id] = view_of(r, framework, now)
    return {s: _forecasts(framework, views[s], evidence.get(s, []), now) for s in student_ids}


def current_term(sessions: Sequence[AcademicSession], today: date) -> AcademicSession | None:
    """Of a class's sessions, the one running today that ends first (a term before its year);
    else none."""
    running = [s for s in sessions if s.start_date <= today <= s.end_date]
    return min(running, key=lambda s: (s.end_date, s.id), default=None)


@dataclass(frozen=True, kw_only=True)
class Forecasts:
    uow: UnitOfWorkFactory
    clock: Clock

    async def student_forecast(
        self, principal: Principal, student_id: str, framework_id: str
    ) -> list[CompetencyForecast]:
        """Every active competency of the framework the student has not mastered, with its
        forecast, in framework order."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
            framework = await require_framework(uow, framework_id)
            return (await _read(uow, framework, [student_id], now))[student_id]

    async def students_forecasts(
        self, principal: Principal, student_ids: Sequence[str], framework_id: str
    ) -> dict[str, list[CompetencyForecast]]:
        """Many students' forecasts at once (GraphQL's loader): the active users' only."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id, writes=False) as uow:
            active = await uow.roster(RosterKind.USER).active_ids(student_ids)
            framework = await require_framework(uow, framework_id)
            ids = [s for s in dict.fromkeys(student_ids) if s in active]
            found: dict[str, list[CompetencyForecast]] = {}
            for i in range(0, len(ids), _BATCH):
                found |= await _read(uow, framework, ids[i : i + _BATCH], now)
            return found

    async def class_forecast(
        self, principal: Principal, class_id: str, framework_id: str, by: date | None = None
    ) -> ClassForecast:
        """The class's students not on track to master each active competency by `by` (by
        default the end of the class's current term): no date, or a date after `by`."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id, writes=False) as uow:
            found = await uow.roster(RosterKind.CLASS).get(class_id)
            if not isinstance(found, SchoolClass):
                raise NotFound(f"No class {class_id!r}")
            framework = await require_framework(uow, framework_id)
            session = None
            if by is None:
                sessions = await uow.roster(RosterKind.ACADEMIC_SESSION).get_many(found.session_ids)
                session = current_term(
                    [s for s in sessions.values() if isinstance(s, AcademicSession)], now.date()
                )
                if session is None:
                    raise Invalid(
                        "The class has no term running today",
                        [Problem(("query", "by"), "give the date to be on track by")],
                    )
                by = session.end_date
            students = await users_where(
                uow, {"class_id": class_id, "enrollment_role": EnrollmentRole.STUDENT.value}
            )
            behind: list[NotOnTrack] = []
            for i in range(0, len(students), _BATCH):
                batch = students[i : i + _BATCH]
                forecasts = await _read(uow, framework, [s.id for s in batch], now)
                behind += [
                    NotOnTrack(s, item)
                    for s in batch
                    for item in forecasts[s.id]
                    # A rollup's way forward is its children's, listed themselves.
                    if not item.forecast.on_track(by)
                    and item.forecast.reason is not NoForecast.ROLLED_UP
                ]
        return ClassForecast(class_id, framework, by, session, len(students), behind)
