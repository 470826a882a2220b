"""Importing a OneRoster set (app.ports.roster_import): a set given as lists of rows, and the
staging of an import in memory, checked and merged by the rules the SQL staging follows
(app/adapters/db/roster_staging.py, staging_checks.py, staging_merge.py): the same flags on
each staged row, the same answers for duplicates, stale rows, missing references and merges."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from app.domain.errors import Invalid, Problem
from app.domain.oneroster.connection import RosterConnection
from app.domain.oneroster.files import FileMode, Manifest, RosterFile
from app.domain.oneroster.references import Absence, MissingReference, ReferenceField
from app.domain.oneroster.roles import RoleRow
from app.domain.oneroster.rows import RowRead
from app.domain.oneroster.staleness import is_stale
from app.domain.oneroster.values import RowValues
from app.domain.roster import RecordStatus, RosterKind, RosterRecord
from app.ports.roster_import import MergeCounts, MissingReferences
from tests.fakes.roster import records_of
from tests.fakes.state import TenantTables

ACTIVE, RETIRED = RecordStatus.ACTIVE, RecordStatus.TOBEDELETED


@dataclass
class Staged:
    """One staged row: a record's (or, for roles.csv, a role's) with the staging flags."""

    line: int
    id: str
    modified: datetime | None
    record: RosterRecord | None = None
    role: RoleRow | None = None
    deleting: bool = False
    stale: bool = False
    invalid: bool = False
    skipped: bool = False

    @property
    def counted(self) -> bool:
        """Neither skipped nor stale: the row takes part in the import."""
        return not self.skipped and not self.stale

    @property
    def writes(self) -> bool:
        return self.counted and not self.deleting


def _staged(kind: RosterKind | None, read: RowRead) -> Staged:
    invalid = bool(read.problems)
    if kind is None:
        role = read.record if isinstance(read.record, RoleRow) else None
        return Staged(
            read.line, read.id, read.modified, None, role, read.deleting, False, invalid, invalid
        )
    record = read.record if isinstance(read.record, RosterRecord) else None
    modified = record.source_modified_at if record is not None else read.modified
    return Staged(
        read.line, read.id, modified, record, None, read.deleting, False, invalid, invalid
    )


def _reference(row: Staged, ref: ReferenceField) -> Iterator[tuple[int | None, str]]:
    """The (position, id) values of a row's reference field (a list field: one per element)."""
    if ref.kind is None:
        assignment = row.role.assignment if row.role is not None else None
        value = {
            "user_id": row.role.user_id if row.role is not None else None,
            "org_id": assignment.org_id if assignment is not None else None,
        }[ref.field]
        if value is not None:
            yield None, value
        return
    if row.record is None:
        return
    if ref.many:
        yield from enumerate(getattr(row.record, ref.field))
    elif (value := getattr(row.record, ref.field)) is not None:
        yield None, value


class FakeRosterStaging:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables
        self._modes: Mapping[RosterKind, FileMode] = {}
        self._rows: dict[RosterKind | None, list[Staged]] = {}

    def _stored(self, kind: RosterKind, id_: str) -> RosterRecord | None:
        return self._tables.roster.get((kind, id_))

    async def open(self, modes: Mapping[RosterKind, FileMode]) -> None:
        self._modes = modes
        self._rows = {kind: [] for kind in (*RosterKind, None)}

    async def close(self) -> None:
        self._rows = {}

    async def add(
        self,
        kind: RosterKind | None,
        rows: Sequence[RowRead],
        fingerprints: Sequence[str | None] | None = None,
    ) -> None:
        self._rows[kind] += [_staged(kind, r) for r in rows]

    async def holds_records(self, kind: RosterKind) -> bool:
        return any(k == kind and r.status == ACTIVE for (k, _), r in self._tables.roster.items())

    async def add_unchanged(
        self, kind: RosterKind, rows: Sequence[tuple[int, str, str]]
    ) -> set[int]:
        """The fake keeps no fingerprints (records are merged without them): every row is read
        and compared, which the SQL staging's shortcut must be equivalent to."""
        return set()

    async def newest_unchanged(self, kind: RosterKind) -> datetime | None:
        return None

    def _skip_new(self, kind: RosterKind | None, lines: Collection[int]) -> list[int]:
        newly = []
        for row in self._rows[kind]:
            if row.line in lines and not row.skipped:
                row.skipped = True
                newly.append(row.line)
        return sorted(newly)

    async def duplicates(self, kind: RosterKind | None) -> list[tuple[int, str, int]]:
        lines: dict[str, list[int]] = {}
        for row in self._rows[kind]:
            if not row.invalid and row.line > 0:
                lines.setdefault(row.id, []).append(row.line)
        found = [
            (line, id_, min(seen))
            for id_, seen in lines.items()
            for line in seen
            if line != min(seen)
        ]
        self._skip_new(kind, {line for line, _, _ in found})
        return sorted(found)

    async def mark_stale(self, kind: RosterKind) -> list[int]:
        stale = []
        for row in self._rows[kind]:
            stored = self._stored(kind, row.id)
            newer = (
                stored is not None
                and stored.updated_at is not None
                and is_stale(row.modified, stored.source_modified_at, stored.updated_at)
            )
            if not row.invalid and newer:
                row.stale = True
                stale.append(row.line)
        return sorted(stale)

    def _available(self, target: RosterKind, id_: str) -> bool:
        """Whether the record is active after the import (staging_checks.available)."""
        rows = [r for r in self._rows[target] if r.id == id_]
        written = any(r.counted and not r.deleting for r in rows)
        retiring = any(r.counted and r.deleting for r in rows)
        stored = self._stored(target, id_)
        stays = stored is not None and stored.status == ACTIVE and not retiring
        if self._modes.get(target, FileMode.ABSENT) == FileMode.BULK:
            stays = stays and any(r.line > 0 for r in rows)
        return written or stays

    def _absence(self, target: RosterKind, id_: str) -> tuple[Absence, int | None]:
        """Why a record is not there (staging_checks.describe)."""
        rows = [r for r in self._rows[target] if r.id == id_ and r.line > 0]
        skipped = [r.line for r in rows if r.skipped and not r.deleting]
        known = self._stored(target, id_) is not None
        if skipped:
            return Absence.SKIPPED, min(skipped)
        if known and not rows and self._modes.get(target, FileMode.ABSENT) == FileMode.BULK:
            return Absence.UNLISTED, None
        if rows or known:
            return Absence.RETIRED, None
        return Absence.NOWHERE, None

    async def missing_references(self, ref: ReferenceField, limit: int) -> MissingReferences:
        missing = [
            (row.line, position, value)
            for row in sorted(self._rows[ref.kind], key=lambda r: r.line)
            if not row.invalid and not row.deleting and not row.stale
            for position, value in _reference(row, ref)
            if not self._available(ref.target, value)
        ]
        if not missing:
            return MissingReferences([], 0, [])
        lines = sorted({line for line, _, _ in missing})
        # As the SQL staging counts: the references when all are listed, else the rows.
        count = len(missing) if len(missing) <= limit else len(lines)
        listed = missing[:limit]
        newly = self._skip_new(ref.kind, set(lines))
        return MissingReferences(
            [
                MissingReference(
                    line, ref.field, position, value, *self._absence(ref.target, value)
                )
                for line, position, value in listed
            ],
            count,
            newly,
        )

    async def roles_of(self, user_ids: Collection[str]) -> dict[str, list[tuple[int, RoleRow]]]:
        wanted = set(user_ids)
        found: dict[str, list[tuple[int, RoleRow]]] = {}
        for row in sorted(self._rows[None], key=lambda r: r.line):
            if row.role is None or row.skipped or row.role.user_id not in wanted:
                continue
            assignment = None if row.deleting else row.role.assignment
            modified = assignment.source_modified_at if assignment else None
            role = RoleRow(row.role.user_id, assignment, row.id, modified)
            found.setdefault(row.role.user_id, []).append((row.line, role))
        return found

    async def users_with_new_roles(self) -> list[str]:
        own = {r.id for r in self._rows[RosterKind.USER] if r.counted and r.line > 0}
        return sorted(
            {
                r.role.user_id
                for r in self._rows[None]
                if r.role is not None and not r.skipped and r.role.user_id not in own
            }
        )

    async def merge(self, kind: RosterKind, now: datetime) -> MergeCounts:
        rows = self._rows[kind]
        roster = self._tables.roster
        created = updated = unchanged = deleted = retired = 0
        for row in rows:
            if not row.writes:
                continue
            assert row.record is not None
            fresh = replace(row.record, status=ACTIVE, updated_at=now)
            stored = self._stored(kind, row.id)
            if stored is None:
                created += 1
            elif replace(stored, updated_at=now) != fresh:
                updated += 1
            else:
                unchanged += 1
                continue
            roster[(kind, row.id)] = fresh
        retiring = [r for r in rows if r.counted and r.deleting]
        for row in retiring:
            stored = self._stored(kind, row.id)
            if stored is None or stored.status != ACTIVE:
                unchanged += 1
                continue
            modified = next((r.modified for r in retiring if r.id == row.id), None)
            roster[(kind, row.id)] = replace(
                stored,
                status=RETIRED,
                updated_at=now,
                source_modified_at=modified or stored.source_modified_at,
            )
            deleted += 1
        if self._modes.get(kind, FileMode.ABSENT) == FileMode.BULK:
            listed = {r.id for r in rows if r.line > 0}
            for record in list(records_of(self._tables, kind)):
                if record.status == ACTIVE and record.id not in listed:
                    roster[(kind, record.id)] = replace(record, status=RETIRED, updated_at=now)
                    retired += 1
        return MergeCounts(created, updated, unchanged, deleted, retired)


def _header(rows: Sequence[Mapping[str, object]]) -> list[str]:
    return list(dict.fromkeys(column for row in rows for column in row))


@dataclass
class FakeRosterSource:
    """A OneRoster set as lists of rows by file stem (`"users"`), each row keyed by the
    standard's column names and numbered from line 2 (line 1 is a CSV header); every file
    listed is applied in `mode` unless `modes` says otherwise."""

    files: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    version: str = "1.1"
    mode: FileMode = FileMode.BULK
    modes: dict[str, FileMode] = field(default_factory=dict)
    unused: list[str] = field(default_factory=list)
    chunk_rows: int = 2
    closed: bool = False

    async def manifest(self) -> Manifest:
        modes = {stem.lower(): self.modes.get(stem, self.mode) for stem in self.files}
        return Manifest(self.version, modes, source="fake")

    async def columns(self, file: RosterFile) -> list[str] | None:
        # A file without rows has no header to check (as a REST provider's collection).
        return _header(self.files.get(file.stem, [])) or None

    async def rows(self, file: RosterFile) -> AsyncIterator[list[tuple[int, RowValues]]]:
        numbered = [(i + 2, dict(row)) for i, row in enumerate(self.files.get(file.stem, []))]
        for start in range(0, len(numbered), self.chunk_rows):
            yield list(numbered[start : start + self.chunk_rows])

    def not_used(self) -> list[str]:
        return list(self.unused)

    async def close(self) -> None:
        self.closed = True


@dataclass
class FakeRosterFiles:
    """Sets by path: `open` hands out the source registered for a path; an upload is kept as
    the set `upload_set` under a new path in `uploads` until discarded."""

    sets: dict[Path, FakeRosterSource] = field(default_factory=dict)
    opened: list[Path] = field(default_factory=list)
    upload_set: FakeRosterSource | None = None
    uploads: set[Path] = field(default_factory=set)
    discarded: list[Path] = field(default_factory=list)

    def open(self, path: Path) -> FakeRosterSource:
        self.opened.append(path)
        if path not in self.sets:
            raise Invalid("No OneRoster set there", [Problem(("path",), f"{path} is not a set")])
        return self.sets[path]

    def keep_upload(self, stream: BinaryIO) -> Path:
        path = Path(f"/state/uploads/{len(self.uploads) + len(self.discarded) + 1}.zip")
        self.uploads.add(path)
        if self.upload_set is not None:
            self.sets[path] = self.upload_set
        return path

    def discard_upload(self, path: Path) -> None:
        self.uploads.discard(path)
        self.sets.pop(path, None)
        self.discarded.append(path)


@dataclass
class FakeRosterProviders:
    """A SIS's REST provider: hands out `source` and records what it was asked for."""

    source_of: FakeRosterSource = field(default_factory=FakeRosterSource)
    asked: list[tuple[RosterConnection, str, datetime | None]] = field(default_factory=list)

    def source(
        self, connection: RosterConnection, secret: str, since: datetime | None
    ) -> FakeRosterSource:
        self.asked.append((connection, secret, since))
        return self.source_of
