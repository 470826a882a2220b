"""Finding 12: a delta row older than a stored record whose source gave no dateLastModified was
applied; the stored record's own write time counts."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.oneroster.staleness import is_stale, last_changed

AUG_1 = datetime(2026, 8, 1, tzinfo=UTC)
SEP_1 = datetime(2026, 9, 1, tzinfo=UTC)
DEC_3 = datetime(2026, 12, 3, tzinfo=UTC)


def test_the_sources_date_counts_when_it_gave_one() -> None:
    assert last_changed(AUG_1, DEC_3) == AUG_1
    assert not is_stale(SEP_1, AUG_1, DEC_3)  # newer than the source's date: applied
    assert is_stale(AUG_1.replace(day=1, month=7), AUG_1, DEC_3)


def test_the_write_time_counts_when_the_source_gave_no_date() -> None:
    assert last_changed(None, DEC_3) == DEC_3
    assert is_stale(SEP_1, None, DEC_3)  # older than the import that wrote the record
    assert not is_stale(datetime(2027, 1, 4, tzinfo=UTC), None, DEC_3)


def test_a_row_without_a_date_is_never_stale() -> None:
    assert not is_stale(None, AUG_1, DEC_3)
    assert not is_stale(None, None, DEC_3)


def test_a_row_of_the_same_instant_is_not_stale() -> None:
    assert not is_stale(AUG_1, AUG_1, DEC_3)
    assert not is_stale(DEC_3, None, DEC_3)
