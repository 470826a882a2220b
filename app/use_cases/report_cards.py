"""A student's report card (issue #16, "printable report cards"): for each framework, the
standards as the decisions show them (a teacher's override with its reason as the comment),
and the course grade under the framework's grade rules with the reason in words.

One read of the student's decisions for every framework on the card; the grade is the domain's
`grade` over the same standings that `GET /v1/students/{id}/grades` uses, so the card and the
grades endpoint cannot disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.access import Principal
from app.domain.errors import NotFound
from app.domain.frameworks import Competency, Framework
from app.domain.grade_rules.evaluation import Grade, grade, standards_of
from app.domain.grade_rules.language import parse
from app.domain.mastery.view import DecisionView
from app.domain.roster import AcademicSession, RosterKind, User
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWorkFactory
from app.use_cases.grading import standings
from app.use_cases.grading_terms import GradingTerms
from app.use_cases.lookups import require_student
from app.use_cases.mastery import MasteryReads
from app.use_cases.roster import Roster


@dataclass(frozen=True)
class CardLine:
    """One standard on the card: its decision as shown and the teacher's comment when an
    override sets what shows."""

    competency: Competency
    view: DecisionView

    @property
    def comment(self) -> str | None:
        override = self.view.shown.override
        return override.reason if override is not None else None


@dataclass(frozen=True)
class CardSection:
    framework: Framework
    # The standards with a decision for the student, in framework order.
    lines: list[CardLine]
    # The framework's other standards: no evidence yet (a grade 3 student's card in a
    # framework of grades 3 to 8 lists grade 3, and counts the rest).
    not_assessed: int
    # None when the framework has no grade rules: the card then shows standards only.
    grade: Grade | None


@dataclass(frozen=True)
class ReportCard:
    student: User
    # The grading term the card is for; None: the standing today, with no term named.
    term: AcademicSession | None
    sections: list[CardSection]
    issued_at: datetime
    # When the term was closed: the card shows its frozen snapshot. None: the live decisions
    # (no term, or a term still open).
    frozen_at: datetime | None = None


@dataclass
class ReportCards:
    uow: UnitOfWorkFactory
    clock: Clock
    mastery: MasteryReads
    roster: Roster
    # A closed term's card reads its snapshot (docs/decisions/0050).
    terms: GradingTerms

    async def card(
        self,
        principal: Principal,
        student_id: str,
        *,
        framework_ids: Sequence[str] = (),
        session_id: str | None = None,
    ) -> ReportCard:
        """The card of one student: the frameworks asked for, else every framework in which
        the student has a decision (in the order the decisions name them)."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
        student = await self.roster.get_student(principal.tenant_id, student_id)
        term = await self._term(principal, session_id)
        views = await self.mastery.student_mastery(principal, student_id)
        wanted = list(dict.fromkeys(framework_ids or [v.framework_id for v in views]))
        async with self.uow(principal.tenant_id, writes=False) as uow:
            frameworks = await uow.frameworks.get_many(wanted)
            missing = [f for f in wanted if f not in frameworks]
            if missing:
                raise NotFound(f"No framework {missing[0]!r}")
            rules = {f: await uow.frameworks.grade_rules(f) for f in wanted}
        sections = []
        frozen_at = None
        for framework_id in wanted:
            framework = frameworks[framework_id]
            own = [v for v in views if v.framework_id == framework_id]
            if term is not None:
                close, by_student = await self.terms.term_views(
                    principal, term.id, framework, [student_id]
                )
                if close is not None:
                    own, frozen_at = by_student.get(student_id, []), close.closed_at
            stored = rules[framework_id]
            lines = _lines(framework, own)
            sections.append(
                CardSection(
                    framework,
                    lines,
                    len(standards_of(framework)) - len(lines),
                    grade(parse(stored[0]), standings(framework, own)) if stored else None,
                )
            )
        return ReportCard(student, term, sections, self.clock.now(), frozen_at)

    async def _term(self, principal: Principal, session_id: str | None) -> AcademicSession | None:
        if session_id is None:
            return None
        found = await self.roster.get_record(
            principal.tenant_id, RosterKind.ACADEMIC_SESSION, session_id
        )
        if not isinstance(found, AcademicSession):
            raise NotFound(f"No academic session {session_id!r}")
        return found


def _lines(framework: Framework, views: Sequence[DecisionView]) -> list[CardLine]:
    """The framework's standards with a decision, in framework order."""
    by_competency = {v.competency_id: v for v in views}
    return [
        CardLine(c, by_competency[c.id]) for c in standards_of(framework) if c.id in by_competency
    ]
