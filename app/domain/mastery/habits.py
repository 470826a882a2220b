"""Habits-of-work decisions: decided apart from the academic ones, from the results of the
framework's counted habits-of-work categories only (docs/decisions/0033, "Habits of work").

They are stored apart from academic decisions (their own table), one per student and
competency that has habits-of-work results; none exist for a framework without a counted
habits-of-work category, so its ingest writes nothing more. A habits decision is recomputed
from the competency's whole history whenever it is touched: habits results are few per student
and competency (a homework or participation mark per week), and a stored incremental state
would double the hot path's state for a decision nobody rolls up."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.mastery.decision import ComputedDecision, decide


class DecisionKind(StrEnum):
    """Which decisions a report counts: the academic ones, or habits of work (never mixed)."""

    ACADEMIC = "academic"
    HABITS_OF_WORK = "habits_of_work"


@dataclass(frozen=True)
class HabitsDecision:
    """One student's habits-of-work decision on one competency."""

    student_id: str
    competency_id: str
    framework_id: str
    computed: ComputedDecision
    updated_at: datetime


def decides_habits(framework: Framework) -> bool:
    """Whether the framework decides habits of work: it has a counted habits category."""
    return any(c.habits_of_work and c.counted for c in framework.categories)


def habits_decision(
    framework: Framework,
    student_id: str,
    competency_id: str,
    history: Iterable[Evidence],
    now: datetime,
) -> HabitsDecision | None:
    """The habits-of-work decision from a competency's whole history; None when no
    habits-of-work result counts (nothing is stored: no row means no evidence)."""
    policy = framework.policy_for(competency_id).for_habits_of_work()
    computed = decide(policy, history, now)
    if computed.evidence_count == 0:
        return None
    return HabitsDecision(student_id, competency_id, framework.id, computed, now)


def student_habits(
    framework: Framework,
    student_id: str,
    evidence: Iterable[Evidence],
    now: datetime,
) -> list[HabitsDecision]:
    """Every habits-of-work decision of a student in a framework, from all their evidence."""
    by_competency: dict[str, list[Evidence]] = {}
    for e in evidence:
        if e.competency_id in framework:
            by_competency.setdefault(e.competency_id, []).append(e)
    found = [
        habits_decision(framework, student_id, cid, history, now)
        for cid, history in by_competency.items()
    ]
    return [d for d in found if d is not None]


def habits_of(
    framework: Framework,
    histories: Mapping[tuple[str, str], Iterable[Evidence]],
    now: datetime,
) -> tuple[list[HabitsDecision], list[tuple[str, str]]]:
    """The habits decisions of these (student, competency) histories: those to store, and the
    keys whose habits decision no longer has evidence (to delete)."""
    kept: list[HabitsDecision] = []
    gone: list[tuple[str, str]] = []
    for (student_id, competency_id), history in histories.items():
        decision = habits_decision(framework, student_id, competency_id, history, now)
        if decision is None:
            gone.append((student_id, competency_id))
        else:
            kept.append(decision)
    return kept, gone
