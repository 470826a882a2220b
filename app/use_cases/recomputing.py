"""Recomputing a framework's decisions after a change of its policy or tree: at once in the
change's own transaction, or in steps under a pending revision switched in at the end (the rule
is the domain's: app.domain.policy_revision). This module only loads, stages and saves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from app.domain.frameworks import Framework
from app.domain.mastery.record import ChangeCause, DecisionRecord, student_records
from app.domain.mastery.storing import scales_of
from app.domain.policy_revision import PolicyRevision, computed_at_switch
from app.ports.mastery import StudentCompetency
from app.ports.unit_of_work import UnitOfWork
from app.use_cases.deciding import save_changed
from app.use_cases.habits_deciding import recompute_habits

STUDENTS_PER_STEP = 200

Records = dict[StudentCompetency, DecisionRecord]


async def decisions_under(
    uow: UnitOfWork, framework: Framework, students: Sequence[str], now: datetime
) -> tuple[Records, Records]:
    """These students' decisions computed under `framework`, and those stored now."""
    ids = [c.id for c in framework.competencies]
    evidence = await uow.evidence.for_students(students, ids)
    stored: dict[str, dict[str, DecisionRecord]] = {s: {} for s in students}
    for record in await uow.decisions.for_students(students, ids):
        stored[record.student_id][record.competency_id] = record
    computed: Records = {}
    before: Records = {}
    for student in students:
        computed.update(
            student_records(framework, student, evidence.get(student, []), stored[student], now)
        )
        before.update({(student, cid): r for cid, r in stored[student].items()})
    return computed, before


async def recompute_students(
    uow: UnitOfWork, framework: Framework, students: Sequence[str], now: datetime, was: Framework
) -> int:
    """Recompute and save these students' decisions under `framework` (stored under `was`);
    how many changed."""
    computed, before = await decisions_under(uow, framework, students, now)
    saved = await save_changed(
        uow, {framework.id: framework}, computed, before, now, _POLICY, shown_before={was.id: was}
    )
    await recompute_habits(uow, framework, students, now)
    return len(saved.records)


async def recompute_all(
    uow: UnitOfWork, framework: Framework, now: datetime, was: Framework
) -> int:
    """Recompute every decision of the framework in this transaction (stored under `was`: a
    level override shows by its competency's threshold then and now); how many changed."""
    ids = [c.id for c in framework.competencies]
    changed = 0
    after: str | None = None
    while students := await uow.evidence.students_with_evidence(ids, after, STUDENTS_PER_STEP):
        changed += await recompute_students(uow, framework, students, now, was)
        after = students[-1]
    return changed


async def stage_step(
    uow: UnitOfWork, revision: PolicyRevision, now: datetime, students_per_step: int
) -> PolicyRevision | None:
    """Stage the decisions of the next step of students under the revision; the revision
    advanced past them, or None when every student is staged."""
    ids = [c.id for c in revision.framework.competencies]
    students = await uow.evidence.students_with_evidence(
        ids, revision.students_through, students_per_step
    )
    if not students:
        return None
    computed, _ = await decisions_under(uow, revision.framework, students, now)
    scale_of = scales_of({revision.framework.id: revision.framework})
    await uow.revisions.stage(revision.id, list(computed.values()), scale_of, now)
    advanced = revision.staged_through(students[-1])
    await uow.revisions.save(advanced)
    return advanced


async def switch(uow: UnitOfWork, revision: PolicyRevision, now: datetime) -> int:
    """Store the revision's framework and its decisions, in this one transaction: the staged
    ones, and those of students changed since it began computed again now. How many decisions
    changed."""
    framework = revision.framework
    ids = [c.id for c in framework.competencies]
    # The framework in force until now: the one the stored decisions were shown under.
    was = (await uow.frameworks.get_many([framework.id])).get(framework.id, framework)
    again = computed_at_switch(
        [
            *await uow.evidence.students_changed_since(ids, revision.begun_at),
            *await uow.decisions.students_changed_since(ids, revision.begun_at),
        ]
    )
    skip = set(again)
    changed = 0
    after: str | None = None
    while students := await uow.revisions.staged_students(revision.id, after, STUDENTS_PER_STEP):
        after = students[-1]
        fresh = [s for s in students if s not in skip]
        staged = {
            (r.student_id, r.competency_id): r
            for r in await uow.revisions.staged(revision.id, fresh)
        }
        before = {
            (r.student_id, r.competency_id): r for r in await uow.decisions.for_students(fresh, ids)
        }
        saved = await save_changed(
            uow, {framework.id: framework}, staged, before, now, _POLICY, shown_before={was.id: was}
        )
        changed += len(saved.records)
        await recompute_habits(uow, framework, fresh, now)
    for start in range(0, len(again), STUDENTS_PER_STEP):
        changed += await recompute_students(
            uow, framework, again[start : start + STUDENTS_PER_STEP], now, was
        )
    await uow.frameworks.save(framework, now)
    await uow.revisions.end(framework.id)
    return changed


_POLICY = ChangeCause.POLICY


def _keyed(records: Sequence[DecisionRecord]) -> Records:
    return {(r.student_id, r.competency_id): r for r in records}
