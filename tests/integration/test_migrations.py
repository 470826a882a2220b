"""One Alembic chain for both databases: it builds exactly the tables the code declares, and
every revision upgrades, downgrades and upgrades again (the stairway)."""

from __future__ import annotations

from pathlib import Path

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
                        c,
                        opts={
                            "compare_type": False,
                            "include_name": migrate.declared,
                            "include_object": migrate.declared_for(c.dialect.name),
                        },
                    ),
                    metadata,
                )
            )
    finally:
        await engine.dispose()
    assert diff == [], f"tables.py and the migrations disagree: {diff}"


async def _triggers(url: str) -> set[tuple[str, str]]:
    """The database's own triggers, as (table, trigger): a partition's copies are left out."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                listed = "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
            else:
                listed = (
                    "SELECT tgrelid::regclass::text, tgname FROM pg_trigger "
                    "WHERE NOT tgisinternal AND tgparentid = 0"
                )
            return {(table, name) for table, name in await conn.exec_driver_sql(listed)}
    finally:
        await engine.dispose()


async def test_no_revision_loses_a_trigger(empty_database: str) -> None:
    # SQLite changes a table's keys by building a copy, and a batch migration drops the old
    # table's triggers with it: 0038 lost the summary capture's three on demographics so, and
    # the first 0039 the trend capture's on decision_history, until both kept them (the
    # schema comparison above does not see triggers; this test found it, decision 0070).
    kept: set[tuple[str, str]] = set()
    for revision in _revisions():
        await migrate.upgrade(empty_database, revision)
        triggers = await _triggers(empty_database)
        assert kept <= triggers, f"{revision} lost {sorted(kept - triggers)}"
        kept = triggers
    assert ("decision_history", "trend_history_insert") in kept


async def test_a_sqlite_database_that_lost_the_demographics_capture_gets_it_back(
    tmp_path: Path,
) -> None:
    # As the first 0038 left it: no capture triggers on demographics. 0039 makes them again
    # and marks every tenant's roster as changed, so its summary profiles are compared again.
    url = f"sqlite+aiosqlite:///{tmp_path / 'lost.db'}"
    await migrate.upgrade(url, "0038_roster_tenant_by_parent")
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            for event in ("insert", "update", "delete"):
                await conn.exec_driver_sql(f"DROP TRIGGER summary_demographics_{event}")
            await conn.exec_driver_sql(
                "INSERT INTO tenants (slug, name, created_at) "
                "VALUES ('a', 'A', '2026-12-06 00:00:00'), ('b', 'B', '2026-12-06 00:00:00')"
            )
        await migrate.upgrade(url)
        async with engine.connect() as conn:
            marks = await conn.exec_driver_sql(
                "SELECT tenant_id FROM summary_roster_changes ORDER BY tenant_id"
            )
            assert [m for (m,) in marks] == [1, 2]
    finally:
        await engine.dispose()
    demographics = {n for t, n in await _triggers(url) if t == "demographics"}
    assert demographics == {f"summary_demographics_{e}" for e in ("insert", "update", "delete")}
