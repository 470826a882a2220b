"""Importing a OneRoster set: where its rows come from, and how they are staged and merged."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Protocol

from app.domain.oneroster.connection import RosterConnection
from app.domain.oneroster.files import FileMode, Manifest, RosterFile
from app.domain.oneroster.references import MissingReference, ReferenceField
from app.domain.oneroster.roles import RoleRow
from app.domain.oneroster.rows import RowRead
from app.domain.oneroster.values import RowValues
from app.domain.roster import RosterKind


class RosterSource(Protocol):
    """A OneRoster set to import: a folder or zip of CSV files, or a SIS's REST provider."""

    async def manifest(self) -> Manifest:
        """The set's version and each file's mode (its problems listed, not raised). Read
        before the import's transaction: a source read over the network asks for its first
        page here, failing before any write lock is held (decision 0085)."""
        ...

    async def columns(self, file: RosterFile) -> list[str] | None:
        """A CSV file's columns, by the standard's names; None where rows are not a table."""
        ...

    def rows(self, file: RosterFile) -> AsyncIterator[list[tuple[int, RowValues]]]:
        """The file's rows in chunks, each with its line (or position) for reports."""
        ...

    def not_used(self) -> list[str]:
        """The files of the set this service does not read."""
        ...

    async def close(self) -> None: ...


class RosterFiles(Protocol):
    def open(self, path: Path) -> RosterSource:
        """A OneRoster CSV set in a folder or a zip file; raises `Invalid` when unreadable."""
        ...

    def keep_upload(self, stream: BinaryIO) -> Path:
        """Copy an uploaded set into the service's uploads folder (under its state directory,
        never a shared temporary folder); the path of the copy."""
        ...

    def discard_upload(self, path: Path) -> None:
        """Delete an upload kept by `keep_upload` (gone already is fine)."""
        ...


class RosterProviders(Protocol):
    def source(
        self, connection: RosterConnection, secret: str, since: datetime | None
    ) -> RosterSource:
        """The provider's roster: everything, or what changed after `since` (as delta)."""
        ...


@dataclass(frozen=True)
class MergeCounts:
    """What merging one kind's staged rows did to the stored records."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0  # retired by a tobedeleted row
    retired: int = 0  # retired because a bulk file no longer lists them


@dataclass(frozen=True)
class MissingReferences:
    """The rows of one reference field whose records will not be there."""

    listed: list[MissingReference]
    count: int  # rows with the problem, listed or not
    newly_skipped: list[int]  # lines skipped by this check (not skipped before)


class RosterStaging(Protocol):
    """An import's rows, staged in the unit of work's transaction and checked as sets before
    they are merged into the roster (one statement per table, never one per row)."""

    async def open(self, modes: Mapping[RosterKind, FileMode]) -> None:
        """Create the staging tables; `modes` says how each kind's file applies."""
        ...

    async def add(
        self,
        kind: RosterKind | None,
        rows: Sequence[RowRead],
        fingerprints: Sequence[str | None] | None = None,
    ) -> None:
        """Stage rows of a kind's file (None: roles.csv), with their source rows' fingerprints
        when known (a record written from a row keeps it); rows with problems are staged as
        skipped, so a bulk file still counts them as listed."""
        ...

    async def holds_records(self, kind: RosterKind) -> bool:
        """Whether the roster holds an active record of this kind: if not, no row can be found
        unchanged, and looking costs a round trip per chunk for nothing."""
        ...

    async def add_unchanged(
        self, kind: RosterKind, rows: Sequence[tuple[int, str, str]]
    ) -> set[int]:
        """Stage, as the stored records they match, the rows given as (line, sourcedId,
        fingerprint) whose fingerprint is the one their active stored record was written from;
        their lines. The other rows are to be read and `add`ed."""
        ...

    async def newest_unchanged(self, kind: RosterKind) -> datetime | None:
        """The latest dateLastModified among the kind's rows staged unchanged."""
        ...

    async def duplicates(self, kind: RosterKind | None) -> list[tuple[int, str, int]]:
        """Rows repeating an earlier row's sourcedId, as (line, id, first line); skipped."""
        ...

    async def mark_stale(self, kind: RosterKind) -> list[int]:
        """Delta rows older than the stored record's dateLastModified: ignored. Their lines."""
        ...

    async def missing_references(self, ref: ReferenceField, limit: int) -> MissingReferences:
        """Rows whose reference names no record that will be active after the import (roles.csv
        rows for the `ROLE_*` fields); those rows are skipped. At most `limit` are listed."""
        ...

    async def roles_of(self, user_ids: Collection[str]) -> dict[str, list[tuple[int, RoleRow]]]:
        """The staged, valid roles.csv rows of these users with their lines, in file order."""
        ...

    async def users_with_new_roles(self) -> list[str]:
        """Users with valid roles.csv rows but no valid row of their own in users.csv."""
        ...

    async def merge(self, kind: RosterKind, now: datetime) -> MergeCounts:
        """Write the kind's valid rows: upsert what changed, retire what is tobedeleted and,
        for a bulk file, what it no longer lists."""
        ...

    async def close(self) -> None: ...
