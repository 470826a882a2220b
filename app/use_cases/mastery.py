"""Reading decisions: a student's, one with its explanation, its history, a class's grid,
and any of them "as of" an instant (decided from the evidence and overrides of that time)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from app.domain.access import Principal
from app.domain.errors import NotFound
from app.domain.evidence import Evidence
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.mastery.explanation import Explanation, explain
from app.domain.mastery.habits import HabitsDecision, decides_habits
from app.domain.mastery.override import Override
from app.domain.mastery.record import DecisionChange, DecisionRecord
from app.domain.mastery.rollup import children_with_decisions, decide_all
from app.domain.mastery.view import (
    DecisionView,
    decided_view,
    empty_view,
    habits_view,
    view_of,
)
from app.domain.roster import EnrollmentRole, RosterKind, User
from app.ports.clock import Clock
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.lookups import (
    require_competency,
    require_framework,
    require_student,
    users_where,
)
from app.use_cases.overrides import Overrides


@dataclass(frozen=True)
class DecisionDetail:
    view: DecisionView
    explanation: Explanation


@dataclass(frozen=True)
class ClassGrid:
    """Every enrolled student by every competency of a framework."""

    class_id: str
    framework: Framework
    students: list[User]
    decisions: dict[tuple[str, str], DecisionView]
    # The stored habits-of-work decisions (those with evidence), apart from the academic ones.
    habits: dict[tuple[str, str], HabitsDecision] = field(default_factory=dict)

    @property
    def competencies(self) -> tuple[Competency, ...]:
        """The grid's columns: the framework's active competencies, in framework order."""
        return self.framework.active_competencies()


def _rank(frameworks: dict[str, Framework], view: DecisionView) -> int:
    return frameworks[view.framework_id].rank(view.competency_id)


async def _as_of_views(
    uow: UnitOfWork, student_ids: Sequence[str], framework: Framework, as_of: datetime
) -> dict[str, list[DecisionView]]:
    """Every decision of these students in a framework as it stood at `as_of`: two queries
    whatever their number (a page of students asked `asOf` reads in one batch)."""
    ids = [c.id for c in framework.ordered]
    evidence = await uow.evidence.for_students(student_ids, ids)
    overrides = await uow.overrides.in_force_at(student_ids, ids, as_of)
    found: dict[str, list[DecisionView]] = {}
    for student_id in student_ids:
        by_competency: dict[str, list[Evidence]] = defaultdict(list)
        for e in evidence.get(student_id, ()):
            by_competency[e.competency_id].append(e)
        mine = overrides.get(student_id, {})
        computed = decide_all(framework, by_competency, as_of, mine)
        found[student_id] = [
            decided_view(
                student_id,
                framework,
                c.id,
                computed[c.id],
                by_competency.get(c.id, ()),
                as_of,
                mine.get(c.id),
            )
            for c in framework.ordered
        ]
    return found


async def _as_of_all(
    uow: UnitOfWork, chosen: dict[str, list[Framework]], as_of: datetime
) -> dict[tuple[str, str], list[DecisionView]]:
    """Each student's decisions in each of their frameworks as of an instant, by (student,
    framework): a batch per framework."""
    students: dict[str, list[str]] = defaultdict(list)
    frameworks: dict[str, Framework] = {}
    for student_id, mine in chosen.items():
        for framework in mine:
            students[framework.id].append(student_id)
            frameworks[framework.id] = framework
    decided: dict[tuple[str, str], list[DecisionView]] = {}
    for framework_id, members in students.items():
        at = await _as_of_views(uow, members, frameworks[framework_id], as_of)
        decided.update(((s, framework_id), views) for s, views in at.items())
    return decided


def overrides_of(views: Sequence[DecisionView]) -> dict[str, Override]:
    """The overrides in force among these views, by competency."""
    return {v.competency_id: v.shown.override for v in views if v.shown.override is not None}


@dataclass(frozen=True, kw_only=True)
class MasteryReads:
    """Decisions as clients read them: a student's, one with its explanation, its history, a
    class's grid, now or as of an instant."""

    uow: UnitOfWorkFactory
    clock: Clock
    # Lets overrides that expired stop showing before a read of now: a parent's stored rollup
    # counted them, and rolls up again when they expire (none: reads show what is stored).
    overrides: Overrides | None = None

    async def _expire(self, principal: Principal, as_of: datetime | None) -> None:
        if self.overrides is not None and as_of is None:
            await self.overrides.expire_overrides(principal)

    async def students_mastery(
        self,
        principal: Principal,
        student_ids: Sequence[str],
        *,
        framework_id: str | None = None,
        status: MasteryStatus | None = None,
        as_of: datetime | None = None,
    ) -> dict[str, list[DecisionView]]:
        """The decisions of many students at once (see `student_mastery`), keyed by the ids that
        name active users; the others are left out."""
        await self._expire(principal, as_of)
        now = self.clock.now()
        found: dict[str, list[DecisionView]] = {}
        async with self.uow(principal.tenant_id, writes=False) as uow:
            active = await uow.roster(RosterKind.USER).active_ids(student_ids)
            ids = [s for s in dict.fromkeys(student_ids) if s in active]
            if not ids:
                return found
            if framework_id is not None:
                framework = await require_framework(uow, framework_id)
                frameworks = {framework.id: framework}
                records = (
                    await uow.decisions.for_students(
                        ids, [c.id for c in framework.ordered], with_state=False
                    )
                    if as_of is None
                    else []
                )
            else:
                records = await uow.decisions.for_students(ids, with_state=False)
                frameworks = await uow.frameworks.get_many({r.framework_id for r in records})
            stored: dict[str, dict[tuple[str, str], DecisionRecord]] = defaultdict(dict)
            for r in records:
                stored[r.student_id][(r.framework_id, r.competency_id)] = r
            chosen = {
                student_id: list(frameworks.values())
                if framework_id is not None
                else sorted(
                    (frameworks[f] for f in {f for f, _ in stored[student_id]} if f in frameworks),
                    key=lambda f: f.id,
                )
                for student_id in ids
            }
            decided = {} if as_of is None else await _as_of_all(uow, chosen, as_of)
        for student_id in ids:
            views: list[DecisionView] = []
            for framework in chosen[student_id]:
                if as_of is not None:
                    views += decided[(student_id, framework.id)]
                    continue
                for competency in framework.ordered:
                    record = stored[student_id].get((framework.id, competency.id))
                    if record is not None:
                        views.append(view_of(record, framework, now))
                    elif framework_id is not None and competency.is_active:
                        views.append(empty_view(student_id, framework, competency, now))
            found[student_id] = [v for v in views if status is None or v.shown.status is status]
        return found

    async def student_mastery(
        self,
        principal: Principal,
        student_id: str,
        *,
        framework_id: str | None = None,
        status: MasteryStatus | None = None,
        as_of: datetime | None = None,
    ) -> list[DecisionView]:
        """A student's decisions: with a framework, one per active competency (no_evidence where
        nothing is known yet); without, every stored decision."""
        found = await self.students_mastery(
            principal, [student_id], framework_id=framework_id, status=status, as_of=as_of
        )
        if student_id not in found:
            raise NotFound(f"No user {student_id!r}")
        return found[student_id]

    async def student_habits(
        self,
        principal: Principal,
        student_id: str,
        *,
        framework_id: str | None = None,
        status: MasteryStatus | None = None,
    ) -> list[DecisionView]:
        """A student's stored habits-of-work decisions (those with evidence), in framework
        order, apart from the academic ones; no override applies to them."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
            if framework_id is not None:
                framework = await require_framework(uow, framework_id)
                frameworks = {framework.id: framework}
                stored = await uow.habits.for_students(
                    [student_id], [c.id for c in framework.ordered]
                )
            else:
                stored = await uow.habits.for_students([student_id])
                frameworks = await uow.frameworks.get_many({h.framework_id for h in stored})
        views = [
            habits_view(h, frameworks[h.framework_id], now)
            for h in stored
            if h.framework_id in frameworks and (status is None or h.computed.status is status)
        ]
        return sorted(views, key=lambda v: (v.framework_id, _rank(frameworks, v)))

    async def decision_details(
        self,
        principal: Principal,
        keys: Sequence[tuple[str, str]],
        *,
        as_of: datetime | None = None,
    ) -> dict[tuple[str, str], DecisionDetail]:
        """Many decisions with their explanations at once (see `decision_detail`), keyed by the
        (student, competency) pairs whose student is active and whose competency exists."""
        await self._expire(principal, as_of)
        now = self.clock.now()
        at = as_of or now
        async with self.uow(principal.tenant_id, writes=False) as uow:
            active = await uow.roster(RosterKind.USER).active_ids({s for s, _ in keys})
            located, frameworks = await uow.frameworks.of_competencies({c for _, c in keys})
            wanted = [k for k in dict.fromkeys(keys) if k[0] in active and k[1] in located]
            if not wanted:
                return {}
            students = sorted({s for s, _ in wanted})
            all_ids = [c.id for f in frameworks.values() for c in f.ordered]
            evidence = await uow.evidence.for_students(students, all_ids)
            stored = await uow.decisions.get_many(wanted) if as_of is None else {}
            # What shows is the override in force at `at` (as of an instant nothing stored
            # counts); a rollup's explanation names the children's it counted.
            overrides = await uow.overrides.in_force_at(students, all_ids, at)
        found: dict[tuple[str, str], DecisionDetail] = {}
        computed_of: dict[tuple[str, str], dict[str, ComputedDecision]] = {}
        for student_id, competency_id in wanted:
            framework = frameworks[located[competency_id]]
            by_competency: dict[str, list[Evidence]] = defaultdict(list)
            for e in evidence.get(student_id, []):
                if e.competency_id in framework:
                    by_competency[e.competency_id].append(e)
            both = (student_id, framework.id)
            if both not in computed_of:
                computed_of[both] = decide_all(
                    framework, by_competency, at, overrides.get(student_id, {})
                )
            computed = computed_of[both]
            record = stored.get((student_id, competency_id))
            if record is not None:
                view = view_of(record, framework, now)
            else:
                # As of an instant, or nothing stored (then no override was ever set: setting one
                # stores a decision): decided from the evidence.
                view = decided_view(
                    student_id,
                    framework,
                    competency_id,
                    computed[competency_id],
                    by_competency.get(competency_id, ()),
                    at,
                    overrides.get(student_id, {}).get(competency_id),
                )
            explanation = explain(
                framework.policy_for(competency_id),
                by_competency.get(competency_id, ()),
                view.computed,
                as_of=as_of,
                shown=view.shown,
                children=children_with_decisions(
                    framework, competency_id, computed, overrides.get(student_id, {})
                )
                if view.computed.rolled_up
                else (),
            )
            found[(student_id, competency_id)] = DecisionDetail(view, explanation)
        return found

    async def decision_detail(
        self,
        principal: Principal,
        student_id: str,
        competency_id: str,
        *,
        as_of: datetime | None = None,
    ) -> DecisionDetail:
        """One decision with its explanation and next score to master."""
        key = (student_id, competency_id)
        found = await self.decision_details(principal, [key], as_of=as_of)
        if key in found:
            return found[key]
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
        raise NotFound(f"No competency {competency_id!r}")

    async def decision_history(
        self, principal: Principal, student_id: str, competency_id: str
    ) -> list[DecisionChange]:
        """Every change of a decision's status or level, oldest first."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            await require_student(uow, student_id)
            await require_competency(uow, competency_id)
            return await uow.decisions.history(student_id, competency_id)

    async def class_grid(self, principal: Principal, class_id: str, framework_id: str) -> ClassGrid:
        """Every student enrolled in a class by every active competency of a framework."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id, writes=False) as uow:
            if await uow.roster(RosterKind.CLASS).get(class_id) is None:
                raise NotFound(f"No class {class_id!r}")
            framework = await require_framework(uow, framework_id)
            students = await users_where(
                uow, {"class_id": class_id, "enrollment_role": EnrollmentRole.STUDENT.value}
            )
            competencies = framework.active_competencies()
            records = await uow.decisions.for_students(
                [s.id for s in students], [c.id for c in competencies], with_state=False
            )
            habits = (
                await uow.habits.for_students(
                    [s.id for s in students], [c.id for c in competencies]
                )
                if decides_habits(framework)
                else []
            )
        stored = {(r.student_id, r.competency_id): r for r in records}
        # What nothing-known-yet looks like is the same for every student: decide it once.
        empty = {c.id: empty_view("", framework, c, now) for c in competencies}
        grid: dict[tuple[str, str], DecisionView] = {}
        for student in students:
            for competency in competencies:
                record = stored.get((student.id, competency.id))
                grid[(student.id, competency.id)] = (
                    view_of(record, framework, now)
                    if record
                    else replace(empty[competency.id], student_id=student.id)
                )
        return ClassGrid(
            class_id,
            framework,
            students,
            grid,
            {(h.student_id, h.competency_id): h for h in habits},
        )
