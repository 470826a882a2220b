"""Instants from clients: one without a time zone is taken as UTC, as the API documents."""

from __future__ import annotations

from datetime import UTC, datetime


def aware(moment: datetime | None) -> datetime | None:
    """The instant with UTC attached when the client gave none."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment
