"""Evidence: one assessment result, how it is put on the scale, and whether it counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.errors import Problem, ProblemList
from app.domain.frameworks import MasteryPolicy
from app.domain.scales import Scale, format_number, is_number

# Clocks of LMSs and of this service disagree a little; a result "from the future" beyond this
# is a mistake (a wrong year, a local time sent as UTC) that would sit at the end of every series.
CLOCK_SKEW = timedelta(minutes=5)

EvidenceKey = tuple[str, str, str]
"""(source, source_id, competency_id): what identifies one result across resends."""


class EvidenceKind(StrEnum):
    """Summative results count by default; formative ones only when the policy says so."""

    SUMMATIVE = "summative"
    FORMATIVE = "formative"


class NotCounted(StrEnum):
    """Why a piece of evidence does not count towards a decision."""

    VOIDED = "voided"
    FORMATIVE = "formative"
    AFTER_AS_OF = "after_as_of"


@dataclass(frozen=True)
class Evidence:
    """One result for one student and one competency, as stored.

    `seq` is the arrival order given by storage; it breaks ties between equal `observed_at`.
    """

    id: str
    student_id: str
    competency_id: str
    score: float
    max_score: float | None
    observed_at: datetime
    source: str
    source_id: str
    kind: EvidenceKind = EvidenceKind.SUMMATIVE
    comment: str | None = None
    seq: int = 0
    voided_at: datetime | None = None

    def __post_init__(self) -> None:
        problems = ProblemList()
        for name in ("id", "student_id", "competency_id", "source", "source_id"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                problems.add((name,), "must not be empty")
        if not is_number(self.score) or self.score < 0:
            problems.add(("score",), "must be a finite number at or above 0")
        if self.max_score is not None and (not is_number(self.max_score) or self.max_score <= 0):
            problems.add(("max_score",), "must be a finite number above 0")
        if not _is_aware(self.observed_at):
            problems.add(("observed_at",), "must be a date-time with a time zone")
        if self.voided_at is not None and not _is_aware(self.voided_at):
            problems.add(("voided_at",), "must be a date-time with a time zone")
        try:
            object.__setattr__(self, "kind", EvidenceKind(self.kind))
        except ValueError:
            problems.add(("kind",), "must be summative or formative")
        if isinstance(self.seq, bool) or not isinstance(self.seq, int) or self.seq < 0:
            problems.add(("seq",), "must be a whole number at or above 0")
        problems.raise_if_any("The evidence is invalid")

    @property
    def key(self) -> EvidenceKey:
        """What identifies this result across resends."""
        return (self.source, self.source_id, self.competency_id)

    @property
    def order_key(self) -> tuple[datetime, int]:
        """Counted evidence is ordered by observed_at, then by arrival."""
        return (self.observed_at, self.seq)


def evidence_problems(
    evidence: Evidence,
    scale: Scale,
    *,
    received_at: datetime | None = None,
) -> list[Problem]:
    """What is wrong with new evidence for a competency on `scale` (beyond its own checks).

    Construct the Evidence first (it raises Invalid listing its own problems); together they
    list every problem of an item. `received_at` (the clock's now) rejects future results.
    """
    problems = ProblemList()
    if evidence.max_score is not None and evidence.score > evidence.max_score:
        # Normalising caps the share at 1, so 25 of 20 would be stored as the top level.
        problems.add(("score",), f"must be at most max_score ({format_number(evidence.max_score)})")
    if evidence.max_score is None and evidence.score > scale.highest:
        problems.add(
            ("score",),
            f"must be at most {format_number(scale.highest)} without a max_score",
        )
    if received_at is not None and evidence.observed_at > received_at + CLOCK_SKEW:
        problems.add(("observed_at",), "must not be in the future")
    return problems.problems


def normalise(score: float, max_score: float | None, scale: Scale) -> float:
    """The score on the scale: min(score / max_score, 1) * highest, else the score itself.

    New evidence above the highest value is rejected at input (`evidence_problems`); a later
    change of scale can leave stored scores above it, and those count as the highest value
    rather than break every recomputation.
    """
    highest = float(scale.highest)
    if max_score is not None:
        return min(score / max_score, 1.0) * highest
    return min(max(float(score), 0.0), highest)


def normalised(evidence: Evidence, scale: Scale) -> float:
    """The evidence's score on the scale."""
    return normalise(evidence.score, evidence.max_score, scale)


def not_counted_because(
    evidence: Evidence, policy: MasteryPolicy, as_of: datetime | None = None
) -> NotCounted | None:
    """Why this evidence does not count (the first reason of voided, formative, after_as_of)."""
    # A void corrects the record, so it holds for every as_of, like an upsert's new version.
    if evidence.voided_at is not None:
        return NotCounted.VOIDED
    if evidence.kind is EvidenceKind.FORMATIVE and not policy.include_formative:
        return NotCounted.FORMATIVE
    if as_of is not None and evidence.observed_at > as_of:
        return NotCounted.AFTER_AS_OF
    return None


def counted_in_order(
    evidences: Iterable[Evidence], policy: MasteryPolicy, as_of: datetime | None = None
) -> list[Evidence]:
    """The evidence that counts, oldest first (observed_at, then arrival)."""
    counted = [e for e in evidences if not_counted_because(e, policy, as_of) is None]
    counted.sort(key=lambda e: e.order_key)
    return counted


def _is_aware(moment: object) -> bool:
    return isinstance(moment, datetime) and moment.utcoffset() is not None
