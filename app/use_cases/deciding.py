"""Bringing stored decisions up to date after evidence arrives, is voided, or a policy changes.

Leaves advance incrementally from their stored state when new results arrive in time order,
and are recomputed from their history otherwise; their ancestors are then rolled up. Every
rule is the domain's (app.domain.mastery); this module only loads, orders and saves."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.mastery.decision import (
    ComputedDecision,
    DecisionState,
    MasteryStatus,
    absorb,
    advance,
    recompute,
)
from app.domain.mastery.next_score import next_score_to_master
from app.domain.mastery.override import effective
from app.domain.mastery.record import ChangeCause, DecisionChange, DecisionRecord, change_of
from app.domain.mastery.rollup import decide_all, roll_up
from app.ports.mastery import StudentCompetency
from app.ports.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Touch:
    """A (student, competency) whose evidence changed: with only `new` results (which may be
    absorbed incrementally), or `recompute=True` when stored results changed."""

    student_id: str
    competency_id: str
    new: tuple[Evidence, ...] = ()
    recompute: bool = False


def leaf_record(
    framework: Framework,
    student_id: str,
    competency_id: str,
    computed: ComputedDecision,
    state: DecisionState,
    before: DecisionRecord | None,
    now: datetime,
) -> DecisionRecord:
    """A leaf's record: the engine's decision and state, the override kept, the next score."""
    policy = framework.policy_for(competency_id)
    override = before.override if before else None
    shown = effective(computed, override, now, framework.scale)
    return DecisionRecord(
        student_id=student_id,
        competency_id=competency_id,
        framework_id=framework.id,
        computed=computed,
        state=state,
        override=override,
        next_score_to_master=next_score_to_master(computed, policy, state, shown=shown),
        updated_at=now,
    )


def _same(a: DecisionRecord | None, b: DecisionRecord) -> bool:
    return (
        a is not None
        and a.computed == b.computed
        and a.state == b.state
        and a.override == b.override
        and a.next_score_to_master == b.next_score_to_master
    )


@dataclass
class Refreshed:
    """The decisions that changed, and their history entries."""

    records: list[DecisionRecord]
    changes: list[DecisionChange]


async def refresh(
    uow: UnitOfWork,
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    touches: Sequence[Touch],
    now: datetime,
    cause: ChangeCause,
) -> Refreshed:
    """Update the decisions these touches reach (leaves, then their ancestors) and save them."""
    pairs = {(t.student_id, t.competency_id) for t in touches}
    # One query for the touched decisions and every decision their rollups will read.
    stored = await uow.decisions.get_many(pairs | _neighbourhood(frameworks, framework_of, touches))
    leaves: dict[StudentCompetency, DecisionRecord] = {}
    to_recompute: list[Touch] = []
    for touch in touches:
        key = (touch.student_id, touch.competency_id)
        framework = frameworks[framework_of[touch.competency_id]]
        before = stored.get(key)
        state = _state_to_extend(framework, touch, before)
        advanced = (
            None
            if state is None
            else advance(framework.policy_for(touch.competency_id), state, touch.new)
        )
        if advanced is None:
            to_recompute.append(touch)
            continue
        leaves[key] = leaf_record(framework, *key, *advanced, before, now)
    if to_recompute:
        histories = await uow.evidence.history(
            [(t.student_id, t.competency_id) for t in to_recompute]
        )
        for touch in to_recompute:
            key = (touch.student_id, touch.competency_id)
            framework = frameworks[framework_of[touch.competency_id]]
            computed, state = recompute(framework.policy_for(touch.competency_id), histories[key])
            leaves[key] = leaf_record(framework, *key, computed, state, stored.get(key), now)
    rolled = _roll_up(frameworks, framework_of, leaves, stored, now)
    return await save_changed(uow, frameworks, {**leaves, **rolled}, stored, now, cause)


def _neighbourhood(
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    touches: Sequence[Touch],
) -> set[StudentCompetency]:
    """The decisions a rollup of these touches reads: each ancestor and its children, and the
    children of a touched competency that has some (it may roll up again after a void)."""
    needed: set[StudentCompetency] = set()
    for touch in touches:
        framework = frameworks[framework_of[touch.competency_id]]
        student = touch.student_id
        needed.update((student, c.id) for c in framework.children_of(touch.competency_id))
        for ancestor in framework.ancestors_of(touch.competency_id):
            needed.add((student, ancestor.id))
            needed.update((student, c.id) for c in framework.children_of(ancestor.id))
    return needed


def _state_to_extend(
    framework: Framework, touch: Touch, before: DecisionRecord | None
) -> DecisionState | None:
    """The state new results may extend: the stored one, or an empty one for a first result."""
    if touch.recompute:
        return None
    if before is None:
        return absorb(framework.policy_for(touch.competency_id), ())
    return before.state  # None for a stored rollup that now gets evidence of its own


def _roll_up(
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    leaves: Mapping[StudentCompetency, DecisionRecord],
    stored: Mapping[StudentCompetency, DecisionRecord],
    now: datetime,
) -> dict[StudentCompetency, DecisionRecord]:
    """Roll up the ancestors of changed leaves, for every student, from the stored decisions
    (which hold the neighbourhood the rollups read) and the new leaves."""
    changed_by_student: dict[tuple[str, str], set[str]] = defaultdict(set)
    for student_id, competency_id in leaves:
        framework_id = framework_of[competency_id]
        framework = frameworks[framework_id]
        # A parent with evidence of its own may have lost it (a void) and roll up again.
        if framework.ancestors_of(competency_id) or framework.children_of(competency_id):
            changed_by_student[(student_id, framework_id)].add(competency_id)
    if not changed_by_student:
        return {}
    by_student: dict[str, dict[str, DecisionRecord]] = defaultdict(dict)
    for (sid, cid), record in {**stored, **leaves}.items():
        by_student[sid][cid] = record
    out: dict[StudentCompetency, DecisionRecord] = {}
    for (student_id, framework_id), changed in changed_by_student.items():
        framework = frameworks[framework_id]
        records = by_student[student_id]
        current = {cid: r.computed for cid, r in records.items() if cid in framework}
        for cid, computed in roll_up(framework, current, changed).items():
            before = records.get(cid)
            out[(student_id, cid)] = DecisionRecord(
                student_id=student_id,
                competency_id=cid,
                framework_id=framework_id,
                computed=computed,
                state=None,
                override=before.override if before else None,
                next_score_to_master=None,
                updated_at=now,
            )
    return out


async def save_changed(
    uow: UnitOfWork,
    frameworks: Mapping[str, Framework],
    records: Mapping[StudentCompetency, DecisionRecord],
    before_of: Mapping[StudentCompetency, DecisionRecord],
    now: datetime,
    cause: ChangeCause,
) -> Refreshed:
    changed: list[DecisionRecord] = []
    changes: list[DecisionChange] = []
    for key, record in records.items():
        before = before_of.get(key)
        if _same(before, record):
            continue
        changed.append(record)
        scale = frameworks[record.framework_id].scale
        change = change_of(before, record, scale, now, cause)
        if change is not None:
            changes.append(change)
    scales = {fid: f.scale for fid, f in frameworks.items()}
    await uow.decisions.save_many(changed, changes, scales, now)
    return Refreshed(changed, changes)


def student_records(
    framework: Framework,
    student_id: str,
    evidence: Iterable[Evidence],
    stored: Mapping[str, DecisionRecord],
    now: datetime,
) -> dict[StudentCompetency, DecisionRecord]:
    """Every decision of one student in a framework, recomputed from the whole history (after
    a policy or tree change). Competencies with neither evidence nor a stored decision get none."""
    by_competency: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence:
        by_competency[e.competency_id].append(e)
    out: dict[StudentCompetency, DecisionRecord] = {}
    for cid, computed in decide_all(framework, by_competency).items():
        before = stored.get(cid)
        if before is None and computed.status is MasteryStatus.NO_EVIDENCE:
            continue
        if computed.rolled_up:
            out[(student_id, cid)] = DecisionRecord(
                student_id,
                cid,
                framework.id,
                computed,
                None,
                before.override if before else None,
                None,
                now,
            )
        else:
            state = absorb(framework.policy_for(cid), by_competency.get(cid, ()))
            out[(student_id, cid)] = leaf_record(
                framework, student_id, cid, computed, state, before, now
            )
    return out
