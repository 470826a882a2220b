"""Reading a OneRoster CSV set from a folder or a zip file, as rows keyed by the standard's
column names: any line ending, UTF-8 (a byte-order mark or none) or Windows-1252 (charsets.py),
quoted fields, headers matched by name (1.0 names and known misspellings mapped), extra columns
ignored, short rows padded, and D/M/YYYY dates turned into ISO dates where a file says which
order it uses."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from app.adapters.oneroster.charsets import UTF_8, CharacterSet, detect
from app.adapters.oneroster.zip_limits import ZipLimits
from app.domain.errors import Invalid, Problem
from app.domain.oneroster.files import (
    BY_STEM,
    MANIFEST,
    Manifest,
    RosterFile,
    manifest_without_file,
    read_manifest,
)
from app.domain.oneroster.values import RowValues

CHUNK_ROWS = 5000
# Columns by the names of OneRoster 1.0 and of exports that misspell them, per file ("*": any).
ALIASES: dict[str, dict[str, str]] = {
    "*": {"dataLastModified": "dateLastModified"},
    "courses": {"schoolYearId": "schoolYearSourcedId", "grade": "grades"},
    "classes": {"grade": "grades"},
    "users": {"userId": "userIds", "agents": "agentSourcedIds"},
    "demographics": {"userSourcedId": "sourcedId", "birthdate": "birthDate"},
}
DATE_COLUMNS = frozenset({"dateLastModified", "startDate", "endDate", "beginDate", "birthDate"})
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def canonical_columns(stem: str, header: list[str]) -> list[str]:
    """The header's names as the standard spells them; empty names stay empty (ignored)."""
    aliases = {**ALIASES["*"], **ALIASES.get(stem, {})}
    names = [h.strip() for h in header]
    present = set(names)
    return [aliases[n] if n in aliases and aliases[n] not in present else n for n in names]


class _Folder:
    def __init__(self, path: Path) -> None:
        self._files = {p.name: p for p in path.iterdir() if p.is_file()}

    def names(self) -> list[str]:
        return list(self._files)

    def open(self, name: str) -> IO[bytes]:
        return self._files[name].open("rb")


class _Zip:
    def __init__(self, path: Path, limits: ZipLimits) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise Invalid("The upload is not a zip file", [Problem(("file",), str(exc))]) from exc
        try:
            limits.check(self._zip)
        except Invalid:
            self._zip.close()
            raise
        # Files at the top of the archive or in one folder (zips of a folder).
        self._files = {
            PurePosixPath(info.filename).name: info.filename
            for info in self._zip.infolist()
            if not info.is_dir() and len(PurePosixPath(info.filename).parts) <= 2
        }

    def names(self) -> list[str]:
        return list(self._files)

    def open(self, name: str) -> IO[bytes]:
        return self._zip.open(self._files[name])

    def close(self) -> None:
        self._zip.close()


# What reading a file of the set can raise besides a bad row: a field past the csv module's
# size limit, a damaged zip member, a read error. Each is a problem at the file (and line).
_READ_FAILURES = (csv.Error, OSError, zipfile.BadZipFile, EOFError)


def _unreadable(name: str, line: int | None, exc: Exception) -> Invalid:
    """The set cannot be read: where, and why in the reader's words (never a row's values;
    an OS error by its description, not its path)."""
    if isinstance(exc, csv.Error):
        why = f"not valid CSV: {exc}"
    elif isinstance(exc, OSError):
        why = f"cannot be read: {exc.strerror or type(exc).__name__}"
    else:
        why = f"cannot be read: {exc or type(exc).__name__}"
    loc: tuple[str | int, ...] = (name,) if line is None else (name, line)
    return Invalid("The roster set cannot be read; nothing was written", [Problem(loc, why)])


def _text(raw: IO[bytes], encoding: str = UTF_8) -> io.TextIOWrapper:
    return io.TextIOWrapper(raw, encoding=encoding, newline="")


def _day_first(lines: Iterator[list[str]], positions: list[int]) -> bool | None:
    """Which order a file's D/M/YYYY-like dates use: True when some day is above 12 in first
    place, False when in second, None when the file never says (or says both)."""
    first = second = False
    for row in lines:
        for i in positions:
            match = _SLASH_DATE.match(row[i].strip()) if i < len(row) else None
            if match:
                first |= int(match.group(1)) > 12
                second |= int(match.group(2)) > 12
    return first if first != second else None


class CsvRosterSource:
    """A OneRoster set in a folder or zip: files found by name whatever their case."""

    def __init__(self, container: _Folder | _Zip) -> None:
        self._container = container
        self._by_stem = {
            n[: -len(".csv")].lower(): n for n in container.names() if n.lower().endswith(".csv")
        }
        self._columns: dict[str, list[str]] = {}
        self._charsets: dict[str, CharacterSet] = {}

    async def manifest(self) -> Manifest:
        # Each file's character set, found before any is read (a pass over its bytes, in a
        # worker thread), and said in the report's notes when it is not plain UTF-8.
        for stem, name in self._by_stem.items():
            self._charsets[stem] = await asyncio.to_thread(self._detect, name)
        manifest = await self._manifest()
        manifest.notes.extend(
            f"{self._by_stem[stem]}: {charset.note}"
            for stem, charset in sorted(self._charsets.items())
            if charset.note
        )
        return manifest

    def _detect(self, name: str) -> CharacterSet:
        try:
            with self._container.open(name) as raw:
                return detect(raw)
        except _READ_FAILURES as exc:
            raise _unreadable(name, None, exc) from None

    def _open(self, stem: str) -> io.TextIOWrapper:
        name = self._by_stem[stem]
        charset = self._charsets.get(stem) or self._charsets.setdefault(stem, self._detect(name))
        return _text(self._container.open(name), charset.codec)

    async def _manifest(self) -> Manifest:
        present = {stem for stem in self._by_stem if stem != "manifest"}
        if "manifest" not in self._by_stem:
            return manifest_without_file(present)
        entries = []
        line = 1
        try:
            with self._open("manifest") as text:
                reader = csv.reader(text)
                next(reader, None)
                for row in reader:
                    line = reader.line_num
                    if len(row) >= 2 and row[0].strip():
                        entries.append((reader.line_num, row[0], row[1]))
        except _READ_FAILURES as exc:
            raise _unreadable(self._by_stem["manifest"], line + 1, exc) from None
        manifest = read_manifest(entries, present)
        if not entries:
            manifest.problems.append(Problem((MANIFEST,), "manifest.csv has no entries"))
        return manifest

    def not_used(self) -> list[str]:
        return sorted(
            self._by_stem[stem]
            for stem in self._by_stem
            if stem not in BY_STEM and stem != "manifest"
        )

    async def columns(self, file: RosterFile) -> list[str] | None:
        stem = file.stem.lower()
        if stem not in self._columns:
            try:
                with self._open(stem) as text:
                    header = next(csv.reader(text), [])
            except _READ_FAILURES as exc:
                raise _unreadable(self._by_stem[stem], 1, exc) from None
            self._columns[stem] = canonical_columns(file.stem, header)
        return [c for c in self._columns[stem] if c]

    async def rows(self, file: RosterFile) -> AsyncIterator[list[tuple[int, RowValues]]]:
        # Read in a worker thread: a server keeps answering requests while a set streams in.
        chunks = self._chunks(file)
        while (chunk := await asyncio.to_thread(next, chunks, None)) is not None:
            yield chunk

    def _chunks(self, file: RosterFile) -> Iterator[list[tuple[int, RowValues]]]:
        place = [1]  # the line being read, for a failure's location
        try:
            yield from self._read_chunks(file, place)
        except _READ_FAILURES as exc:
            raise _unreadable(self._by_stem[file.stem.lower()], place[0], exc) from None

    def _read_chunks(
        self, file: RosterFile, place: list[int]
    ) -> Iterator[list[tuple[int, RowValues]]]:
        stem = file.stem.lower()
        with self._open(stem) as text:
            reader = csv.reader(text)
            names = canonical_columns(file.stem, next(reader, []))
            dates = [i for i, n in enumerate(names) if n in DATE_COLUMNS]
            width = len(names)
            day_first: bool | None = None
            decided = False
            chunk: list[tuple[int, RowValues]] = []
            previous = place[0] = reader.line_num
            for row in reader:
                line, previous = previous + 1, reader.line_num
                place[0] = previous + 1
                if not any(row):
                    continue  # a blank line, often the last one
                if len(row) < width:
                    row += [""] * (width - len(row))
                for i in dates:
                    # Nearly every date is ISO already: the test for a slash is 10 times cheaper
                    # than the pattern (0.45 s of 3.7 s for a million enrollments).
                    if "/" not in row[i] or (match := _SLASH_DATE.match(row[i])) is None:
                        continue
                    if not decided:
                        day_first, decided = self._order(stem, dates), True
                    if day_first is not None:
                        day, month = match.group(1, 2) if day_first else match.group(2, 1)
                        row[i] = f"{match.group(3)}-{int(month):02d}-{int(day):02d}"
                values = dict(zip(names, row, strict=False))
                values.pop("", None)
                chunk.append((line, values))
                if len(chunk) >= CHUNK_ROWS:
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk

    def _order(self, stem: str, positions: list[int]) -> bool | None:
        # Read before the rows that follow in `_read_chunks`, whose handler locates a failure.
        with self._open(stem) as text:
            reader = csv.reader(text)
            next(reader, None)
            return _day_first(reader, positions)

    async def close(self) -> None:
        if isinstance(self._container, _Zip):
            self._container.close()


class CsvRosterFiles:
    """Sets read from folders and zips (within `zip_limits`); uploads kept in `uploads` (the
    state directory's)."""

    def __init__(self, uploads: Path, zip_limits: ZipLimits | None = None) -> None:
        self._uploads = uploads
        self._zip_limits = zip_limits or ZipLimits()

    def open(self, path: Path) -> CsvRosterSource:
        if path.is_dir():
            return CsvRosterSource(_Folder(path))
        if path.is_file():
            return CsvRosterSource(_Zip(path, self._zip_limits))
        raise Invalid(
            "No OneRoster set there", [Problem(("path",), f"{path} is neither a folder nor a zip")]
        )

    def keep_upload(self, stream: IO[bytes]) -> Path:
        # Only the service's user may read students' names in a set waiting for its job.
        self._uploads.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, name = tempfile.mkstemp(prefix="oneroster-", suffix=".zip", dir=self._uploads)
        with os.fdopen(fd, "wb") as out:
            shutil.copyfileobj(stream, out, length=1024 * 1024)
        return Path(name)

    def discard_upload(self, path: Path) -> None:
        path.unlink(missing_ok=True)
