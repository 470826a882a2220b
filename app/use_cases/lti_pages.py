"""What the pages an LMS launch opens show (docs/decisions/0039-lti-pages.md): a student's
standing, a teacher's class, a guardian's children, a school leader's summary.

A page session (app.domain.lti.session) is the only credential: it names its tenant and the
people its viewer may see, and every read here is narrowed to them before any use case runs.
The pages act as a principal of their own (`lti:` and the LTI user), so what a teacher
overrides from a page is audited under that name. Counts come from the reports use case, with
its disclosure control; nothing here counts students."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.access import Principal, Scope
from app.domain.errors import Invalid, NotFound
from app.domain.frameworks import Competency, Framework
from app.domain.lti.session import PageRole, PageSession
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.explanation import EvidenceLine
from app.domain.mastery.view import DecisionView
from app.domain.prerequisites import ready_to_learn
from app.domain.report_scope import ReportFilter
from app.domain.reporting import Dimension
from app.domain.roster import EnrollmentRole, Org, OrgType, RosterKind, User
from app.ports.clock import Clock
from app.ports.lti import PageSessionCodec
from app.ports.roster import RosterQuery
from app.use_cases.access import Access
from app.use_cases.forecasts import ClassForecast, Forecasts
from app.use_cases.frameworks import Frameworks
from app.use_cases.mastery import ClassGrid, MasteryReads
from app.use_cases.overrides import Overrides
from app.use_cases.prerequisites import Prerequisites, Ready
from app.use_cases.reports import Reports, Summary
from app.use_cases.roster import Roster

# What a page may do, named like an API client's scopes so the audit reads the same way.
_PAGE_SCOPES = frozenset({Scope.MASTERY_READ, Scope.REPORTS_READ, Scope.ROSTER_READ})
_MANY = 500  # frameworks listed, or students read, per page of the roster


@dataclass(frozen=True)
class StandingRow:
    """One competency on a student's page: where they stand, why, and how they got there."""

    competency: Competency
    view: DecisionView
    explanation: str
    evidence: tuple[EvidenceLine, ...]


@dataclass(frozen=True)
class FrameworkStanding:
    framework: Framework
    rows: list[StandingRow]
    ready: list[Ready]


@dataclass(frozen=True)
class StudentStanding:
    student: User
    frameworks: list[FrameworkStanding]


@dataclass(frozen=True)
class ClassView:
    """A teacher's class in one framework: the grid, who is not yet there, and who is ready for
    what next (each student under the first competency they are ready to learn)."""

    grid: ClassGrid
    frameworks: list[Framework]
    not_yet: dict[str, list[User]]
    ready_groups: list[tuple[Competency | None, list[User]]]
    # Who is not on track to master by the end of the term running today (None: no term runs).
    behind: ClassForecast | None = None


@dataclass(frozen=True)
class SchoolView:
    framework: Framework
    frameworks: list[Framework]
    by_competency: Summary
    by_subgroup: Summary
    subgroup: Dimension
    # The leader's orgs to choose from, the one shown (None: the whole district).
    orgs: list[Org]
    org: Org | None


@dataclass(frozen=True, kw_only=True)
class LtiPages:
    sessions: PageSessionCodec
    access: Access
    clock: Clock
    roster: Roster
    frameworks: Frameworks
    mastery: MasteryReads
    prerequisites: Prerequisites
    overrides: Overrides
    reports: Reports
    forecasts: Forecasts | None = None

    def open(self, token: str) -> PageSession:
        """The session a page's token names; Unauthorized when forged or expired."""
        return self.sessions.read(token, self.clock.now())

    async def district_name(self, session: PageSession) -> str:
        """The district's name for the page's heading (its slug if the tenant is gone)."""
        return await self.access.district_name(session.tenant_id, session.tenant_slug)

    @staticmethod
    def principal(session: PageSession) -> Principal:
        return Principal(
            f"lti:{session.user_id}", session.tenant_id, session.tenant_slug, _PAGE_SCOPES
        )

    async def class_students(self, session: PageSession) -> list[User]:
        """The students of the teacher's class (none without a class)."""
        if session.class_id is None:
            return []
        students: list[User] = []
        query = RosterQuery(limit=_MANY)
        while True:
            page = await self.roster.class_members(
                session.tenant_id, session.class_id, EnrollmentRole.STUDENT, query
            )
            students += [u for u in page.items if isinstance(u, User)]
            if page.last_key is None:
                return students
            query = RosterQuery(limit=_MANY, after=page.last_key)

    async def may_see(self, session: PageSession, student_id: str) -> bool:
        """Whether this session's viewer may see this student: their own, a mentee, a student
        of the teacher's class; a leader sees counts, never a student."""
        if session.role in (PageRole.STUDENT, PageRole.GUARDIAN):
            own = (session.person_id,) if session.role is PageRole.STUDENT else ()
            return student_id in (*session.student_ids, *own)
        if session.role is PageRole.TEACHER:
            return student_id in {s.id for s in await self.class_students(session)}
        return False

    async def _require_visible(self, session: PageSession, student_id: str) -> User:
        # Someone the viewer may not see answers as if they did not exist.
        if not await self.may_see(session, student_id):
            raise NotFound(f"No student {student_id!r}")
        return await self.roster.get_student(session.tenant_id, student_id)

    async def session_frameworks(self, session: PageSession) -> list[Framework]:
        """The frameworks chosen for the course (Deep Linking or a course setting), else all."""
        principal = self.principal(session)
        if session.framework_ids:
            chosen = await self.frameworks.frameworks_by_id(principal, session.framework_ids)
            return [chosen[f] for f in session.framework_ids if f in chosen]
        return list((await self.frameworks.list_frameworks(principal, None, _MANY)).items)

    async def student(self, session: PageSession, student_id: str) -> StudentStanding:
        """A student's standing on each competency of the session's frameworks (else every
        framework in which they have a decision), with explanations and dated evidence."""
        student = await self._require_visible(session, student_id)
        principal = self.principal(session)
        if session.framework_ids:
            frameworks = await self.session_frameworks(session)
        else:
            views = await self.mastery.student_mastery(principal, student_id)
            ids = tuple(dict.fromkeys(v.framework_id for v in views))
            by_id = await self.frameworks.frameworks_by_id(principal, ids)
            frameworks = [by_id[f] for f in ids if f in by_id]
        standings = []
        for framework in frameworks:
            views = await self.mastery.student_mastery(
                principal, student_id, framework_id=framework.id
            )
            details = await self.mastery.decision_details(
                principal, [(student_id, v.competency_id) for v in views]
            )
            rows = []
            for view in views:
                detail = details.get((student_id, view.competency_id))
                rows.append(
                    StandingRow(
                        framework.competency(view.competency_id),
                        detail.view if detail else view,
                        detail.explanation.summary if detail else "",
                        detail.explanation.evidence if detail else (),
                    )
                )
            ready = await self.prerequisites.student_ready(principal, student_id, framework.id)
            standings.append(FrameworkStanding(framework, rows, ready))
        return StudentStanding(student, standings)

    async def guardian(self, session: PageSession) -> list[User]:
        """The students a guardian (an LTI mentor) may see, as the roster names them."""
        found = []
        for student_id in session.student_ids:
            try:
                found.append(await self.roster.get_student(session.tenant_id, student_id))
            except NotFound:
                continue  # a mentee the roster does not (yet) know
        return found

    async def class_view(self, session: PageSession, framework_id: str | None) -> ClassView:
        """The teacher's class in one of the session's frameworks (the first by default)."""
        if session.role is not PageRole.TEACHER or session.class_id is None:
            raise NotFound("No class for this launch")
        frameworks = await self.session_frameworks(session)
        framework = _chosen(frameworks, framework_id)
        principal = self.principal(session)
        grid = await self.mastery.class_grid(principal, session.class_id, framework.id)
        not_yet: dict[str, list[User]] = {
            c.id: [
                s
                for s in grid.students
                if grid.decisions[(s.id, c.id)].shown.status is MasteryStatus.NOT_YET
            ]
            for c in grid.competencies
        }
        # Readiness from the grid's own decisions (as shown, overrides included), as
        # Prerequisites.student_ready decides it, without a read per student.
        groups: dict[str | None, list[User]] = {}
        for student in grid.students:
            mastered = {
                c.id
                for c in grid.competencies
                if grid.decisions[(student.id, c.id)].shown.status is MasteryStatus.MASTERED
            }
            ready = ready_to_learn(framework, mastered)
            groups.setdefault(ready[0].id if ready else None, []).append(student)
        ready_groups = [
            (framework.competency(cid) if cid is not None else None, members)
            for cid, members in groups.items()
        ]
        behind = None
        if self.forecasts is not None:
            try:
                behind = await self.forecasts.class_forecast(
                    principal, session.class_id, framework.id
                )
            except Invalid:  # no term runs today: nothing to be on track for
                behind = None
        return ClassView(grid, frameworks, not_yet, ready_groups, behind)

    async def override(
        self,
        session: PageSession,
        student_id: str,
        competency_id: str,
        *,
        level: float | None,
        status: str | None,
        reason: str,
        expires_at: datetime | None,
    ) -> DecisionView:
        """A teacher's override from the class page: only with the launch's leave to override,
        and only for a student of the class."""
        if session.role is not PageRole.TEACHER or not session.can_override:
            raise NotFound("This launch may not override decisions")
        await self._require_visible(session, student_id)
        return await self.overrides.put_override(
            self.principal(session),
            student_id,
            competency_id,
            level=level,
            status=status,
            reason=reason,
            expires_at=expires_at,
        )

    async def school(
        self,
        session: PageSession,
        framework_id: str | None,
        subgroup: Dimension,
        org_id: str | None = None,
    ) -> SchoolView:
        """One of the leader's orgs (the first by default) by competency and by a subgroup, as
        the reports count them: small cells suppressed the same way. A district org, or a
        leader launched with no org at all (the district's administrator), sees the district."""
        if session.role is not PageRole.LEADER:
            raise NotFound("No school for this launch")
        if org_id is not None and org_id not in session.org_ids:
            raise NotFound(f"No org {org_id!r}")
        orgs = []
        for known in session.org_ids:
            try:
                found = await self.roster.get_record(session.tenant_id, RosterKind.ORG, known)
            except NotFound:
                continue  # an org the roster does not (yet) know
            if isinstance(found, Org):
                orgs.append(found)
        if session.org_ids and not orgs:
            raise NotFound("None of this launch's orgs is in the roster")
        wanted = org_id or (orgs[0].id if orgs else None)
        org = next((o for o in orgs if o.id == wanted), None)
        if session.org_ids and org is None:
            raise NotFound(f"No org {org_id!r}")
        frameworks = await self.session_frameworks(session)
        framework = _chosen(frameworks, framework_id)
        principal = self.principal(session)
        school = org.id if org is not None and org.type is not OrgType.DISTRICT else None
        given = ReportFilter(school_id=school)
        by_competency = await self.reports.mastery_summary(
            principal, framework.id, [Dimension.COMPETENCY], given
        )
        by_subgroup = await self.reports.mastery_summary(principal, framework.id, [subgroup], given)
        return SchoolView(framework, frameworks, by_competency, by_subgroup, subgroup, orgs, org)


def _chosen(frameworks: Sequence[Framework], framework_id: str | None) -> Framework:
    if not frameworks:
        raise NotFound("No framework for this launch")
    if framework_id is None:
        return frameworks[0]
    for framework in frameworks:
        if framework.id == framework_id:
            return framework
    raise NotFound(f"No framework {framework_id!r}")
