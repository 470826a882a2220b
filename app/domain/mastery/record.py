"""A decision as stored for one student and competency, how a record is assembled (a leaf's,
a rollup's, one nothing is known about yet), and the changes kept as its history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.mastery.decision import ComputedDecision, DecisionState, MasteryStatus, absorb
from app.domain.mastery.next_score import next_score_to_master
from app.domain.mastery.override import Override, ShownDecision, effective
from app.domain.mastery.rollup import decide_all, roll_up, undecided
from app.domain.quick_init import quick_init
from app.domain.scales import Scale

# A decision's key: (student id, competency id).
StudentCompetency = tuple[str, str]


class ChangeCause(StrEnum):
    """Why a decision changed."""

    EVIDENCE = "evidence"
    VOID = "void"
    OVERRIDE_SET = "override_set"
    OVERRIDE_CLEARED = "override_cleared"
    OVERRIDE_EXPIRED = "override_expired"
    POLICY = "policy"


@quick_init
@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """The engine's decision, the state the next in-order result extends (None for rollups),
    the teacher's override if any, and the next score to master as of the last change."""

    student_id: str
    competency_id: str
    framework_id: str
    computed: ComputedDecision
    state: DecisionState | None
    override: Override | None
    next_score_to_master: float | None
    updated_at: datetime

    def shown(self, at: datetime, scale: Scale) -> ShownDecision:
        """The decision as shown at `at`."""
        return effective(self.computed, self.override, at, scale)


@dataclass(frozen=True)
class DecisionChange:
    """One entry of a decision's history: what was shown and what the engine said, and why.

    Two times (docs/decisions/0026-as-of-and-denominators.md): `changed_at` is when the service
    recorded the entry (transaction time: what an audit asks, `knownAt`), `valid_from` the
    instant in the school's time from which it holds (valid time: what `asOf` asks): the latest
    observation of a result it reflects, or the moment an override was set, cleared or expired."""

    student_id: str
    competency_id: str
    framework_id: str
    changed_at: datetime
    cause: ChangeCause
    status: MasteryStatus
    score: float | None
    level_value: float | None
    computed_status: MasteryStatus
    computed_score: float | None
    overridden: bool
    valid_from: datetime


def change_of(
    before: DecisionRecord | None,
    after: DecisionRecord,
    scale: Scale,
    at: datetime,
    cause: ChangeCause,
    observed_through: datetime | None = None,
    was: Scale | None = None,
) -> DecisionChange | None:
    """The history entry for a change, or None when neither the shown nor the computed status
    or level moved (a score that moves within its level is not history; the evidence is).
    `observed_through` is the latest observation of a result the new decision reflects; the
    entry holds from then, or from `at` for a teacher's override (or without observations).
    `was`: the scale `before` was shown on, when a change of policy replaced it."""
    new = after.shown(at, scale)
    if before is not None:
        old = before.shown(at, was or scale)
        same_shown = (old.status, old.level, old.overridden) == (
            new.status,
            new.level,
            new.overridden,
        )
        same_computed = (before.computed.status, before.computed.level) == (
            after.computed.status,
            after.computed.level,
        )
        if same_shown and same_computed:
            return None
    elif after.computed.status is MasteryStatus.NO_EVIDENCE and not new.overridden:
        return None
    return DecisionChange(
        student_id=after.student_id,
        competency_id=after.competency_id,
        framework_id=after.framework_id,
        changed_at=at,
        cause=cause,
        status=new.status,
        score=new.score,
        level_value=new.level.value if new.level else None,
        computed_status=after.computed.status,
        computed_score=after.computed.score,
        overridden=new.overridden,
        valid_from=valid_from(cause, at, observed_through),
    )


_OVERRIDE_CAUSES = frozenset(
    {ChangeCause.OVERRIDE_SET, ChangeCause.OVERRIDE_CLEARED, ChangeCause.OVERRIDE_EXPIRED}
)


def valid_from(cause: ChangeCause, at: datetime, observed_through: datetime | None) -> datetime:
    """From when (in the school's time) a history entry holds: an override from the moment it
    was set, cleared or expired (`at`, as `as_of` reads find overrides); a change of the
    evidence or the policy from the latest observation it reflects, so that a result observed
    in October and loaded in December counts from October, as the student's own read says."""
    if cause in _OVERRIDE_CAUSES or observed_through is None:
        return at
    return observed_through


def observations_through(
    records: Iterable[DecisionRecord],
    before_of: Mapping[StudentCompetency, DecisionRecord],
    frameworks: Mapping[str, Framework],
) -> dict[StudentCompetency, datetime]:
    """The latest observation each record reflects: a leaf's latest counted result (before or
    after the change: a voided latest result still dates the correction), a rollup's the latest
    of the leaves beneath it among these records."""
    through: dict[StudentCompetency, datetime] = {}
    for record in records:
        key = (record.student_id, record.competency_id)
        times = [
            r.state.last_absorbed[0]
            for r in (record, before_of.get(key))
            if r is not None and r.state is not None and r.state.last_absorbed is not None
        ]
        if not times:
            continue
        latest = max(times)
        framework = frameworks[record.framework_id]
        for competency_id in (
            record.competency_id,
            *(a.id for a in framework.ancestors_of(record.competency_id)),
        ):
            k = (record.student_id, competency_id)
            through[k] = max(latest, through.get(k, latest))
    return through


def same_record(
    before: DecisionRecord | None,
    after: DecisionRecord,
    scales: tuple[Scale, Scale, datetime] | None = None,
) -> bool:
    """Whether storing `after` over `before` would change nothing but the time of writing; with
    `scales` (each one's scale and the instant), the stored shown status too: a change of policy
    moves a level override's status with its competency's threshold."""
    return (
        before is not None
        and before.computed == after.computed
        and before.state == after.state
        and before.override == after.override
        and before.next_score_to_master == after.next_score_to_master
        and (
            scales is None
            or scales[0] == scales[1]
            or before.shown(scales[2], scales[0]).status == after.shown(scales[2], scales[1]).status
        )
    )


def latest_absorbed(record: DecisionRecord) -> datetime | None:
    """The observation of the latest result a leaf's record counts (None for a rollup)."""
    last = record.state.last_absorbed if record.state is not None else None
    return last[0] if last is not None else None


Step = tuple[DecisionRecord, datetime]
"""A record a decision passed through within one write, and from when it held."""


def rollup_steps(
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    leaf_steps: Mapping[StudentCompetency, Sequence[Step]],
    leaves: Mapping[StudentCompetency, DecisionRecord],
    stored: Mapping[StudentCompetency, DecisionRecord],
    now: datetime,
) -> dict[StudentCompetency, list[Step]]:
    """The rollups a student's leaves passed through within one write, in the order observed:
    each leaf's steps and final record applied one at a time (at its observation), the
    ancestors rolled up after each. Only for students with leaf steps; the final rollups are
    `rolled_up_records`'."""
    events: dict[str, list[tuple[datetime, str, DecisionRecord]]] = defaultdict(list)
    for (student_id, cid), steps in leaf_steps.items():
        events[student_id] += [(observed, cid, record) for record, observed in steps]
    for (student_id, cid), record in leaves.items():
        observed = latest_absorbed(record)
        if student_id in events and observed is not None:
            events[student_id].append((observed, cid, record))
    by_student: dict[str, dict[str, DecisionRecord]] = defaultdict(dict)
    for (sid, cid), record in stored.items():
        if sid in events:
            by_student[sid][cid] = record
    out: dict[StudentCompetency, list[Step]] = defaultdict(list)
    for student_id, happened in events.items():
        current = by_student[student_id]
        for observed, cid, record in sorted(happened, key=lambda e: (e[0], e[1])):
            framework = frameworks[framework_of[cid]]
            current[cid] = record
            decisions = {c: r.computed for c, r in current.items() if c in framework}
            shown = overrides_shown(current.values(), now)
            for parent, computed in roll_up(framework, decisions, {cid}, shown).items():
                rolled = rollup_record(
                    framework, student_id, parent, computed, current.get(parent), now
                )
                current[parent] = rolled
                out[(student_id, parent)].append((rolled, observed))
    return dict(out)


def overrides_shown(records: Iterable[DecisionRecord], at: datetime) -> dict[str, Override]:
    """The overrides in force at `at` among one student's records, by competency: what their
    parents' rollups count."""
    return {
        r.competency_id: r.override
        for r in records
        if r.override is not None and r.override.in_force(at)
    }


def _next_score(framework: Framework, record: DecisionRecord, at: datetime) -> float | None:
    """A leaf's next score to master given what it shows at `at`; a rollup has none (its way
    forward is through its children)."""
    if record.state is None:
        return None
    policy = framework.policy_for(record.competency_id)
    shown = record.shown(at, policy.scale)
    return next_score_to_master(record.computed, policy, record.state, shown=shown)


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
    override = before.override if before else None
    record = DecisionRecord(
        student_id, competency_id, framework.id, computed, state, override, None, now
    )
    return replace(record, next_score_to_master=_next_score(framework, record, now))


def rollup_record(
    framework: Framework,
    student_id: str,
    competency_id: str,
    computed: ComputedDecision,
    before: DecisionRecord | None,
    now: datetime,
) -> DecisionRecord:
    """A parent's record decided from its children: no state, no next score, the override
    kept."""
    override = before.override if before else None
    return DecisionRecord(
        student_id, competency_id, framework.id, computed, None, override, None, now
    )


def blank_record(
    framework: Framework, student_id: str, competency_id: str, now: datetime
) -> DecisionRecord:
    """The record of a competency nothing is known about yet (an override may come first)."""
    computed = undecided(framework, competency_id)
    if computed.rolled_up:
        return rollup_record(framework, student_id, competency_id, computed, None, now)
    state = absorb(framework.policy_for(competency_id), ())
    return leaf_record(framework, student_id, competency_id, computed, state, None, now)


def with_override(
    framework: Framework, record: DecisionRecord, override: Override | None, now: datetime
) -> DecisionRecord:
    """The record with another override (or none); the next score follows what is shown."""
    changed = replace(record, override=override, updated_at=now)
    return replace(changed, next_score_to_master=_next_score(framework, changed, now))


def rolled_up_records(
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    leaves: Mapping[StudentCompetency, DecisionRecord],
    stored: Mapping[StudentCompetency, DecisionRecord],
    now: datetime,
) -> dict[StudentCompetency, DecisionRecord]:
    """The ancestors of changed leaves rolled up again, for every student, from the stored
    decisions (which must hold every decision these rollups read) and the new leaves; only
    those that changed."""
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
        shown = overrides_shown(records.values(), now)
        for cid, computed in roll_up(framework, current, changed, shown).items():
            before = records.get(cid)
            out[(student_id, cid)] = rollup_record(
                framework, student_id, cid, computed, before, now
            )
    return out


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
    shown = overrides_shown(stored.values(), now)
    for cid, computed in decide_all(framework, by_competency, overrides=shown).items():
        before = stored.get(cid)
        if before is None and computed.status is MasteryStatus.NO_EVIDENCE:
            continue
        if computed.rolled_up:
            record = rollup_record(framework, student_id, cid, computed, before, now)
        else:
            state = absorb(framework.policy_for(cid), by_competency.get(cid, ()))
            record = leaf_record(framework, student_id, cid, computed, state, before, now)
        out[(student_id, cid)] = record
    return out
