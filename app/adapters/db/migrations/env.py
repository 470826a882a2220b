"""Alembic environment: runs migrations over the async engine, in batch mode for SQLite."""

from __future__ import annotations

import asyncio
from typing import Any, Literal

import sqlalchemy as sa
from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from app.adapters.db.migrate import declared, declared_for
from app.adapters.db.row_security import open_to_all_tenants
from app.adapters.db.schema import metadata

config = context.config


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Render SQLModel's AutoString as plain sa.String, so migrations do not import sqlmodel."""
    if type_ == "type" and type(obj).__name__ == "AutoString":
        return f"sa.String({obj.length})" if obj.length else "sa.String()"
    if type_ == "type" and isinstance(obj, sa.JSON):
        return "app.adapters.db.types.JsonValue"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
        include_name=declared,
        # The roster's links are foreign keys on SQLite only (decision 0071): autogenerate
        # against PostgreSQL must not propose them.
        include_object=declared_for(connection.dialect.name),
    )
    with context.begin_transaction():
        # A migration that moves data sees every tenant's rows, whatever role runs it.
        open_to_all_tenants(connection)
        context.run_migrations()


async def _run_async(url: str) -> None:
    engine = create_async_engine(url, hide_parameters=True)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run)
            await connection.commit()
    finally:
        await engine.dispose()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    asyncio.run(_run_async(config.get_main_option("sqlalchemy.url") or ""))
