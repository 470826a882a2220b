"""One Alembic chain for both databases: it builds exactly the tables the code declares, and
every revision upgrades, downgrades and upgrades again (the stairway)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import create_async_engine

from app.adapters.db import migrate
from app.adapters.db.schema import metadata


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config(""))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


async def test_stairway_upgrade_downgrade_upgrade_every_revision(empty_database: str) -> None:
    revisions = _revisions()
    assert revisions, "no migrations found"
    previous = "base"
    for revision in revisions:
        await migrate.upgrade(empty_database, revision)
        assert await migrate.current_revision(empty_database) == revision
        await migrate.downgrade(empty_database, previous)
        assert await migrate.current_revision(empty_database) == (
            None if previous == "base" else previous
        )
        await migrate.upgrade(empty_database, revision)
        previous = revision
    assert await migrate.current_revision(empty_database) == migrate.head_revision()


async def test_migrated_schema_matches_the_declared_tables(empty_database: str) -> None:
    await migrate.upgrade(empty_database)
    engine = create_async_engine(empty_database)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(
                lambda c: compare_metadata(
                    MigrationContext.configure(
                        c, opts={"compare_type": False, "include_name": migrate.declared}
                    ),
                    metadata,
                )
            )
    finally:
        await engine.dispose()
    assert diff == [], f"tables.py and the migrations disagree: {diff}"
