"""Changing a table's keys on SQLite without losing its triggers (for migrations), and the
tenant keys that 0038 and 0039 drop.

SQLite changes a key by building a copy of the table and renaming it into the table's place
(Alembic's batch mode). The table's own triggers go with the old table, and the rename checks
the other triggers that name the table while it is away. Migration 0038 lost the summary
capture's triggers on demographics so, unnoticed until 0039 (a trigger is not part of the
schema comparison; `tests/integration/test_migrations.py` now walks every revision for them)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from alembic import op


@contextmanager
def triggers_kept(tables: Sequence[str]) -> Iterator[None]:
    """Inside, `tables` may be rebuilt: their triggers' definitions are kept and made again
    after, and the rename is the legacy one, which leaves the other triggers as they are (they
    name the same table after). Nothing on PostgreSQL, which alters a table in place."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        yield
        return
    names = ", ".join(f"'{t}'" for t in tables)
    kept = bind.exec_driver_sql(
        f"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({names})"
    ).fetchall()
    op.execute("PRAGMA legacy_alter_table = ON")
    try:
        yield
    finally:
        op.execute("PRAGMA legacy_alter_table = OFF")
    for (sql,) in kept:
        op.execute(sql)


def drop_tenant_keys(tables: Sequence[str]) -> None:
    """Drop each table's own foreign key to `tenants` (0038, 0039)."""
    with triggers_kept(tables):
        for table in tables:
            with op.batch_alter_table(table) as batch:
                batch.drop_constraint(f"fk_{table}_tenant_id_tenants", type_="foreignkey")


def add_tenant_keys(tables: Sequence[str]) -> None:
    """Give each table its foreign key to `tenants` again (their downgrades)."""
    with triggers_kept(tables):
        for table in tables:
            with op.batch_alter_table(table) as batch:
                batch.create_foreign_key(
                    f"fk_{table}_tenant_id_tenants",
                    "tenants",
                    ["tenant_id"],
                    ["id"],
                    ondelete="CASCADE",
                )
