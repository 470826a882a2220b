"""Changing a table's keys on SQLite without losing its triggers (for migrations).

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
