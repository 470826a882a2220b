"""Grading terms (issue #16): a term or grading period of the roster is closed at the end of
its report-card window, and every decision is frozen as it stands then: the snapshot, which
report cards and term grades read from that moment on, while the live decisions keep moving
with the results that arrive later. See docs/decisions/0050-grading-terms-and-snapshots.md."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from app.domain.errors import Conflict, Invalid, Problem
from app.domain.evidence import Evidence
from app.domain.frameworks import Framework
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.override import ShownDecision
from app.domain.mastery.record import DecisionRecord
from app.domain.mastery.view import DecisionView
from app.domain.roster import AcademicSession, SessionType
from app.domain.scales import Level

# Report cards are written for terms and grading periods; a school year or a semester is made
# of them (closing one would freeze the same decisions under a second name).
GRADED_SESSIONS = frozenset({SessionType.TERM, SessionType.GRADING_PERIOD})


class TermState(StrEnum):
    """A close in progress (a job freezing a large district) or done."""

    CLOSING = "closing"
    CLOSED = "closed"


@dataclass(frozen=True)
class TermClose:
    """A session's close: who closed it and when, and until when reassessed results of the
    term still change its snapshot."""

    session_id: str
    state: TermState
    closed_at: datetime
    closed_by: str
    # The first instant after the session's last day: results observed before it belong to
    # the term (the roster's dates carry no time zone; UTC days, as everywhere in the service).
    ends_at: datetime
    reassessment_until: datetime | None = None
    decisions: int | None = None  # how many were frozen; None while closing

    def reassessing(self, at: datetime) -> bool:
        """Whether reassessed results of the term still change the snapshot at `at`."""
        return (
            self.state is TermState.CLOSED
            and self.reassessment_until is not None
            and at < self.reassessment_until
        )

    def as_facts(self) -> dict[str, str | int | None]:
        """What the audit trail keeps of the close."""
        until = self.reassessment_until
        return {
            "state": self.state.value,
            "closed_at": self.closed_at.isoformat(),
            "closed_by": self.closed_by,
            "reassessment_until": until.isoformat() if until else None,
            "decisions": self.decisions,
        }


def ends_at(end_date: date) -> datetime:
    """The first instant after a session's last day."""
    return datetime.combine(end_date + timedelta(days=1), time(), tzinfo=UTC)


def closing(
    session: AcademicSession,
    by: str,
    now: datetime,
    reassessment_until: datetime | None,
    *,
    in_job: bool,
) -> TermClose:
    """The close of `session` by `by` at `now`, or every reason it cannot be closed."""
    if session.type not in GRADED_SESSIONS:
        raise Conflict(
            f"Only a term or a grading period is closed; {session.id!r} is a {session.type}",
            [Problem(("path", "id"), f"type is {session.type}, not term or gradingPeriod")],
        )
    if reassessment_until is not None and reassessment_until <= now:
        raise Invalid(
            "The reassessment window ends in the past",
            [Problem(("body", "reassessment_until"), "must be later than now")],
        )
    return TermClose(
        session.id,
        TermState.CLOSING if in_job else TermState.CLOSED,
        now,
        by,
        ends_at(session.end_date),
        reassessment_until,
    )


def reassessed_students(close: TermClose, results: Iterable[Evidence]) -> set[str]:
    """The students whose snapshot a batch of results changes during the reassessment window:
    those with a result observed within the term (a result observed after it counts for the
    next term only)."""
    return {e.student_id for e in results if e.observed_at < close.ends_at}


@dataclass(frozen=True)
class FrozenDecision:
    """A decision as frozen: the record, and what was shown at the close (kept as shown, so
    that a later change of the scale's threshold cannot move a frozen overridden status)."""

    record: DecisionRecord
    status: MasteryStatus
    score: float | None
    level: Level | None


def frozen_view(frozen: FrozenDecision, framework: Framework | None) -> DecisionView:
    """A frozen decision in the shape a student's decisions are read in (the band is the
    framework's for the frozen score, when the framework still exists)."""
    record = frozen.record
    shown = ShownDecision(
        frozen.status,
        frozen.score,
        frozen.level,
        record.computed.evidence_count,
        record.computed,
        record.override,
    )
    band = None
    if framework is not None and record.competency_id in framework:
        band = framework.scale_for(record.competency_id).band_for(frozen.score)
    next_score = record.next_score_to_master if record.override is None else None
    return DecisionView(
        record.student_id,
        record.competency_id,
        record.framework_id,
        shown,
        next_score,
        record.updated_at,
        band,
    )


def page_key(student_id: str, competency_id: str) -> str:
    """The key a snapshot page ends at (a cursor stands for it)."""
    return json.dumps([student_id, competency_id])


def parse_page_key(key: str) -> tuple[str, str] | None:
    """The (student, competency) a page key names; None for text no page key is."""
    try:
        found = json.loads(key)
    except ValueError:
        return None
    if isinstance(found, list) and len(found) == 2 and all(isinstance(p, str) for p in found):
        return found[0], found[1]
    return None
