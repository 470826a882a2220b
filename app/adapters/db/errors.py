"""Turning database errors into what they mean above the adapter: integrity errors into domain
errors by constraint name, on both databases; a write lock not granted in time into `Busy`; a
write in a unit of work that said it only reads into `WriteInReadOnlyUnit`."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.adapters.db.schema import metadata
from app.domain.errors import Busy, DomainError
from app.ports.unit_of_work import WriteInReadOnlyUnit

_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (?P<cols>[\w., ]+)")


def constraint_name(exc: IntegrityError) -> str | None:
    """The name of the violated constraint. asyncpg reports it; SQLite reports the columns of a
    unique or primary key, which we look up in the metadata."""
    cause = getattr(exc.orig, "__cause__", None)
    name = getattr(cause, "constraint_name", None) or getattr(exc.orig, "constraint_name", None)
    if name:
        return str(name)
    match = _SQLITE_UNIQUE.search(str(exc.orig))
    if not match:
        return None
    qualified = [c.strip() for c in match.group("cols").split(",")]
    table_name = qualified[0].split(".")[0]
    columns = {c.split(".")[1] for c in qualified}
    table = metadata.tables.get(table_name)
    if table is None:
        return None
    for constraint in table.constraints:
        if not isinstance(constraint, sa.UniqueConstraint | sa.PrimaryKeyConstraint):
            continue
        if {c.name for c in constraint.columns} == columns:
            return str(constraint.name)
    for index in table.indexes:
        if index.unique and {c.name for c in index.columns} == columns:
            return str(index.name)
    return None


@asynccontextmanager
async def translated(errors: Mapping[str, DomainError]) -> AsyncIterator[None]:
    """Raise the domain error named for a violated constraint; re-raise anything else. Both
    SQLAlchemy's errors and asyncpg's own (from statements sent on the raw connection)."""
    try:
        yield
    except IntegrityError as exc:
        error = errors.get(constraint_name(exc) or "")
        if error is None:
            raise
        raise error from exc
    except Exception as exc:
        # asyncpg ships no types: its integrity errors are those of SQLSTATE class 23.
        if not str(getattr(exc, "sqlstate", "")).startswith("23"):
            raise
        error = errors.get(str(getattr(exc, "constraint_name", "")))
        if error is None:
            raise
        raise error from exc


# SQLite's primary result codes (the low byte of an extended code, as sqlite3 reports it).
_SQLITE_BUSY = 5  # "database is locked": another connection kept the lock past busy_timeout
_SQLITE_READONLY = 8  # "attempt to write a readonly database": query_only refused a write
_PG_READ_ONLY_SQL_TRANSACTION = "25006"
# The client's wait before trying again. Short on purpose: its next attempt waits for the lock
# in the server again (up to the busy timeout), so that wait, not this one, is the backoff.
RETRY_AFTER_SECONDS = 2


def _sqlite_code(orig: BaseException | None) -> int | None:
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    if orig is not None and "database is locked" in str(orig):
        return _SQLITE_BUSY
    return None


def failure_of(exc: BaseException, *, read_only: bool) -> Exception | None:
    """What a database error means above the adapter, when it means something other than a bug
    at the database: `Busy` (a write waited for SQLite's lock past the busy timeout; the
    client may try again) or, in a unit of work opened to read (`read_only`; elsewhere a
    read-only file or standby says the same), `WriteInReadOnlyUnit`."""
    if not isinstance(exc, DBAPIError):
        return None
    code = _sqlite_code(exc.orig)
    if code == _SQLITE_BUSY:
        return Busy(
            "The database is busy with another write; try again shortly",
            retry_after_seconds=RETRY_AFTER_SECONDS,
        )
    cause = getattr(exc.orig, "__cause__", None)
    sqlstate = getattr(cause, "sqlstate", None) or getattr(exc.orig, "sqlstate", None)
    if read_only and (code == _SQLITE_READONLY or sqlstate == _PG_READ_ONLY_SQL_TRANSACTION):
        return WriteInReadOnlyUnit("A unit of work opened with writes=False wrote")
    return None


@asynccontextmanager
async def failures_translated(*, read_only: bool) -> AsyncIterator[None]:
    """Raise `failure_of` a database error that has a meaning above the adapter."""
    try:
        yield
    except DBAPIError as exc:
        failure = failure_of(exc, read_only=read_only)
        if failure is None:
            raise
        raise failure from exc
