"""The memory of each tenant's crosswalk links and reassessment windows
(app.adapters.db.lookups.LookupsCache): answered only at the revision it was filled at, only
for identifiers it was asked about, and windows only from the instant they were read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.adapters.db.lookups import LookupsCache
from app.domain.grading_terms import TermClose, TermState

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def _close(session_id: str, until: datetime) -> TermClose:
    return TermClose(session_id, TermState.CLOSED, T0, "teacher", T0, reassessment_until=until)


def test_links_are_known_per_identifier_asked_at_their_revision() -> None:
    memory = LookupsCache()
    memory.keep_links(1, "r1", ["a", "b"], [("a", "x")])
    # a's link, b asked and found without any; c never asked.
    assert memory.known_links(1, "r1", ["a", "b", "c"]) == ({("a", "x")}, ["c"])
    # The other end was not asked: it is not known to have only this link.
    assert memory.known_links(1, "r1", ["x"]) == (set(), ["x"])
    # Another revision, or another tenant: nothing known.
    assert memory.known_links(1, "r2", ["a"]) == (set(), ["a"])
    assert memory.known_links(2, "r1", ["a"]) == (set(), ["a"])
    # Kept at a new revision, what was kept at the old one is gone.
    memory.keep_links(1, "r2", ["x"], [("a", "x"), ("y", "x")])
    assert memory.known_links(1, "r2", ["x", "a"]) == ({("a", "x"), ("y", "x")}, ["a"])


def test_windows_are_known_from_the_instant_read_and_close_as_time_passes() -> None:
    memory = LookupsCache()
    soon, later = _close("t1", T0 + timedelta(days=1)), _close("t2", T0 + timedelta(days=3))
    memory.keep_closes(1, "r1", T0, [soon, later])
    assert memory.known_closes(1, "r1", T0) == [soon, later]
    # Two days on, t1's window has closed (until is exclusive, as the query's `>`).
    assert memory.known_closes(1, "r1", T0 + timedelta(days=2)) == [later]
    assert memory.known_closes(1, "r1", T0 + timedelta(days=1)) == [later]
    # Before the instant read (a window that had ended by then was not read), or at another
    # revision: memory cannot say.
    assert memory.known_closes(1, "r1", T0 - timedelta(seconds=1)) is None
    assert memory.known_closes(1, "r2", T0) is None
