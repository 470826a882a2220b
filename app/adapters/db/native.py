"""The driver's own connection, for the few hot statements where SQLAlchemy's per-row work
would dominate: on PostgreSQL, arrays through `unnest` make one round trip of any size."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession


def is_postgres(session: AsyncSession) -> bool:
    return session.bind.dialect.name == "postgresql"


async def asyncpg_connection(session: AsyncSession) -> Any:
    """The asyncpg connection under the session's transaction (PostgreSQL only)."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection
