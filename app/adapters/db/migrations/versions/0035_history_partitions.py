"""The decision history partitioned by school year on PostgreSQL

`decision_history` becomes a table range-partitioned on `changed_at` (when each entry was
recorded): a partition per school year (1 July to 1 July, UTC) from the year of its oldest
entry to next year, and a DEFAULT partition. Its primary key takes the partition column,
(tenant_id, seq, changed_at), as PostgreSQL requires; the sequence still numbers entries
uniquely. The rows are copied over in this migration (one pass). app/adapters/db/partitions.py
keeps the coming years' partitions ready; docs/decisions/0060. SQLite is unchanged.

Revision ID: 0035_history_partitions
Revises: 0034_roster_row_hashes
"""

from collections.abc import Sequence
from datetime import UTC, datetime

from alembic import op

from app.adapters.db.partitions import (
    HISTORY,
    default_partition,
    ensure_years,
    school_year_of,
    years_to_keep_ready,
)
from app.adapters.db.row_security import protect

revision: str = "0035_history_partitions"
down_revision: str | None = "0034_roster_row_hashes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD = f"{HISTORY}_unpartitioned"
_INDEXES = {
    "ix_decision_history_tenant_id_student_id_competency_id": (
        "tenant_id, student_id, competency_id"
    ),
    "ix_decision_history_tenant_id_framework_id_changed_at": "tenant_id, framework_id, changed_at",
    "ix_decision_history_tenant_framework_student_competency_seq": (
        "tenant_id, framework_id, student_id, competency_id, seq"
    ),
}


def _set_aside() -> None:
    """Rename the table in place and free the names its replacement takes (index names are
    schema-wide)."""
    op.execute(f"ALTER TABLE {HISTORY} RENAME TO {_OLD}")
    op.execute(f"ALTER TABLE {_OLD} RENAME CONSTRAINT pk_{HISTORY} TO pk_{_OLD}")
    for name in _INDEXES:
        op.execute(f"DROP INDEX {name}")


def _keys_and_indexes(primary_key: str) -> None:
    op.execute(f"ALTER SEQUENCE {HISTORY}_seq_seq OWNED BY {HISTORY}.seq")
    op.execute(f"ALTER TABLE {HISTORY} ADD CONSTRAINT pk_{HISTORY} PRIMARY KEY ({primary_key})")
    op.execute(
        f"ALTER TABLE {HISTORY} ADD CONSTRAINT fk_{HISTORY}_tenant_id_tenants "
        "FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE"
    )
    for name, columns in _INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {HISTORY} ({columns})")
    protect(op.get_bind(), HISTORY, "integer")


def _copy_and_drop() -> None:
    op.execute(f"INSERT INTO {HISTORY} SELECT * FROM {_OLD}")
    op.execute(f"DROP TABLE {_OLD}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _set_aside()
    op.execute(
        f"CREATE TABLE {HISTORY} (LIKE {_OLD} INCLUDING DEFAULTS) PARTITION BY RANGE (changed_at)"
    )
    _keys_and_indexes("tenant_id, seq, changed_at")
    bind = op.get_bind()
    now = datetime.now(UTC)
    oldest = bind.exec_driver_sql(f"SELECT min(changed_at) FROM {_OLD}").scalar()
    years = years_to_keep_ready(now)
    first = min(school_year_of(oldest), years.start) if oldest is not None else years.start
    default = default_partition(HISTORY)
    op.execute(f"CREATE TABLE {default} PARTITION OF {HISTORY} DEFAULT")
    protect(bind, default, "integer")
    ensure_years(bind, HISTORY, range(first, years.stop))
    _copy_and_drop()


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _set_aside()
    op.execute(f"CREATE TABLE {HISTORY} (LIKE {_OLD} INCLUDING DEFAULTS)")
    _keys_and_indexes("tenant_id, seq")
    _copy_and_drop()  # its partitions go with it
