"""Storing a student's new decisions: which records differ from those stored (the status each
shows on its competency's scale included, which reports count) and the history entries they
make. A competency may have a scale of its own (docs/decisions/0035-competency-scale.md), so
the repositories are told each decision's scale rather than one per framework."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

from app.domain.frameworks import Framework
from app.domain.mastery.record import (
    ChangeCause,
    DecisionChange,
    DecisionRecord,
    Step,
    StudentCompetency,
    change_of,
    observations_through,
    same_record,
)
from app.domain.scales import Scale

ScaleOf = Callable[[DecisionRecord], Scale]
"""A stored decision's scale: its competency's under its framework's policy."""


def scales_of(frameworks: Mapping[str, Framework]) -> ScaleOf:
    """Each decision's scale, from its framework's policy for its competency."""
    return lambda r: frameworks[r.framework_id].scale_for(r.competency_id)


def changed_records(
    records: Iterable[DecisionRecord],
    before_of: Mapping[StudentCompetency, DecisionRecord],
    frameworks: Mapping[str, Framework],
    at: datetime,
    cause: ChangeCause,
    steps: Mapping[StudentCompetency, Sequence[Step]] | None = None,
    shown_before: Mapping[str, Framework] | None = None,
) -> tuple[list[DecisionRecord], list[DecisionChange]]:
    """The records that differ from those stored, and the history entries they make: with
    `steps`, the records a leaf passed through on its way (each new result of a batch), so
    that its history has every change at the instant it was observed. `shown_before`: the
    frameworks the stored ones were shown under, when a change of policy replaced them (a level
    override's status follows its competency's threshold)."""
    records = list(records)
    through = observations_through(records, before_of, frameworks)
    changed: list[DecisionRecord] = []
    changes: list[DecisionChange] = []
    for record in records:
        key = (record.student_id, record.competency_id)
        before = before_of.get(key)
        scale = frameworks[record.framework_id].scale_for(record.competency_id)
        old = (shown_before or frameworks).get(record.framework_id)
        was = old.scale_for(record.competency_id) if old and record.competency_id in old else scale
        if same_record(before, record, (was, scale, at)):
            continue
        changed.append(record)
        previous = before
        for step, observed in (steps or {}).get(key, ()):
            change = change_of(previous, step, scale, at, cause, observed, was)
            if change is not None:
                changes.append(change)
                previous, was = step, scale
        change = change_of(previous, record, scale, at, cause, through.get(key), was)
        if change is not None:
            changes.append(change)
    return changed, changes
