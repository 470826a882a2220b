"""The trigger that captures, for the trend counts, every history entry inserted or deleted
(docs/decisions/0061-trend-counts.md); an update is captured as the old entry deleted and the
new one inserted, when it changes anything a trend reads. Triggers, as for the summary counts
(app.adapters.db.summary_capture): every writer of the history passes them.

PostgreSQL: statement-level triggers with transition tables on the partitioned
`decision_history` (decision 0060). They fire for rows routed to any partition, and a row
moved across partitions by an UPDATE is seen as an update; a statement that names a partition
itself fires none (the partition keeper moves stray rows so, out of DEFAULT and into their
year: the entries stay the same); their statements are planned at every call
(app.adapters.db.statement_triggers; migration 0041). SQLite: row-level triggers.

Run by migration 0036 (and undone by its downgrade)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from app.adapters.db.statement_triggers import run, trigger_function

_READ = "tenant_id, framework_id, student_id, competency_id, seq, valid_from, status"
_INTO = (
    "INSERT INTO trend_history_changes (tenant_id, framework_id, student_id, competency_id, "
    "entry_seq, valid_from, status, sign) "
)
_POSTGRES = {
    "insert": ("NEW TABLE AS new_rows", f"SELECT {_READ}, 1 FROM new_rows"),
    "delete": ("OLD TABLE AS old_rows", f"SELECT {_READ}, -1 FROM old_rows"),
    # What the update took away and what it brought (unchanged entries cancel out).
    "update": (
        "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        f"SELECT *, -1 FROM (SELECT {_READ} FROM old_rows EXCEPT ALL "
        f"SELECT {_READ} FROM new_rows) AS gone UNION ALL "
        f"SELECT *, 1 FROM (SELECT {_READ} FROM new_rows EXCEPT ALL "
        f"SELECT {_READ} FROM old_rows) AS came",
    ),
}
_COLUMNS = [c.strip() for c in _READ.split(",")]


def _values(row: str, sign: int) -> str:
    return f"SELECT {', '.join(f'{row}.{c}' for c in _COLUMNS)}, {sign}"


_SQLITE = {
    "insert": ("", "", _values("NEW", 1)),
    "delete": ("", "", _values("OLD", -1)),
    "update": (
        "OF " + ", ".join(_COLUMNS),
        " WHEN " + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _COLUMNS),
        f"{_values('OLD', -1)}; {_INTO}{_values('NEW', 1)}",
    ),
}


def _name(event: str) -> str:
    return f"trend_history_{event}"


def create_capture(connection: Connection) -> None:
    """Create the triggers (migration 0036's upgrade)."""
    if connection.dialect.name == "postgresql":
        for event, (transition, body) in _POSTGRES.items():
            name = _name(event)
            connection.exec_driver_sql(trigger_function(name, run(_INTO + body, per_call=True)))
            connection.exec_driver_sql(
                f"CREATE TRIGGER {name} AFTER {event.upper()} ON decision_history "
                f"REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )
        return
    for event, (columns, when, body) in _SQLITE.items():
        connection.exec_driver_sql(
            f"CREATE TRIGGER {_name(event)} AFTER {event.upper()} {columns} ON decision_history "
            f"FOR EACH ROW{when} BEGIN {_INTO}{body}; END"
        )


def capture_functions(*, per_call: bool) -> list[str]:
    """The capture's PostgreSQL functions, their statements planned at each call or (as before
    migration 0041) once per connection."""
    return [
        trigger_function(_name(event), run(_INTO + body, per_call=per_call))
        for event, (_, body) in _POSTGRES.items()
    ]


def drop_capture(connection: Connection) -> None:
    """Drop the triggers (its downgrade)."""
    postgres = connection.dialect.name == "postgresql"
    for event in _POSTGRES:
        name = _name(event)
        if postgres:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON decision_history")
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
