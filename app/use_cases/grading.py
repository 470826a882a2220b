"""A framework's grade rules (issue #16, "grade rules as data"): written and read by the
district, applied to a student with the reason in words, and simulated over students before
they apply (simulating the stored rules gives exactly what applying them gives)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.access import Principal
from app.domain.audit import AuditEntry, AuditKind
from app.domain.errors import NotFound
from app.domain.frameworks import Framework
from app.domain.grade_rules.evaluation import Grade, Standing, grade, standards_of
from app.domain.grade_rules.language import GradeRules, parse
from app.domain.mastery.view import DecisionView
from app.domain.roster import EnrollmentRole, RosterKind, UserRole
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.lookups import require_framework, require_student, users_where
from app.use_cases.mastery import MasteryReads

STUDENTS_PER_READ = 500


@dataclass(frozen=True)
class WrittenRules:
    framework_id: str
    rules: GradeRules
    updated_at: datetime


@dataclass(frozen=True)
class StudentGrade:
    student_id: str
    framework_id: str
    grade: Grade


@dataclass(frozen=True)
class SimulatedGrade:
    student_id: str
    current: Grade | None  # under the stored rules; None when the framework has none
    proposed: Grade

    @property
    def changed(self) -> bool:
        return self.current is None or self.current.grade != self.proposed.grade


def standings(framework: Framework, views: Sequence[DecisionView]) -> list[Standing]:
    """A student's standards as shown (overrides included), in framework order."""
    by_competency = {v.competency_id: v for v in views}
    found = []
    for competency in standards_of(framework):
        view = by_competency.get(competency.id)
        shown = view.shown if view is not None else None
        found.append(
            Standing(
                competency.id,
                shown.status.value if shown is not None else "no_evidence",
                shown.level.value if shown is not None and shown.level is not None else None,
                shown.score if shown is not None else None,
            )
        )
    return found


@dataclass
class Grading:
    uow: UnitOfWorkFactory
    clock: Clock
    mastery: MasteryReads

    async def write(self, principal: Principal, framework_id: str, text: str) -> WrittenRules:
        """Store the rules (every mistake in them listed first); audited."""
        rules = parse(text)
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            await require_framework(uow, framework_id)
            before = await uow.frameworks.grade_rules(framework_id)
            await uow.frameworks.put_grade_rules(framework_id, text, now)
            await uow.audit.record(
                AuditEntry(
                    now,
                    principal.client_id,
                    AuditKind.GRADE_RULES_CHANGED,
                    framework_id,
                    before={"rules": before[0]} if before is not None else None,
                    after={"rules": text},
                )
            )
            await uow.commit()
        return WrittenRules(framework_id, rules, now)

    async def remove(self, principal: Principal, framework_id: str) -> None:
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            await require_framework(uow, framework_id)
            before = await _stored(uow, framework_id)
            await uow.frameworks.put_grade_rules(framework_id, None, now)
            await uow.audit.record(
                AuditEntry(
                    now,
                    principal.client_id,
                    AuditKind.GRADE_RULES_CHANGED,
                    framework_id,
                    before={"rules": before.rules.text},
                )
            )
            await uow.commit()

    async def read(self, principal: Principal, framework_id: str) -> WrittenRules:
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_framework(uow, framework_id)
            return await _stored(uow, framework_id)

    async def student_grade(
        self, principal: Principal, student_id: str, framework_id: str
    ) -> StudentGrade:
        """The student's grade under the framework's rules, with its reason."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
            framework = await require_framework(uow, framework_id)
            written = await _stored(uow, framework_id)
        views = await self.mastery.student_mastery(principal, student_id, framework_id=framework_id)
        return StudentGrade(
            student_id, framework_id, grade(written.rules, standings(framework, views))
        )

    async def simulate(
        self, principal: Principal, framework_id: str, text: str, class_id: str | None = None
    ) -> list[SimulatedGrade]:
        """Every student's grade under the stored rules and under `text`, without storing
        anything: the students of a class, or every active student of the district."""
        proposed = parse(text)
        async with self.uow(principal.tenant_id, writes=False) as uow:
            framework = await require_framework(uow, framework_id)
            stored = await uow.frameworks.grade_rules(framework_id)
            current = parse(stored[0]) if stored is not None else None
            students = await _students(uow, class_id)
        found: list[SimulatedGrade] = []
        for start in range(0, len(students), STUDENTS_PER_READ):
            chunk = students[start : start + STUDENTS_PER_READ]
            views = await self.mastery.students_mastery(principal, chunk, framework_id=framework_id)
            for student_id in chunk:
                standing = standings(framework, views.get(student_id, []))
                found.append(
                    SimulatedGrade(
                        student_id,
                        grade(current, standing) if current is not None else None,
                        grade(proposed, standing),
                    )
                )
        return found


async def _stored(uow: UnitOfWork, framework_id: str) -> WrittenRules:
    stored = await uow.frameworks.grade_rules(framework_id)
    if stored is None:
        raise NotFound(f"Framework {framework_id!r} has no grade rules")
    text, at = stored
    return WrittenRules(framework_id, parse(text), at)


async def _students(uow: UnitOfWork, class_id: str | None) -> list[str]:
    """The ids of a class's students, or of every active student, in id order."""
    if class_id is not None:
        if await uow.roster(RosterKind.CLASS).get(class_id) is None:
            raise NotFound(f"No class {class_id!r}")
        filters = {"class_id": class_id, "enrollment_role": EnrollmentRole.STUDENT.value}
    else:
        filters = {"role": UserRole.STUDENT.value}
    return [u.id for u in await users_where(uow, filters)]
