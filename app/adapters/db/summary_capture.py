"""The triggers that capture, for the summary counts, every change to what they count
(docs/decisions/0056-summary-counts.md): a decision inserted, deleted or whose shown status
changed, and any statement that changes who the students are and where they are counted
(users, their schools and grades, schools, demographics). Triggers, not the service's code:
every write path (ingest, overrides, recomputes, imports, COPY, an operator's SQL) passes them,
so the counts cannot drift from the decisions.

PostgreSQL: statement-level triggers with transition tables, so a batch of 1,000 decisions
costs one INSERT ... SELECT, not 1,000 calls (a transition table serves one event, hence a
trigger per event); each statement is planned at every call, for the tables' real sizes
(app.adapters.db.statement_triggers; migration 0041). SQLite has row-level triggers only.

Run by migration 0031 (and undone by its downgrade): the schema is only ever built by the
migrations."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from app.adapters.db.statement_triggers import run, trigger_function

_KEY = "tenant_id, student_id, competency_id"
_CHANGES = (
    "INSERT INTO decision_status_changes "
    "(tenant_id, framework_id, student_id, competency_id, old_status, new_status) "
)
# Event -> what a decision trigger appends (PostgreSQL: from its transition tables).
_DECISION_EVENTS = {
    "insert": "SELECT tenant_id, framework_id, student_id, competency_id, NULL, status "
    "FROM new_rows",
    "update": "SELECT n.tenant_id, n.framework_id, n.student_id, n.competency_id, o.status, "
    f"n.status FROM old_rows o JOIN new_rows n USING ({_KEY}) "
    "WHERE o.status IS DISTINCT FROM n.status",
    "delete": "SELECT tenant_id, framework_id, student_id, competency_id, status, NULL "
    "FROM old_rows",
}
_SQLITE_DECISION_EVENTS = {
    "insert": (
        "",
        "NEW.tenant_id, NEW.framework_id, NEW.student_id, NEW.competency_id, NULL, NEW.status",
    ),
    "update": (
        "OF status",
        "NEW.tenant_id, NEW.framework_id, NEW.student_id, "
        "NEW.competency_id, OLD.status, NEW.status",
    ),
    "delete": (
        "",
        "OLD.tenant_id, OLD.framework_id, OLD.student_id, OLD.competency_id, OLD.status, NULL",
    ),
}
_DEMOGRAPHICS = (
    "status",
    "sex",
    "american_indian_or_alaska_native",
    "asian",
    "black_or_african_american",
    "native_hawaiian_or_other_pacific_islander",
    "white",
    "two_or_more_races",
    "hispanic_or_latino",
    "english_learner",
    "special_education",
    "economically_disadvantaged",
)
# Roster table -> (its key besides tenant_id, the columns a profile depends on): an update
# that changes none of them changes no profile. Link tables: every change counts.
ROSTER: dict[str, tuple[str, tuple[str, ...]] | None] = {
    "users": ("id", ("status", "role")),
    "orgs": ("id", ("status", "type")),
    "demographics": ("id", _DEMOGRAPHICS),
    "user_orgs": None,
    "user_grades": None,
}
_MARK = "INSERT INTO summary_roster_changes (tenant_id) "


def _roster_update(spec: tuple[str, tuple[str, ...]] | None) -> str:
    if spec is None:
        return "SELECT DISTINCT tenant_id FROM new_rows"
    key, watched = spec
    old = ", ".join(f"o.{c}" for c in watched)
    new = ", ".join(f"n.{c}" for c in watched)
    return (
        f"SELECT DISTINCT n.tenant_id FROM old_rows o JOIN new_rows n USING (tenant_id, {key}) "
        f"WHERE ({old}) IS DISTINCT FROM ({new})"
    )


def _postgres_bodies() -> list[tuple[str, str, str]]:
    """Each PostgreSQL trigger of the capture: (its table, its event, what it inserts)."""
    out = [("decisions", event, _CHANGES + select) for event, select in _DECISION_EVENTS.items()]
    for table, spec in ROSTER.items():
        out += [
            (table, "insert", _MARK + "SELECT DISTINCT tenant_id FROM new_rows"),
            (table, "update", _MARK + _roster_update(spec)),
            (table, "delete", _MARK + "SELECT DISTINCT tenant_id FROM old_rows"),
        ]
    return out


def _postgres_statements() -> list[str]:
    return [s for table, event, body in _postgres_bodies() for s in _pg_trigger(table, event, body)]


def capture_functions(*, per_call: bool) -> list[str]:
    """The capture's PostgreSQL functions, their statements planned at each call or (as before
    migration 0041) once per connection."""
    return [
        trigger_function(_name(table, event), run(body, per_call=per_call))
        for table, event, body in _postgres_bodies()
    ]


def _name(table: str, event: str) -> str:
    return f"summary_{table}_{event}"


def _pg_trigger(table: str, event: str, body: str) -> list[str]:
    name = _name(table, event)
    transition = {
        "insert": "NEW TABLE AS new_rows",
        "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "delete": "OLD TABLE AS old_rows",
    }[event]
    return [
        trigger_function(name, run(body, per_call=True)),
        f"CREATE TRIGGER {name} AFTER {event.upper()} ON {table} "
        f"REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
    ]


def _sqlite_triggers() -> list[tuple[str, str]]:
    """Each SQLite trigger of the capture: (its name, the statement that creates it)."""
    out: list[tuple[str, str]] = []
    for event, (columns, values) in _SQLITE_DECISION_EVENTS.items():
        when = " WHEN OLD.status IS NOT NEW.status" if event == "update" else ""
        name = _name("decisions", event)
        out.append(
            (
                name,
                f"CREATE TRIGGER {name} AFTER {event.upper()} {columns} "
                f"ON decisions FOR EACH ROW{when} BEGIN {_CHANGES}VALUES ({values}); END",
            )
        )
    for table, spec in ROSTER.items():
        for event in ("insert", "update", "delete"):
            row = "OLD" if event == "delete" else "NEW"
            of, when = "", ""
            if event == "update" and spec is not None:
                of = "OF " + ", ".join(spec[1])
                when = " WHEN " + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in spec[1])
            # One pending mark per tenant is enough, and SQLite has one writer at a time.
            name = _name(table, event)
            out.append(
                (
                    name,
                    f"CREATE TRIGGER {name} AFTER {event.upper()} {of} ON {table} "
                    f"FOR EACH ROW{when} BEGIN {_MARK}SELECT {row}.tenant_id WHERE NOT EXISTS "
                    f"(SELECT 1 FROM summary_roster_changes WHERE tenant_id = {row}.tenant_id); "
                    "END",
                )
            )
    return out


def _triggers() -> list[tuple[str, str]]:
    return [
        (table, event)
        for table in ("decisions", *ROSTER)
        for event in ("insert", "update", "delete")
    ]


def create_capture(connection: Connection) -> None:
    """Create the triggers (migration 0031's upgrade)."""
    postgres = connection.dialect.name == "postgresql"
    sqlite = [statement for _, statement in _sqlite_triggers()]
    for statement in _postgres_statements() if postgres else sqlite:
        connection.exec_driver_sql(statement)


def restore_missing_capture(connection: Connection) -> bool:
    """SQLite: make again the capture's triggers that are missing (0038 lost demographics'
    until 0039), and mark every tenant's roster as changed, so that its profiles are compared
    again for what the missing triggers did not capture. Whether any was missing."""
    if connection.dialect.name != "sqlite":
        return False
    present = {
        name
        for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        )
    }
    missing = [statement for name, statement in _sqlite_triggers() if name not in present]
    for statement in missing:
        connection.exec_driver_sql(statement)
    if missing:
        connection.exec_driver_sql(_MARK + "SELECT id FROM tenants")
    return bool(missing)


def drop_capture(connection: Connection) -> None:
    """Drop the triggers (its downgrade)."""
    postgres = connection.dialect.name == "postgresql"
    for table, event in _triggers():
        name = _name(table, event)
        if postgres:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
