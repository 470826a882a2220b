"""Previewing a policy change: what would become mastered or lose mastery. Nothing is written."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.domain.access import Principal
from app.domain.evidence import Evidence
from app.domain.framework_changes import candidate_policy
from app.domain.framework_commands import CandidatePolicy
from app.domain.mastery.override import Override
from app.domain.mastery.simulation import Comparison, SimulationReport, compare_student, simulate
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWorkFactory
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
        now = self.clock.now()
        comparisons: list[Comparison] = []
        async with self.uow(principal.tenant_id, writes=False) as uow:
            current = await require_framework(uow, framework_id)
            candidate = candidate_policy(current, command)
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
