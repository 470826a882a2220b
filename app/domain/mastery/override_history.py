"""The overrides of one decision, past and present: who set each, why, until when, what the
engine said when it was set (what the teacher replaced), and where it stands now."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.override import OverrideState, RecordedOverride
from app.domain.mastery.record import DecisionChange


@dataclass(frozen=True)
class OverrideEntry:
    """One override as the list shows it; `replaced_*` is the engine's decision when it was
    set (None when nothing was recorded before it: no evidence yet)."""

    recorded: RecordedOverride
    state: OverrideState
    replaced_status: MasteryStatus | None
    replaced_score: float | None


def override_entries(
    recorded: Sequence[RecordedOverride], history: Sequence[DecisionChange], now: datetime
) -> list[OverrideEntry]:
    """Each override with what the engine said when it was set: the computed decision of the
    latest history entry recorded at or before that moment (setting an override records the
    decision, so this is the engine's own at the time)."""
    out: list[OverrideEntry] = []
    for entry in recorded:
        set_at = entry.override.set_at
        before = [h for h in history if h.changed_at <= set_at]
        last = max(before, key=lambda h: h.changed_at) if before else None
        out.append(
            OverrideEntry(
                entry,
                entry.state(now),
                last.computed_status if last else None,
                last.computed_score if last else None,
            )
        )
    return out


@dataclass(frozen=True)
class OverrideFilter:
    """Which overrides a tenant-wide list shows: of one class's students, one competency, one
    student; `active`: only those in force at `at` (True) or only those no longer (False)."""

    at: datetime
    class_id: str | None = None
    competency_id: str | None = None
    student_id: str | None = None
    active: bool | None = None


@dataclass(frozen=True)
class ListedOverride:
    """An override in the tenant-wide list: whose decision, in which framework, and the entry
    (where it stands, what it replaced) as the list of one decision shows it."""

    student_id: str
    framework_id: str
    entry: OverrideEntry
    seq: int  # the order set: a page's key
