"""Turning integrity errors into domain errors by constraint name, on both databases."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.adapters.db.schema import metadata
from app.domain.errors import DomainError

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
