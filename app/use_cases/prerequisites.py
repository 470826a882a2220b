"""Prerequisites in use: what a student is ready to learn next, and what a competency needs and
unlocks (the rules are app.domain.prerequisites')."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import Principal
from app.domain.frameworks import Competency
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.view import DecisionView, empty_view, view_of
from app.domain.prerequisites import prerequisites_of, ready_to_learn, unlocks_of
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWorkFactory
from app.use_cases.frameworks import Frameworks
from app.use_cases.lookups import require_framework, require_student


@dataclass(frozen=True)
class Ready:
    """A competency a student is ready to learn, with where they stand on it and what it needs."""

    competency: Competency
    decision: DecisionView
    prerequisites: tuple[Competency, ...]


@dataclass(frozen=True, kw_only=True)
class Prerequisites:
    """What a student is ready to learn next, and what a competency needs and unlocks."""

    uow: UnitOfWorkFactory
    clock: Clock
    frameworks: Frameworks

    async def student_ready(
        self, principal: Principal, student_id: str, framework_id: str
    ) -> list[Ready]:
        """The competencies of a framework the student has not mastered and whose prerequisites
        they have (as shown, overrides included), in framework order."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
            framework = await require_framework(uow, framework_id)
            records = await uow.decisions.for_students(
                [student_id], [c.id for c in framework.competencies]
            )
        views = {r.competency_id: view_of(r, framework, now) for r in records}
        mastered = {cid for cid, v in views.items() if v.shown.status is MasteryStatus.MASTERED}
        return [
            Ready(
                competency,
                views.get(competency.id) or empty_view(student_id, framework, competency, now),
                prerequisites_of(framework, competency.id),
            )
            for competency in ready_to_learn(framework, mastered)
        ]

    async def competency_prerequisites(
        self, principal: Principal, competency_id: str
    ) -> tuple[Competency, ...]:
        """The competencies that directly precede this one."""
        competency, framework = await self.frameworks.get_competency(principal, competency_id)
        return prerequisites_of(framework, competency.id)

    async def competency_unlocks(
        self, principal: Principal, competency_id: str
    ) -> tuple[Competency, ...]:
        """The competencies this one directly precedes."""
        competency, framework = await self.frameworks.get_competency(principal, competency_id)
        return unlocks_of(framework, competency.id)
