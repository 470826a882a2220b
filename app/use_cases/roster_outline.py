"""A OneRoster set's outline: its manifest, checked with the columns of every file it applies,
before any row is read (an upload is checked so before its import job is queued)."""

from __future__ import annotations

from app.domain.errors import Invalid, Problem
from app.domain.oneroster.files import FILES, FileMode, Manifest, missing_columns, nothing_to_read
from app.ports.roster_import import RosterSource


async def outline(source: RosterSource) -> Manifest:
    """The set's manifest, checked with the columns of every file it applies; raises `Invalid`
    listing every problem when the set cannot be read at all (skip-invalid or not)."""
    manifest = await source.manifest()
    unreadable = list(manifest.problems)
    if not unreadable and (empty := nothing_to_read(manifest)) is not None:
        unreadable.append(empty)
    for file in FILES:
        if manifest.mode(file) == FileMode.ABSENT:
            continue
        columns = await source.columns(file)
        missing = missing_columns(file, columns) if columns is not None else []
        if missing:
            unreadable.append(Problem((file.name,), f"missing column(s): {', '.join(missing)}"))
    if unreadable:
        raise Invalid("The roster set cannot be read; nothing was written", unreadable)
    return manifest
