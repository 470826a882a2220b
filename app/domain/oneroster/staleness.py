"""When a delta row is stale: the stored record changed after the row did, so the row is
ignored rather than applied over newer data (OneRoster 1.2 CSV §2.2, delta processing)."""

from __future__ import annotations

from datetime import datetime


def last_changed(source_modified_at: datetime | None, written_at: datetime) -> datetime:
    """When a stored record last changed: the dateLastModified its source gave, else when
    this service wrote it. A bulk file may leave dateLastModified blank; the record still holds
    the source's data as of that import, so an older delta row must not overwrite it."""
    return source_modified_at if source_modified_at is not None else written_at


def is_stale(
    row_modified: datetime | None, source_modified_at: datetime | None, written_at: datetime
) -> bool:
    """Whether a delta row dated `row_modified` is older than the stored record it names; a row
    without a date is never stale (nothing says it is older)."""
    if row_modified is None:
        return False
    return row_modified < last_changed(source_modified_at, written_at)
