"""The driver's own connection, for the few hot statements where SQLAlchemy's per-row work
would dominate: on PostgreSQL, arrays through `unnest` make one round trip of any size."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.types import UTCDateTime


def is_postgres(session: AsyncSession) -> bool:
    return session.bind.dialect.name == "postgresql"


async def asyncpg_connection(session: AsyncSession) -> Any:
    """The asyncpg connection under the session's transaction (PostgreSQL only)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection


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


def _value(value: Any, json: bool) -> Any:
    if json and value is not None:
        return orjson.dumps(value).decode()
    if isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError("naive datetimes are not stored; pass an aware datetime")
    return value


async def unnest_insert(
    session: AsyncSession,
    table: sa.Table,
    rows: Sequence[dict[str, Any]],
    *,
    conflict_key: Sequence[str] | None = None,
) -> None:
    """INSERT … SELECT FROM unnest(column arrays), one round trip for any number of rows;
    with `conflict_key`, rows whose key exists replace every other column (PostgreSQL)."""
    if not rows:
        return
    columns = [table.c[name] for name in rows[0]]
    types = [_element_type(c) for c in columns]
    arrays = [
        [_value(row[c.name], t == "jsonb") for row in rows]
        for c, t in zip(columns, types, strict=True)
    ]
    placeholders = ", ".join(f"${i + 1}::{t}[]" for i, t in enumerate(types))
    names = ", ".join(c.name for c in columns)
    sql = f"INSERT INTO {table.name} ({names}) SELECT * FROM unnest({placeholders})"
    if conflict_key:
        updates = ", ".join(
            f"{c.name} = excluded.{c.name}" for c in columns if c.name not in conflict_key
        )
        sql += f" ON CONFLICT ({', '.join(conflict_key)}) DO UPDATE SET {updates}"
    conn = await asyncpg_connection(session)
    await conn.execute(sql, *arrays)


async def copy_rows(
    session: AsyncSession,
    table: str,
    rows: Sequence[dict[str, Any]],
    json_columns: Collection[str] = (),
) -> None:
    """Insert rows with COPY (PostgreSQL only): tens of thousands of rows in one round trip,
    with none of SQLAlchemy's per-row work. JSON columns go as their text."""
    if not rows:
        return
    columns = list(rows[0])
    records = [
        tuple(
            orjson.dumps(row[c]).decode() if c in json_columns and row[c] is not None else row[c]
            for c in columns
        )
        for row in rows
    ]
    connection = await asyncpg_connection(session)
    await connection.copy_records_to_table(table, records=records, columns=columns)
