"""Evidence: one assessment result, how it is put on the scale, and whether it counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.categories import EvidenceCategory, Mark, category_named
from app.domain.errors import Problem, ProblemList
from app.domain.frameworks import MasteryPolicy
from app.domain.scales import Scale, format_number, is_number

# Clocks of LMSs and of this service disagree a little; a result "from the future" beyond this
# is a mistake (a wrong year, a local time sent as UTC) that would sit at the end of every series.
CLOCK_SKEW = timedelta(minutes=5)

# The source of a result counted for a competency's exact match in another framework, copied
# from the original (app.domain.crosswalk); no client may send it.
CROSSWALK_SOURCE = "crosswalk"

EvidenceKey = tuple[str, str, str]
"""(source, source_id, competency_id): what identifies one result across resends."""


class EvidenceKind(StrEnum):
    """Summative results count by default; formative ones only when the policy says so."""

    SUMMATIVE = "summative"
    FORMATIVE = "formative"


class NotCounted(StrEnum):
    """Why a piece of evidence does not count towards a decision."""

    VOIDED = "voided"
    EXEMPT = "exempt"
    INCOMPLETE = "incomplete"
    FORMATIVE = "formative"
    CATEGORY_NOT_COUNTED = "category_not_counted"
    UNCATEGORISED = "uncategorised"
    HABITS_OF_WORK = "habits_of_work"
    ACADEMIC = "academic"
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
    # The framework category it belongs to, its weight within it, and a mark (missing, ...).
    category: str | None = None
    weight: float | None = None
    mark: Mark | None = None

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
        self._check_grading(problems)
        if isinstance(self.seq, bool) or not isinstance(self.seq, int) or self.seq < 0:
            problems.add(("seq",), "must be a whole number at or above 0")
        problems.raise_if_any("The evidence is invalid")

    def _check_grading(self, problems: ProblemList) -> None:
        """The category, weight and mark a gradebook adds to a score."""
        if self.category is not None and (
            not isinstance(self.category, str) or not self.category.strip()
        ):
            problems.add(("category",), "must not be empty")
        if self.weight is not None and (not is_number(self.weight) or self.weight <= 0):
            problems.add(("weight",), "must be a finite number above 0")
        if self.mark is not None:
            try:
                object.__setattr__(self, "mark", Mark(self.mark))
            except ValueError:
                problems.add(("mark",), "must be missing, exempt or incomplete")

    def numbered(self, seq: int) -> Evidence:
        """This result with the arrival number storage gave it. Only `seq` changes, so the
        other fields are not checked again (dataclasses.replace would: ~4 µs a result, 4 ms
        of a 1,000-result batch)."""
        if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
            problems = ProblemList()
            problems.add(("seq",), "must be a whole number at or above 0")
            problems.raise_if_any("The evidence is invalid")
        twin = object.__new__(Evidence)
        twin.__dict__.update(self.__dict__)
        twin.__dict__["seq"] = seq
        return twin

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
    if evidence.mark is not None:
        # A marked result is read for its mark, not its score (which may be left out).
        return _received_problems(evidence, received_at, problems)
    if evidence.max_score is not None and evidence.score > evidence.max_score:
        # Normalising caps the share at 1, so 25 of 20 would be stored as the top level.
        problems.add(("score",), f"must be at most max_score ({format_number(evidence.max_score)})")
    if evidence.max_score is None and evidence.score > scale.highest:
        problems.add(
            ("score",),
            f"must be at most {format_number(scale.highest)} without a max_score",
        )
    return _received_problems(evidence, received_at, problems)


def _received_problems(
    evidence: Evidence, received_at: datetime | None, problems: ProblemList
) -> list[Problem]:
    if received_at is not None and evidence.observed_at > received_at + CLOCK_SKEW:
        problems.add(("observed_at",), "must not be in the future")
    return problems.problems


def evidence_category_problems(
    evidence: Evidence, categories: Sequence[EvidenceCategory], *, required: bool = True
) -> list[Problem]:
    """A new result's category must name one of its framework's categories (required when the
    framework has categories, unless `required` is False, refused when it has none)."""
    name = evidence.category
    names = ", ".join(c.name for c in categories)
    if not categories:
        if name is None:
            return []
        return [Problem(("category",), "must be left out: the framework has no categories")]
    if name is None:
        return [Problem(("category",), f"is required: one of {names}")] if required else []
    if all(c.name != name for c in categories):
        return [Problem(("category",), f"must be one of {names}")]
    return []


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


def counted_score(evidence: Evidence, policy: MasteryPolicy) -> float:
    """The score a counted result adds to the series: a missing mark counts as the policy's
    missing level, any other result as its score on the scale."""
    if evidence.mark is Mark.MISSING:
        return policy.missing_value
    return normalise(evidence.score, evidence.max_score, policy.scale)


def not_counted_because(
    evidence: Evidence, policy: MasteryPolicy, as_of: datetime | None = None
) -> NotCounted | None:
    """Why this evidence does not count: the first reason, in NotCounted's order."""
    # A void corrects the record, so it holds for every as_of, like an upsert's new version.
    if evidence.voided_at is not None:
        return NotCounted.VOIDED
    if evidence.mark is Mark.EXEMPT:
        return NotCounted.EXEMPT
    if evidence.mark is Mark.INCOMPLETE:
        return NotCounted.INCOMPLETE
    if evidence.kind is EvidenceKind.FORMATIVE and not policy.include_formative:
        return NotCounted.FORMATIVE
    if policy.categories and (why := _category_reason(evidence, policy)) is not None:
        return why
    if as_of is not None and evidence.observed_at > as_of:
        return NotCounted.AFTER_AS_OF
    return None


def category_of(evidence: Evidence, policy: MasteryPolicy) -> str | None:
    """The category a result counts in: its own when the framework has it, else the one the
    framework names for uncategorised results (stored before it had categories, or in one
    since removed), else none."""
    if category_named(policy.categories, evidence.category) is not None:
        return evidence.category
    return policy.uncategorised_category


def _category_reason(evidence: Evidence, policy: MasteryPolicy) -> NotCounted | None:
    category = category_named(policy.categories, category_of(evidence, policy))
    if category is None:
        # Stored before the framework had categories (new evidence must name one), and the
        # framework names no category for them.
        return NotCounted.UNCATEGORISED
    if not category.counted:
        return NotCounted.CATEGORY_NOT_COUNTED
    if category.habits_of_work and not policy.habits_of_work:
        return NotCounted.HABITS_OF_WORK
    if policy.habits_of_work and not category.habits_of_work:
        return NotCounted.ACADEMIC
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
