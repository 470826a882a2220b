"""Overrides: a teacher sets a decision's level or status; the engine's own stays beside it.

A level override shows that level, its value as the score, and mastered exactly when the
value reaches the threshold. A status override (mastered or not_yet) changes only the
status: the engine's score and level stay visible, since the teacher judged mastery, not
the measurement. New evidence never removes an override; clearing or expiry does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.errors import ProblemList
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.quick_init import quick_init
from app.domain.scales import Level, Scale, format_number, is_number

# A teacher judges mastery; "no evidence" and "insufficient evidence" are facts about the
# evidence, which a teacher changes by adding or voiding results, not by an override.
SETTABLE_STATUSES = frozenset({MasteryStatus.MASTERED, MasteryStatus.NOT_YET})


@dataclass(frozen=True)
class Override:
    """A teacher's level or status for one decision, with why, who, when and until when."""

    level: Level | None
    status: MasteryStatus | None
    reason: str
    expires_at: datetime | None
    set_at: datetime
    set_by: str

    def __post_init__(self) -> None:
        problems = ProblemList()
        _check(
            problems,
            has_level=self.level is not None,
            status=self.status,
            has_status=self.status is not None,
            reason=self.reason,
            expires_at=self.expires_at,
            set_at=self.set_at,
            set_by=self.set_by,
        )
        problems.raise_if_any("The override is invalid")

    def in_force(self, at: datetime) -> bool:
        """Set at or before `at` and not expired at `at`."""
        return self.set_at <= at and (self.expires_at is None or at < self.expires_at)

    def as_dict(self) -> dict[str, object]:
        """JSON: {"level", "status", "reason", "expires_at", "set_at", "set_by"}."""
        return {
            "level": self.level.as_dict() if self.level else None,
            "status": self.status.value if self.status else None,
            "reason": self.reason,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "set_at": self.set_at.isoformat(),
            "set_by": self.set_by,
        }


class OverrideState(StrEnum):
    """Where an override stands: in force, removed by a teacher (or another override), expired."""

    CURRENT = "current"
    REMOVED = "removed"
    EXPIRED = "expired"


@dataclass(frozen=True)
class RecordedOverride:
    """An override as the record keeps it: on which competency, and when it was cleared, if
    ever (clearing ends an override without erasing it, so `as_of` reads still see it)."""

    competency_id: str
    override: Override
    cleared_at: datetime | None
    cleared_by: str | None = None

    def state(self, at: datetime) -> OverrideState:
        """Whether, at `at`, it is in force, was removed (cleared, or replaced by another) or
        has expired; removal first, since a cleared override's expiry never came into play."""
        if self.cleared_at is not None and self.cleared_at <= at:
            return OverrideState.REMOVED
        expires = self.override.expires_at
        if expires is not None and expires <= at:
            return OverrideState.EXPIRED
        return OverrideState.CURRENT

    def in_force(self, at: datetime) -> bool:
        """Set at or before `at`, and neither cleared nor expired at `at`."""
        cleared = self.cleared_at is not None and self.cleared_at <= at
        return not cleared and self.override.in_force(at)


def overrides_in_force(recorded: Iterable[RecordedOverride], at: datetime) -> dict[str, Override]:
    """The override in force at `at` on each competency: of those in force then, the one set
    last (`recorded` comes in the order the overrides were set)."""
    found: dict[str, Override] = {}
    for entry in recorded:
        if entry.in_force(at):
            found[entry.competency_id] = entry.override
    return found


def _check(
    problems: ProblemList,
    *,
    has_level: bool,
    status: MasteryStatus | None,
    has_status: bool,
    reason: str,
    expires_at: datetime | None,
    set_at: datetime,
    set_by: str,
) -> None:
    if has_level == has_status:
        problems.add(("level",), "give exactly one of level and status")
    if status is not None and status not in SETTABLE_STATUSES:
        problems.add(("status",), "must be mastered or not_yet")
    if not isinstance(reason, str) or not reason.strip():
        problems.add(("reason",), "is required")
    if not isinstance(set_by, str) or not set_by.strip():
        problems.add(("set_by",), "must not be empty")
    if not _is_aware(set_at):
        problems.add(("set_at",), "must be a date-time with a time zone")
    if expires_at is not None:
        if not _is_aware(expires_at):
            problems.add(("expires_at",), "must be a date-time with a time zone")
        elif _is_aware(set_at) and expires_at <= set_at:
            problems.add(("expires_at",), "must be after the override is set")


def set_override(
    *,
    level_value: float | None,
    status: str | None,
    reason: str,
    expires_at: datetime | None,
    set_at: datetime,
    set_by: str,
    scale: Scale,
) -> Override:
    """Validate a teacher's request against the scale, every problem at once, and build it."""
    problems = ProblemList()
    level: Level | None = None
    if level_value is not None:
        level = scale.level_valued(level_value) if is_number(level_value) else None
        if level is None:
            values = ", ".join(format_number(v) for v in scale.values)
            problems.add(("level",), f"must be a level of the scale: {values}")
    parsed: MasteryStatus | None = None
    if status is not None:
        try:
            parsed = MasteryStatus(status)
        except ValueError:
            problems.add(("status",), "must be mastered or not_yet")
    _check(
        problems,
        has_level=level_value is not None,
        status=parsed,
        has_status=status is not None,
        reason=reason,
        expires_at=expires_at,
        set_at=set_at,
        set_by=set_by,
    )
    problems.raise_if_any("The override is invalid")
    return Override(level, parsed, reason, expires_at, set_at, set_by)


@quick_init
@dataclass(frozen=True, slots=True)
class ShownDecision:
    """The decision as shown: the override's when one is in force, with `computed` beside it."""

    status: MasteryStatus
    score: float | None
    level: Level | None
    evidence_count: int
    computed: ComputedDecision
    override: Override | None

    @property
    def overridden(self) -> bool:
        """Whether an override is in force."""
        return self.override is not None

    @property
    def mastered(self) -> bool:
        """Whether the shown status is mastered."""
        return self.status is MasteryStatus.MASTERED


def effective(
    computed: ComputedDecision, override: Override | None, at: datetime, scale: Scale
) -> ShownDecision:
    """The decision shown at `at`: the override while in force, else the computed one."""
    return shown_with(computed, override if override and override.in_force(at) else None, scale)


def shown_with(
    computed: ComputedDecision, override: Override | None, scale: Scale
) -> ShownDecision:
    """The decision shown under `override`, already known to be in force (None: the computed)."""
    c = computed
    if override is None:
        return ShownDecision(c.status, c.score, c.level, c.evidence_count, c, None)
    if override.level is not None:
        level = override.level
        status = (
            MasteryStatus.MASTERED
            if level.value >= scale.mastery_threshold
            else MasteryStatus.NOT_YET
        )
        return ShownDecision(status, level.value, level, c.evidence_count, c, override)
    assert override.status is not None  # exactly one of level and status
    return ShownDecision(override.status, c.score, c.level, c.evidence_count, c, override)


def _is_aware(moment: object) -> bool:
    return isinstance(moment, datetime) and moment.utcoffset() is not None
