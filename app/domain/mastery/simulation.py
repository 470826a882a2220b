"""Policy simulation: how decisions would change under a candidate policy, never written.

A comparison is about mastery: a decision that stays on the same side of "mastered" is
unchanged even if its score or other status moves. The use case compares the decisions as
shown (an override in force keeps its decision unchanged), which is what applying the policy
would then show; `compare_student` does exactly that for one student.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.override import Override, effective
from app.domain.mastery.rollup import decide_all

if TYPE_CHECKING:
    from app.domain.mastery.simulation_groups import GroupChanges


class Change(StrEnum):
    """What a candidate policy does to one decision's mastery."""

    BECAME_MASTERED = "became_mastered"
    LOST_MASTERY = "lost_mastery"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Comparison:
    """One student's decision on one competency, now and under the candidate policy."""

    student_id: str
    competency_id: str
    current: MasteryStatus
    candidate: MasteryStatus

    @property
    def change(self) -> Change:
        """became_mastered, lost_mastery or unchanged."""
        now = self.current is MasteryStatus.MASTERED
        then = self.candidate is MasteryStatus.MASTERED
        if then and not now:
            return Change.BECAME_MASTERED
        if now and not then:
            return Change.LOST_MASTERY
        return Change.UNCHANGED


@dataclass(frozen=True)
class Tally:
    """Counts of decisions by change."""

    became_mastered: int = 0
    lost_mastery: int = 0
    unchanged: int = 0

    def plus(self, change: Change) -> Tally:
        """This tally with one more decision."""
        return Tally(
            self.became_mastered + (change is Change.BECAME_MASTERED),
            self.lost_mastery + (change is Change.LOST_MASTERY),
            self.unchanged + (change is Change.UNCHANGED),
        )

    def as_dict(self) -> dict[str, int]:
        """JSON: {"became_mastered", "lost_mastery", "unchanged"}."""
        return {
            "became_mastered": self.became_mastered,
            "lost_mastery": self.lost_mastery,
            "unchanged": self.unchanged,
        }


@dataclass(frozen=True)
class StudentChanges:
    """An affected student and the competencies they would gain or lose."""

    student_id: str
    became_mastered: tuple[str, ...]
    lost_mastery: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        """JSON: {"student_id", "became_mastered": [ids], "lost_mastery": [ids]}."""
        return {
            "student_id": self.student_id,
            "became_mastered": list(self.became_mastered),
            "lost_mastery": list(self.lost_mastery),
        }


@dataclass(frozen=True)
class SimulationReport:
    """Totals, counts per competency (in first-seen order), the affected students, and the
    counts per subgroup as published (simulation_groups: empty unless asked for)."""

    total: Tally
    by_competency: dict[str, Tally]
    students: tuple[StudentChanges, ...]
    by_subgroup: tuple[GroupChanges, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """JSON: the totals, "by_competency" [{"competency_id", counts}], "by_subgroup" and
        "students"."""
        return {
            **self.total.as_dict(),
            "by_competency": [
                {"competency_id": cid, **tally.as_dict()}
                for cid, tally in self.by_competency.items()
            ],
            "by_subgroup": [g.as_dict() for g in self.by_subgroup],
            "students": [s.as_dict() for s in self.students],
        }


def simulate(comparisons: Iterable[Comparison]) -> SimulationReport:
    """Classify every decision and count: overall, per competency and per student."""
    total = Tally()
    by_competency: dict[str, Tally] = {}
    gained: dict[str, list[str]] = {}
    lost: dict[str, list[str]] = {}
    for comparison in comparisons:
        change = comparison.change
        total = total.plus(change)
        cid, sid = comparison.competency_id, comparison.student_id
        by_competency[cid] = by_competency.get(cid, Tally()).plus(change)
        gained.setdefault(sid, [])
        lost.setdefault(sid, [])
        if change is Change.BECAME_MASTERED:
            gained[sid].append(cid)
        elif change is Change.LOST_MASTERY:
            lost[sid].append(cid)
    students = tuple(
        StudentChanges(sid, tuple(gained[sid]), tuple(lost[sid]))
        for sid in gained
        if gained[sid] or lost[sid]
    )
    return SimulationReport(total, by_competency, students)


def compare_student(
    student_id: str,
    current: Framework,
    candidate: Framework,
    evidence_by_competency: Mapping[str, Sequence[Evidence]],
    overrides: Mapping[str, Override],
    at: datetime,
) -> list[Comparison]:
    """One student's comparisons, leaves and rollups, as shown at `at` (overrides applied)."""
    shown = {cid: o for cid, o in overrides.items() if o.in_force(at)}
    now = decide_all(current, evidence_by_competency, overrides=shown)
    then = decide_all(candidate, evidence_by_competency, overrides=shown)
    out: list[Comparison] = []
    for cid, decision in now.items():
        override = overrides.get(cid)
        shown_now = effective(decision, override, at, current.scale_for(cid))
        shown_then = effective(then[cid], override, at, candidate.scale_for(cid))
        out.append(Comparison(student_id, cid, shown_now.status, shown_then.status))
    return out
