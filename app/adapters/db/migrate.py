"""Schema migrations (Alembic), callable from the CLI, the server's set-up and the tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import create_async_engine

from app.adapters.db.engine import create_engine
from app.adapters.db.partitions import is_partition
from app.adapters.db.tables import SQLITE_ONLY

MIGRATIONS = Path(__file__).parent / "migrations"


def declared(name: str | None, type_: str, parent_names: object) -> bool:
    """Whether Alembic compares an object with the declared tables: not the job queue's
    (procrastinate's schema, applied by revision 0011 on PostgreSQL, is not ours to declare),
    nor the history's partitions and their indexes (made by year, app.adapters.db.partitions:
    the partitioned table itself is declared and compared)."""
    if type_ == "table":
        return not ((name or "").startswith("procrastinate_") or is_partition(name or ""))
    table = parent_names.get("table_name") if isinstance(parent_names, dict) else None
    return not is_partition(table or "")


def declared_for(dialect: str) -> Callable[[object, str | None, str, bool, object], bool]:
    """Alembic's object filter for a database of `dialect`: a constraint the tables declare for
    SQLite only (tables.SQLITE_ONLY) is not compared with another database's schema."""

    def compared(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
        info = getattr(obj, "info", {})
        return reflected or dialect == "sqlite" or not info.get(SQLITE_ONLY, False)

    return compared


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


async def _with_connection(url: str, action: str, revision: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:

            def run(sync_connection: object) -> None:
                config = alembic_config(url)
                config.attributes["connection"] = sync_connection
                getattr(command, action)(config, revision)

            await connection.run_sync(run)
            await connection.commit()
    finally:
        await engine.dispose()


async def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database up to `revision` (default: the newest)."""
    await _with_connection(url, "upgrade", revision)


async def downgrade(url: str, revision: str) -> None:
    """Take the database down to `revision`."""
    await _with_connection(url, "downgrade", revision)


async def current_revision(url: str) -> str | None:
    """The revision the database is at, or None when it was never migrated."""
    engine = create_async_engine(url, hide_parameters=True)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda c: MigrationContext.configure(c).get_current_revision()
            )
    finally:
        await engine.dispose()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()
