"""Previewing a policy change: what would become mastered or lose mastery. Nothing is written."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from app.domain.access import Principal
from app.domain.errors import Invalid
from app.domain.evidence import Evidence
from app.domain.framework_changes import candidate_policy, policy_candidate, replace_framework
from app.domain.framework_commands import CandidatePolicy, CreateFramework
from app.domain.frameworks import Framework
from app.domain.mastery.override import Override
from app.domain.mastery.simulation import Comparison, SimulationReport, compare_student, simulate
from app.domain.mastery.simulation_groups import Member, by_subgroup, check_simulation_grouping
from app.domain.reporting import DEFAULT_MIN_CELL, Dimension
from app.domain.roster import Demographics, Org, OrgType, RecordStatus, RosterKind, User
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.lookups import require_framework

STUDENTS_PER_STEP = 200


@dataclass(frozen=True, kw_only=True)
class PolicySimulation:
    """What a candidate policy would change, worked out without writing anything."""

    uow: UnitOfWorkFactory
    clock: Clock
    # Counts per subgroup are published as reports publish theirs, with the same minimum.
    min_cell_size: int = DEFAULT_MIN_CELL

    async def simulate_policy(
        self,
        principal: Principal,
        framework_id: str,
        command: CandidatePolicy,
        group_by: Sequence[Dimension] = (),
    ) -> SimulationReport:
        """Compare every decision of a framework as shown now with what the candidate policy would
        show (overrides in force keep theirs), student by student; with `group_by`, count the
        changes per group of each dimension, protected as reports are."""
        check_simulation_grouping(group_by)
        async with self.uow(principal.tenant_id, writes=False) as uow:
            current = await require_framework(uow, framework_id)
            candidate = candidate_policy(current, command)
            return await self._compare(uow, current, candidate, group_by)

    async def simulate_framework(
        self,
        principal: Principal,
        framework_id: str,
        stated: Callable[[Framework], CreateFramework],
        group_by: Sequence[Dimension] = (),
    ) -> SimulationReport:
        """What the framework as `stated` (given it as it stands: a merge patch, or the whole
        framework with another policy) would change; only its policy may differ."""
        check_simulation_grouping(group_by)
        made_up = (f"new-{n}" for n in itertools.count(1))  # refused below: the tree is fixed
        async with self.uow(principal.tenant_id, writes=False) as uow:
            current = await require_framework(uow, framework_id)
            try:
                candidate = replace_framework(current, stated(current), lambda: next(made_up))
            except Invalid as error:
                raise Invalid("The candidate policy is invalid", error.problems) from None
            return await self._compare(uow, current, policy_candidate(current, candidate), group_by)

    async def _compare(
        self,
        uow: UnitOfWork,
        current: Framework,
        candidate: Framework,
        group_by: Sequence[Dimension],
    ) -> SimulationReport:
        now = self.clock.now()
        comparisons: list[Comparison] = []
        members: dict[str, Member] = {}
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
            if group_by:
                members |= await _members(uow, students)
            if len(students) < STUDENTS_PER_STEP:
                break
            after = students[-1]
        report = simulate(comparisons)
        if not group_by:
            return report
        groups = by_subgroup(comparisons, members, group_by, self.min_cell_size)
        return replace(report, by_subgroup=tuple(groups))


async def _members(uow: UnitOfWork, students: Collection[str]) -> dict[str, Member]:
    """The groups of these students as reports read them: active students' active schools and
    grades, and their demographics (a student without a record is in the unknown groups)."""
    users = {
        u.id: u
        for u in (await uow.roster(RosterKind.USER).get_many(students)).values()
        if isinstance(u, User) and u.status is RecordStatus.ACTIVE
    }
    org_ids = {o for u in users.values() for o in u.org_ids}
    schools = {
        o.id
        for o in (await uow.roster(RosterKind.ORG).get_many(org_ids)).values()
        if isinstance(o, Org) and o.type is OrgType.SCHOOL and o.status is RecordStatus.ACTIVE
    }
    found = await uow.roster(RosterKind.DEMOGRAPHICS).get_many(students)
    out: dict[str, Member] = {}
    for student in students:
        user = users.get(student)
        record = found.get(student)
        demographics = record if isinstance(record, Demographics) else None
        if user is None:
            out[student] = Member(demographics=demographics)
            continue
        mine = tuple(o for o in user.org_ids if o in schools)
        out[student] = Member(mine, user.grades, demographics)
    return out
