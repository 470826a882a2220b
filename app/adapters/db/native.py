"""The driver's own connection, for the few hot statements where SQLAlchemy's per-row work
would dominate: on PostgreSQL, arrays through `unnest` make one round trip of any size."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession


def is_postgres(session: AsyncSession) -> bool:
    return session.bind.dialect.name == "postgresql"


async def asyncpg_connection(session: AsyncSession) -> Any:
    """The asyncpg connection under the session's transaction (PostgreSQL only)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection


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
            json.dumps(row[c]) if c in json_columns and row[c] is not None else row[c]
            for c in columns
        )
        for row in rows
    ]
    connection = await asyncpg_connection(session)
    await connection.copy_records_to_table(table, records=records, columns=columns)
