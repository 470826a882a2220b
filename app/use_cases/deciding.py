"""Bringing stored decisions up to date after evidence arrives, is voided, or a policy changes.

Every rule is the domain's (app.domain.mastery.refresh and .record: which leaves advance and
which are recomputed, how records and rollups are assembled, what counts as a change); this
module only loads, orders and saves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.mastery.record import (
    ChangeCause,
    DecisionChange,
    DecisionRecord,
    Step,
    latest_absorbed,
    rolled_up_records,
    rollup_steps,
)
from app.domain.mastery.refresh import (
    Touch,
    advanced_record,
    decisions_read,
    recomputed_record,
    steps_of,
)
from app.domain.mastery.storing import changed_records, scales_of
from app.ports.mastery import StudentCompetency
from app.ports.unit_of_work import UnitOfWork
from app.use_cases.habits_deciding import refresh_habits


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
    # One query for the touched decisions and every decision their rollups will read.
    stored = await uow.decisions.get_many(decisions_read(frameworks, framework_of, touches))
    leaves: dict[StudentCompetency, DecisionRecord] = {}
    steps: dict[StudentCompetency, list[Step]] = {}
    to_recompute: list[Touch] = []
    histories: dict[StudentCompetency, list[Evidence]] = {}
    for touch in touches:
        framework = frameworks[framework_of[touch.competency_id]]
        advanced = advanced_record(framework, touch, stored.get(touch.key), now)
        if advanced is None:
            to_recompute.append(touch)
        else:
            leaves[touch.key] = advanced
            if len(touch.new) > 1:
                passed = steps_of(framework, touch, stored.get(touch.key), now)
                steps[touch.key] = [(r, at) for r in passed if (at := latest_absorbed(r))]
    if to_recompute:
        histories = await uow.evidence.history([t.key for t in to_recompute])
        for touch in to_recompute:
            framework = frameworks[framework_of[touch.competency_id]]
            leaves[touch.key] = recomputed_record(
                framework, touch, histories[touch.key], stored.get(touch.key), now
            )
    await refresh_habits(uow, frameworks, framework_of, touches, histories, now)
    rolled = rolled_up_records(frameworks, framework_of, leaves, stored, now)
    if steps:
        steps.update(rollup_steps(frameworks, framework_of, steps, leaves, stored, now))
    return await save_changed(uow, frameworks, {**leaves, **rolled}, stored, now, cause, steps)


async def save_changed(
    uow: UnitOfWork,
    frameworks: Mapping[str, Framework],
    records: Mapping[StudentCompetency, DecisionRecord],
    before_of: Mapping[StudentCompetency, DecisionRecord],
    now: datetime,
    cause: ChangeCause,
    steps: Mapping[StudentCompetency, Sequence[Step]] | None = None,
    shown_before: Mapping[str, Framework] | None = None,
) -> Refreshed:
    """Save the records that differ from those stored, with their history entries (and those of
    the steps each passed through, `record.steps_of`); `shown_before`, the frameworks the stored
    ones were shown under when a change of policy replaced them."""
    changed, changes = changed_records(
        records.values(), before_of, frameworks, now, cause, steps or {}, shown_before
    )
    await uow.decisions.save_many(changed, changes, scales_of(frameworks), now)
    return Refreshed(changed, changes)
