"""Previewing a policy change: what would become mastered or lose mastery. Nothing is written."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.access import Principal
from app.domain.errors import Invalid
from app.domain.evidence import Evidence
from app.domain.framework_changes import candidate_policy, policy_candidate, replace_framework
from app.domain.framework_commands import CandidatePolicy, CreateFramework
from app.domain.frameworks import Framework
from app.domain.mastery.override import Override
from app.domain.mastery.simulation import Comparison, SimulationReport, compare_student, simulate
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.lookups import require_framework

STUDENTS_PER_STEP = 200


@dataclass(frozen=True, kw_only=True)
class PolicySimulation:
    """What a candidate policy would change, worked out without writing anything."""

    uow: UnitOfWorkFactory
    clock: Clock

    async def simulate_policy(
        self, principal: Principal, framework_id: str, command: CandidatePolicy
    ) -> SimulationReport:
        """Compare every decision of a framework as shown now with what the candidate policy would
        show (overrides in force keep theirs), student by student."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            current = await require_framework(uow, framework_id)
            return await self._compare(uow, current, candidate_policy(current, command))

    async def simulate_framework(
        self,
        principal: Principal,
        framework_id: str,
        stated: Callable[[Framework], CreateFramework],
    ) -> SimulationReport:
        """What the framework as `stated` (given it as it stands: a merge patch, or the whole
        framework with another policy) would change; only its policy may differ."""
        made_up = (f"new-{n}" for n in itertools.count(1))  # refused below: the tree is fixed
        async with self.uow(principal.tenant_id, writes=False) as uow:
            current = await require_framework(uow, framework_id)
            try:
                candidate = replace_framework(current, stated(current), lambda: next(made_up))
            except Invalid as error:
                raise Invalid("The candidate policy is invalid", error.problems) from None
            return await self._compare(uow, current, policy_candidate(current, candidate))

    async def _compare(
        self, uow: UnitOfWork, current: Framework, candidate: Framework
    ) -> SimulationReport:
        now = self.clock.now()
        comparisons: list[Comparison] = []
        ids = [c.id for c in current.competencies]
        after: str | None = None
        while True:
            students = await uow.evidence.students_with_evidence(ids, after, STUDENTS_PER_STEP)
            if not students:
                break
            evidence = await uow.evidence.for_students(students, ids)
            overrides: dict[str, dict[str, Override]] = defaultdict(dict)
            for record in await uow.decisions.for_students(students, ids):
                if record.override is not None:
                    overrides[record.student_id][record.competency_id] = record.override
            for student in students:
                by_competency: dict[str, list[Evidence]] = defaultdict(list)
                for e in evidence.get(student, []):
                    by_competency[e.competency_id].append(e)
                comparisons += compare_student(
                    student, current, candidate, by_competency, overrides[student], now
                )
            if len(students) < STUDENTS_PER_STEP:
                break
            after = students[-1]
        return simulate(comparisons)
