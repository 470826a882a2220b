"""The driver's own connection, for the few hot statements where SQLAlchemy's per-row work
would dominate: on PostgreSQL, a table's rows as one JSON document make one round trip of any
size."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.rows import StoredRow
from app.adapters.db.types import UTCDateTime


def is_postgres(session: AsyncSession) -> bool:
    """Whether the session talks to PostgreSQL (else SQLite)."""
    return session.get_bind().dialect.name == "postgresql"


class DriverConnection(Protocol):
    """What we call on asyncpg's Connection, which ships no type information."""

    async def execute(self, query: str, *args: object) -> str: ...

    async def fetch(self, query: str, *args: object) -> list[StoredRow]: ...

    async def copy_records_to_table(
        self, table_name: str, *, records: Iterable[Sequence[object]], columns: Sequence[str]
    ) -> str: ...

    def is_in_transaction(self) -> bool: ...


# The driver connection of the session's transaction, with that transaction, in `session.info`.
_DRIVER = "mastery_driver_connection"


async def asyncpg_connection(session: AsyncSession) -> DriverConnection:
    """The asyncpg connection under the session's transaction (PostgreSQL only). Kept for the
    rest of the transaction: asking SQLAlchemy for it again cost about 36 us each time, a tenth
    of a single result's CPU at five times a result (decision 0079)."""
    transaction = session.sync_session.get_transaction()
    known = session.info.get(_DRIVER)
    # The transaction held in `known` keeps its identity from being reused while compared.
    if transaction is not None and known is not None and known[0] is transaction:
        kept: DriverConnection = known[1]
        return kept
    driver = await _begun(session)
    session.info[_DRIVER] = (session.sync_session.get_transaction(), driver)
    return driver


async def _begun(session: AsyncSession) -> DriverConnection:
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    if raw.driver_connection is None:  # only after the pool has invalidated it
        raise RuntimeError("the session's connection is closed")
    driver: DriverConnection = raw.driver_connection
    if not driver.is_in_transaction():
        # SQLAlchemy's asyncpg adapter sends BEGIN with its own first statement; a driver
        # statement before any would run outside the transaction, committed at once (and an
        # advisory transaction lock released at once). One statement of SQLAlchemy's begins it.
        await connection.execute(sa.text("SELECT 1"))
    return driver


def _element_type(column: sa.Column[Any]) -> str:
    """The PostgreSQL element type of a column's unnest array."""
    kind = column.type
    if isinstance(kind, sa.JSON) or "JSON" in type(kind).__name__.upper():
        return "jsonb"
    if isinstance(kind, UTCDateTime):
        return "timestamptz"
    if isinstance(kind, sa.Float):
        return "float8"
    if isinstance(kind, sa.Boolean):
        return "bool"
    if isinstance(kind, sa.Integer):
        return "int8"
    return "text"


def _checked(rows: Sequence[dict[str, Any]], name: str, kind: str) -> None:
    """Refuse what JSON would carry wrongly: an instant without a time zone (PostgreSQL would
    read it in the session's), a float that is not finite (JSON has no such number)."""
    values = [row[name] for row in rows]
    if kind == "timestamptz" and any(v is not None and v.tzinfo is None for v in values):
        raise ValueError("naive datetimes are not stored; pass an aware datetime")
    if kind == "float8" and not all(v is None or math.isfinite(v) for v in values):
        raise ValueError(f"{name}: only finite numbers are stored")


@dataclass(frozen=True)
class Insert:
    """Rows for one table; with `conflict_key`, rows whose key exists replace every other
    column."""

    table: sa.Table
    rows: Sequence[dict[str, Any]]
    conflict_key: Sequence[str] | None = None


def _statement(insert: Insert, first: int) -> tuple[str, str]:
    """The INSERT of one table's rows, read from one JSON document (parameter `first`) as the
    table's own row type, and that document."""
    key = tuple(insert.conflict_key) if insert.conflict_key else None
    sql, checks = _shape(insert.table, tuple(insert.rows[0]), first, key)
    for name, kind in checks:
        _checked(insert.rows, name, kind)
    return sql, orjson.dumps(insert.rows).decode()


@functools.cache
def _shape(
    table: sa.Table, names: tuple[str, ...], first: int, conflict_key: tuple[str, ...] | None
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The SQL of an insert of these columns, and the columns whose values JSON could carry
    wrongly, with their kinds: built once per shape (every result's request inserts one, and
    building took a twentieth of a single result's CPU)."""
    columns = [table.c[name] for name in names]
    kinds = [(c.name, _element_type(c)) for c in columns]
    listed = ", ".join(names)
    sql = (
        f"INSERT INTO {table.name} ({listed}) SELECT {listed} "
        f"FROM json_populate_recordset(NULL::{table.name}, ${first}::json)"
    )
    if conflict_key:
        updates = ", ".join(
            f"{c.name} = excluded.{c.name}" for c in columns if c.name not in conflict_key
        )
        sql += f" ON CONFLICT ({', '.join(conflict_key)}) DO UPDATE SET {updates}"
    # A tuple: the cache hands the same value to every caller.
    return sql, tuple((name, kind) for name, kind in kinds if kind in ("timestamptz", "float8"))


async def bulk_insert(session: AsyncSession, *inserts: Insert) -> None:
    """INSERT … SELECT FROM one JSON document per table, into one or more tables, in one round
    trip for any number of rows (several tables go as data-modifying CTEs of one statement).

    A document, not an array per column: asyncpg encodes an array element by element, and
    checks each against three abstract base classes (is it itself an array?), a quarter of
    the server's CPU for a batch of 1,000 results. orjson writes the rows in C, and PostgreSQL
    reads them as the table's row type (decision 0072)."""
    parts: list[str] = []
    documents: list[str] = []
    for insert in inserts:
        if insert.rows:
            sql, document = _statement(insert, len(documents) + 1)
            parts.append(sql)
            documents.append(document)
    if not parts:
        return
    if len(parts) == 1:
        sql = parts[0]
    else:
        ctes = ", ".join(f"w{i} AS ({part})" for i, part in enumerate(parts))
        sql = f"WITH {ctes} SELECT 1"
    conn = await asyncpg_connection(session)
    await conn.execute(sql, *documents)
