"""Grading terms (issue #16): closing a term or grading period freezes every decision as its
snapshot (inline, or in a job for a large district), reopening discards it (both audited);
snapshots, term grades and report cards read from it, and a reassessment window lets results
of the term still reach it. See docs/decisions/0050-grading-terms-and-snapshots.md."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.access import Principal, Scope, TenantId
from app.domain.audit import AuditEntry, AuditKind
from app.domain.errors import Conflict, Invalid, NotFound, Problem
from app.domain.frameworks import Competency, Framework
from app.domain.grade_rules.evaluation import Grade, Standing, grade, standards_of
from app.domain.grade_rules.language import parse
from app.domain.grading_terms import (
    FrozenDecision,
    TermClose,
    TermState,
    closing,
    frozen_view,
    parse_page_key,
)
from app.domain.jobs import Job
from app.domain.mastery.view import DecisionView
from app.domain.roster import AcademicSession, EnrollmentRole, RosterKind, User
from app.ports.clock import Clock
from app.ports.grading_terms import SnapshotQuery
from app.ports.jobs import JobArguments, JobReport, JobRunner, Progress
from app.ports.paging import Page
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.grading import standings
from app.use_cases.lookups import require_framework, require_student, users_where
from app.use_cases.mastery import MasteryReads
from app.use_cases.overrides import Overrides

CLOSE_JOB = "close_grading_term"
# Up to this many stored decisions a close freezes them inline (one INSERT ... SELECT: about a
# second on PostgreSQL); beyond, a job does, and the close answers 202 with it.
INLINE_DECISIONS = 200_000


@dataclass(frozen=True)
class ClosedTerm:
    close: TermClose
    job: Job | None = None


@dataclass(frozen=True)
class ReportCard:
    """A student's term: each standard as shown, and the course grade when the framework has
    grade rules."""

    student: User
    standings: list[Standing]
    grade: Grade | None


@dataclass(frozen=True)
class ReportCards:
    session_id: str
    framework: Framework
    close: TermClose | None  # None: the term is open, the cards read the live decisions
    cards: list[ReportCard]
    standards: tuple[Competency, ...]  # the framework's, in the order each card lists them


async def _session(uow: UnitOfWork, session_id: str) -> AcademicSession:
    found = await uow.roster(RosterKind.ACADEMIC_SESSION).get(session_id)
    if not isinstance(found, AcademicSession):
        raise NotFound(f"No academic session {session_id!r}")
    return found


def _closed(close: TermClose | None, session_id: str) -> TermClose:
    """The close a snapshot read needs: not found while the term is open, a conflict while a
    job is still freezing it."""
    if close is None:
        raise NotFound(f"Academic session {session_id!r} is not closed: it has no snapshot")
    if close.state is TermState.CLOSING:
        raise Conflict(f"Academic session {session_id!r} is being closed; its job freezes it")
    return close


@dataclass(kw_only=True)
class GradingTerms:
    uow: UnitOfWorkFactory
    clock: Clock
    jobs: JobRunner
    mastery: MasteryReads
    # Lets overrides that expired stop showing first, so that the frozen rows show what a
    # read at the close shows.
    overrides: Overrides | None = None
    inline_decisions: int = INLINE_DECISIONS

    async def close(
        self, principal: Principal, session_id: str, reassessment_until: datetime | None = None
    ) -> ClosedTerm:
        """Freeze every decision of the district as the session's snapshot; audited."""
        if self.overrides is not None:
            await self.overrides.expire_overrides(principal)
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            session = await _session(uow, session_id)
            if (existing := await uow.grading_terms.get(session_id)) is not None:
                raise Conflict(
                    f"Academic session {session_id!r} is {existing.state.value} already",
                    [Problem(("path", "id"), "reopen it first")],
                )
            large = await uow.grading_terms.more_decisions_than(self.inline_decisions)
            close = closing(session, principal.client_id, now, reassessment_until, in_job=large)
            if not large:
                close = replace(close, decisions=await uow.grading_terms.freeze(session_id))
            await uow.grading_terms.add(close)
            await uow.audit.record(
                AuditEntry(
                    now,
                    principal.client_id,
                    AuditKind.TERM_CLOSED,
                    session_id,
                    after=close.as_facts(),
                )
            )
            await uow.commit()
        if not large:
            return ClosedTerm(close)
        arguments = {"session_id": session_id, "closed_at": now.isoformat()}
        job = await self.jobs.enqueue(
            principal.tenant_id, CLOSE_JOB, Scope.FRAMEWORKS_WRITE, arguments
        )
        return ClosedTerm(close, job)

    async def run_close_job(
        self, tenant: TenantId, arguments: JobArguments, progress: Progress
    ) -> JobReport:
        """A large close's freeze: one transaction, so a job begun again starts over. A close
        reopened (or closed again) since the job was queued is not this job's to finish."""
        async with self.uow(tenant) as uow:
            close = await uow.grading_terms.get(arguments["session_id"])
            if (
                close is None
                or close.state is TermState.CLOSED
                or close.closed_at.isoformat() != arguments["closed_at"]
            ):
                return JobReport(result={"frozen": False})
            frozen = await uow.grading_terms.freeze(close.session_id)
            await uow.grading_terms.save(replace(close, state=TermState.CLOSED, decisions=frozen))
            await uow.commit()
        await progress.advance(frozen, frozen)
        return JobReport(result={"frozen": True, "decisions": frozen})

    async def reopen(self, principal: Principal, session_id: str, reason: str) -> TermClose:
        """Discard the session's snapshot (a later close freezes it again); audited with the
        close it undoes and the reason."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            await _session(uow, session_id)
            close = await uow.grading_terms.get(session_id)
            if close is None:
                raise Conflict(
                    f"Academic session {session_id!r} is not closed",
                    [Problem(("path", "id"), "is open")],
                )
            discarded = await uow.grading_terms.remove(session_id)
            await uow.audit.record(
                AuditEntry(
                    now,
                    principal.client_id,
                    AuditKind.TERM_REOPENED,
                    session_id,
                    before={**close.as_facts(), "decisions": discarded},
                    after={"reason": reason},
                )
            )
            await uow.commit()
        return close

    async def snapshot(
        self,
        principal: Principal,
        session_id: str,
        *,
        limit: int,
        student_id: str | None = None,
        class_id: str | None = None,
        framework_id: str | None = None,
        after: str | None = None,
    ) -> tuple[TermClose, Page[DecisionView]]:
        """A page of the session's frozen decisions, in (student, competency) order."""
        if after is not None and parse_page_key(after) is None:
            raise Invalid("The cursor is not valid", [Problem(("query", "cursor"), "not a cursor")])
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await _session(uow, session_id)
            close = _closed(await uow.grading_terms.get(session_id), session_id)
            if student_id is not None:
                await require_student(uow, student_id)
            if class_id is not None and await uow.roster(RosterKind.CLASS).get(class_id) is None:
                raise NotFound(f"No class {class_id!r}")
            if framework_id is not None:
                await require_framework(uow, framework_id)
            query = SnapshotQuery(session_id, limit, student_id, class_id, framework_id, after)
            page = await uow.grading_terms.snapshot(query)
            frameworks = await uow.frameworks.get_many({f.record.framework_id for f in page.items})
        views = [frozen_view(f, frameworks.get(f.record.framework_id)) for f in page.items]
        return close, Page(views, page.last_key)

    async def term_views(
        self, principal: Principal, session_id: str, framework: Framework, students: Sequence[str]
    ) -> tuple[TermClose | None, dict[str, list[DecisionView]]]:
        """The students' decisions of the term: frozen once it is closed, else live (results
        after a close count for the next term, still open)."""
        frozen: list[FrozenDecision] = []
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await _session(uow, session_id)
            close = await uow.grading_terms.get(session_id)
            if close is not None:
                close = _closed(close, session_id)
                frozen = await uow.grading_terms.of_students(session_id, students, framework.id)
        if close is None:
            live = await self.mastery.students_mastery(
                principal, students, framework_id=framework.id
            )
            return None, live
        found: dict[str, list[DecisionView]] = defaultdict(list)
        for f in frozen:
            found[f.record.student_id].append(frozen_view(f, framework))
        return close, found

    async def frozen_views(
        self, principal: Principal, session_id: str, students: Sequence[str]
    ) -> dict[str, list[DecisionView]] | None:
        """The students' frozen decisions in every framework once the term is closed (and its
        freezing done); None while it is open (or still being frozen): read the live ones."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            close = await uow.grading_terms.get(session_id)
            if close is None or close.state is TermState.CLOSING:
                return None
            frozen = await uow.grading_terms.of_students(session_id, students, None)
            frameworks = await uow.frameworks.get_many({f.record.framework_id for f in frozen})
        found: dict[str, list[DecisionView]] = {s: [] for s in students}
        for f in frozen:
            found[f.record.student_id].append(frozen_view(f, frameworks.get(f.record.framework_id)))
        return found

    async def report_cards(
        self,
        principal: Principal,
        session_id: str,
        framework_id: str,
        *,
        class_id: str | None = None,
        student_id: str | None = None,
    ) -> ReportCards:
        """The term's report card of a class's students, or of one student."""
        if (class_id is None) == (student_id is None):
            raise Invalid(
                "A report card is asked for a class or for a student",
                [Problem(("query", "class_id"), "give class_id or student_id, not both")],
            )
        async with self.uow(principal.tenant_id, writes=False) as uow:
            framework = await require_framework(uow, framework_id)
            stored = await uow.frameworks.grade_rules(framework_id)
            students = await _students(uow, class_id, student_id)
        rules = parse(stored[0]) if stored is not None else None
        close, views = await self.term_views(
            principal, session_id, framework, [s.id for s in students]
        )
        cards = []
        for student in students:
            standing = standings(framework, views.get(student.id, []))
            found = grade(rules, standing) if rules is not None else None
            cards.append(ReportCard(student, standing, found))
        return ReportCards(session_id, framework, close, cards, standards_of(framework))

    async def term_grade(
        self, principal: Principal, student_id: str, framework_id: str, session_id: str
    ) -> tuple[Grade, TermClose | None]:
        """The student's grade of the term, by the framework's rules: from the snapshot once
        the term is closed, else from the live decisions."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
            framework = await require_framework(uow, framework_id)
            stored = await uow.frameworks.grade_rules(framework_id)
        if stored is None:
            raise NotFound(f"Framework {framework_id!r} has no grade rules")
        close, views = await self.term_views(principal, session_id, framework, [student_id])
        return grade(parse(stored[0]), standings(framework, views.get(student_id, []))), close


async def _students(uow: UnitOfWork, class_id: str | None, student_id: str | None) -> list[User]:
    if student_id is not None:
        found = await uow.roster(RosterKind.USER).get(student_id)
        if not isinstance(found, User) or not await uow.roster(RosterKind.USER).active_ids(
            [student_id]
        ):
            raise NotFound(f"No user {student_id!r}")
        return [found]
    assert class_id is not None
    if await uow.roster(RosterKind.CLASS).get(class_id) is None:
        raise NotFound(f"No class {class_id!r}")
    filters = {"class_id": class_id, "enrollment_role": EnrollmentRole.STUDENT.value}
    return await users_where(uow, filters)
