"""Reading one file of a roster set into staging, as a pipeline: the next chunks are read from
the source (and fingerprinted) while this one is staged, and a chunk's rows are read by the
domain's rules in a worker thread while the chunk before is copied into staging. Rows whose
fingerprint matches their stored record are staged as that record without being read at all.

Reading runs in worker threads, so that a serving process stays responsive during an import;
the database sees one statement at a time, in file order (one session, one transaction)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from app.domain.oneroster.files import FileMode
from app.domain.oneroster.fingerprints import fingerprints
from app.domain.oneroster.rows import RowRead, read_role_row, read_row
from app.domain.oneroster.values import RowValues
from app.domain.roster import RosterKind
from app.ports.roster_import import RosterStaging

Chunk = Sequence[tuple[int, RowValues]]
Marks = list[tuple[int, str, str]]
T = TypeVar("T")
_DEPTH = 2  # chunks read ahead (5,000 rows each: memory stays flat whatever the file's size)


def read_rows(kind: RosterKind, chunk: Chunk, mode: FileMode) -> list[RowRead]:
    return [read_row(kind, values, line, mode) for line, values in chunk]


def read_roles(chunk: Chunk, mode: FileMode) -> list[RowRead]:
    return [read_role_row(values, line, mode) for line, values in chunk]


async def read_ahead(items: AsyncIterator[T], depth: int = _DEPTH) -> AsyncIterator[T]:
    """`items`, fetched by a task of their own up to `depth` ahead of the consumer. A failure
    while fetching is raised to the consumer at its place in the order."""
    queue: asyncio.Queue[tuple[bool, T | BaseException | None]] = asyncio.Queue(depth)

    async def fetch() -> None:
        try:
            async for item in items:
                await queue.put((True, item))
        except Exception as exc:  # handed over, raised where the consumer reads it
            await queue.put((False, exc))
            return
        await queue.put((False, None))

    task = asyncio.create_task(fetch())
    try:
        while True:
            more, item = await queue.get()
            if isinstance(item, BaseException):
                raise item
            if not more:
                return
            yield item  # type: ignore[misc]  # `more` says it is an item
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@dataclass
class StagedChunk:
    """What staging one chunk did, for the report: the rows read (with their problems) and how
    many were found unchanged (not read)."""

    reads: list[RowRead]
    unchanged: int


async def _unchanged(
    staging: RosterStaging, kind: RosterKind, chunk: Chunk, marks: Marks
) -> tuple[Chunk, list[str | None], int]:
    """Stage the chunk's unchanged rows; the rows left to read, their fingerprints, and how
    many were unchanged."""
    found = await staging.add_unchanged(kind, marks)
    if found:
        kept = [i for i, (line, _, _) in enumerate(marks) if line not in found]
        chunk, marks = [chunk[i] for i in kept], [marks[i] for i in kept]
    return chunk, [m[2] for m in marks], len(found)


async def _fingerprinted(
    rows: AsyncIterator[Chunk], kind: RosterKind | None, mode: FileMode
) -> AsyncIterator[tuple[Chunk, Marks | None]]:
    """Each chunk with its rows' fingerprints (none without a `kind`)."""
    async for chunk in rows:
        marks = None if kind is None else await asyncio.to_thread(fingerprints, kind, mode, chunk)
        yield chunk, marks


async def stage_file(
    staging: RosterStaging,
    rows: AsyncIterator[Chunk],
    kind: RosterKind | None,
    mode: FileMode,
    *,
    fingerprinted: bool,
    read_in_session: Callable[[Chunk], Awaitable[list[RowRead]]] | None,
    staged: Callable[[StagedChunk], Awaitable[None]],
) -> None:
    """Stage a file's rows (`kind` None: roles.csv). Rows are matched by fingerprint where
    `fingerprinted` (the row alone makes its record) and the roster holds records of the kind to
    match (a first import has none); `read_in_session` reads a chunk that needs the database to
    be read (1.2 users with their roles), one chunk at a time."""

    def read(chunk: Chunk) -> list[RowRead]:
        return read_roles(chunk, mode) if kind is None else read_rows(kind, chunk, mode)

    waiting: tuple[StagedChunk, list[str | None] | None] | None = None

    async def flush() -> None:
        nonlocal waiting
        if waiting is not None:
            done, hashes = waiting
            waiting = None
            await staging.add(kind, done.reads, hashes)
            await staged(done)

    marked = _fingerprinted(rows, kind if fingerprinted else None, mode)
    matched = fingerprinted and kind is not None and await staging.holds_records(kind)
    async for given, marks in read_ahead(marked):
        chunk, hashes, unchanged = given, None, 0
        if marks is not None and kind is not None:
            if matched:
                chunk, hashes, unchanged = await _unchanged(staging, kind, given, marks)
            else:
                hashes = [m[2] for m in marks]
        if not chunk:  # every row unchanged
            await flush()
            reads = []
        elif read_in_session is not None:
            await flush()
            reads = await read_in_session(chunk)
        else:
            # This chunk is read while the one before is copied into staging.
            reading = asyncio.ensure_future(asyncio.to_thread(read, chunk))
            try:
                await flush()
            finally:
                reads = await reading
        waiting = (StagedChunk(reads, unchanged), hashes)
    await flush()
