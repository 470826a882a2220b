"""On PostgreSQL, the roster's links to its classes and users are checked once per statement,
not once per row (docs/decisions/0071-roster-links-by-statement.md).

A foreign key is checked by a trigger per row: on a first import of a million enrollments, two
million `SELECT … FOR KEY SHARE` lookups took about 23 of the insert's 35 seconds. These
triggers hold the same rules with set-based statements:

- *Inserting* rows that link (a statement trigger with the inserted rows as a transition
  table): the classes and users they name are locked as a key's check locks them (`FOR KEY
  SHARE`, once per record, so that none can be deleted before the transaction ends), and a row
  naming a record that its tenant does not hold is refused, with the foreign key's error code.
- *Changing* a row's link (a row trigger, since a statement trigger cannot be limited to some
  columns, and a bulk retirement would capture every row it retires): the same, for that row.
- *Deleting* a class or a user, or changing its key, while a row links to it: refused, as the
  key's `NO ACTION` refused it; or, for a user's schools and grades, deleted with the user, as
  their keys' `ON DELETE CASCADE` did.

SQLite keeps the declared foreign keys, which cost it little (app/adapters/db/tables.py).
Run by migration 0040 and undone by its downgrade."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection

from app.adapters.db.statement_triggers import executed, trigger_function


@dataclass(frozen=True)
class Link:
    """A foreign key (tenant_id, column) -> parent (tenant_id, id), held by triggers."""

    table: str
    column: str
    parent: str
    deleted_with_parent: bool = False

    @property
    def key(self) -> str:  # the foreign key's name, by tables.NAMING_CONVENTION
        return f"fk_{self.table}_tenant_id_{self.column}_{self.parent}"


LINKS = (
    Link("enrollments", "class_id", "classes"),
    Link("enrollments", "user_id", "users"),
    Link("demographics", "id", "users"),
    Link("user_orgs", "user_id", "users", deleted_with_parent=True),
    Link("user_grades", "user_id", "users", deleted_with_parent=True),
)
_TABLES = tuple(dict.fromkeys(link.table for link in LINKS))
_PARENTS = tuple(dict.fromkeys(link.parent for link in LINKS))
_RAISE = "RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', "


def _found_or_refused(link: Link, rows: str, *, per_call: bool) -> str:
    """Lock every record that `rows` (a relation with tenant_id and the link's column) name,
    and refuse the first they name that is not there. A statement's transition table, of one
    row or a million, is read by statements planned at each call
    (app/adapters/db/statement_triggers.py); a row trigger's one row (`NEW`, which a planned
    statement cannot see) by statements planned once."""
    column, parent = link.column, link.parent
    named = f"(SELECT r.tenant_id, r.{column} FROM {rows} r)"
    lock = f"1 FROM {parent} p WHERE (p.tenant_id, p.id) IN {named} FOR KEY SHARE OF p"
    missing = (
        f"FROM {rows} r WHERE NOT EXISTS (SELECT FROM {parent} p "
        f"WHERE p.tenant_id = r.tenant_id AND p.id = r.{column}) LIMIT 1"
    )
    found = f"r.tenant_id, r.{column} AS key"
    if per_call:
        checks = executed(f"SELECT {lock}") + executed(f"SELECT {found} {missing}", into="missing")
    else:
        checks = f"PERFORM {lock};\nSELECT {found} INTO missing {missing};\n"
    return (
        checks
        + "GET DIAGNOSTICS found_rows = ROW_COUNT;\n"
        + f"IF found_rows > 0 THEN {_RAISE}MESSAGE = 'insert or update on table "
        f"\"{link.table}\" names a record that is not there', DETAIL = format('Key (tenant_id, "
        f'{column})=(%s, %s) is not present in table "{parent}".\', missing.tenant_id, '
        "missing.key); END IF;\n"
    )


def _kept_or_deleted(link: Link) -> str:
    """What a parent record's deletion, or its key's change, does to the rows linking to it."""
    linking = f"{link.table} c WHERE c.tenant_id = OLD.tenant_id AND c.{link.column} = OLD.id"
    refuse = (
        f"PERFORM 1 FROM {linking} LIMIT 1;\nIF FOUND THEN {_RAISE}MESSAGE = 'update or "
        f'delete on table "{link.parent}" leaves rows of "{link.table}" naming a record '
        "that is not there', DETAIL = format('Key (tenant_id, id)=(%s, %s) is still "
        f'referenced from table "{link.table}".\', OLD.tenant_id, OLD.id); END IF;\n'
    )
    if not link.deleted_with_parent:
        return refuse
    return f"IF TG_OP = 'DELETE' THEN DELETE FROM {linking};\nELSE {refuse}END IF;\n"


def _function(name: str, body: str) -> str:
    return trigger_function(name, body, declare="missing record; found_rows bigint;")


def _changed(columns: list[str]) -> str:
    return " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)


def _statements() -> list[str]:
    made: list[str] = []
    for table in _TABLES:
        links = [link for link in LINKS if link.table == table]
        columns = ["tenant_id", *(link.column for link in links)]
        row = "(SELECT " + ", ".join(f"NEW.{c} AS {c}" for c in columns) + ")"
        made += [
            _function(
                f"{table}_inserted_links",
                "".join(_found_or_refused(k, "inserted", per_call=True) for k in links),
            ),
            _function(
                f"{table}_changed_links",
                "".join(_found_or_refused(k, row, per_call=False) for k in links),
            ),
            f"CREATE TRIGGER {table}_inserted_links AFTER INSERT ON {table} "
            "REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT "
            f"EXECUTE FUNCTION {table}_inserted_links()",
            f"CREATE TRIGGER {table}_changed_links AFTER UPDATE OF {', '.join(columns)} "
            f"ON {table} FOR EACH ROW WHEN ({_changed(columns)}) "
            f"EXECUTE FUNCTION {table}_changed_links()",
        ]
    for parent in _PARENTS:
        links = [link for link in LINKS if link.parent == parent]
        made += [
            _function(f"{parent}_links_kept", "".join(_kept_or_deleted(k) for k in links)),
            f"CREATE TRIGGER {parent}_links_kept_delete AFTER DELETE ON {parent} "
            f"FOR EACH ROW EXECUTE FUNCTION {parent}_links_kept()",
            f"CREATE TRIGGER {parent}_links_kept_update AFTER UPDATE OF tenant_id, id "
            f"ON {parent} FOR EACH ROW WHEN ({_changed(['tenant_id', 'id'])}) "
            f"EXECUTE FUNCTION {parent}_links_kept()",
        ]
    return made


def _functions() -> list[str]:
    made = [f"{table}_{what}_links" for table in _TABLES for what in ("inserted", "changed")]
    return made + [f"{parent}_links_kept" for parent in _PARENTS]


def check_by_statement(connection: Connection) -> None:
    """Replace the roster's foreign keys to classes and users by the triggers (PostgreSQL)."""
    for link in LINKS:
        connection.exec_driver_sql(f"ALTER TABLE {link.table} DROP CONSTRAINT {link.key}")
    for statement in _statements():
        connection.exec_driver_sql(statement)


def check_by_keys(connection: Connection) -> None:
    """The foreign keys again, in place of the triggers (PostgreSQL)."""
    for name in _functions():
        connection.exec_driver_sql(f"DROP FUNCTION {name}() CASCADE")
    for link in LINKS:
        cascade = " ON DELETE CASCADE" if link.deleted_with_parent else ""
        connection.exec_driver_sql(
            f"ALTER TABLE {link.table} ADD CONSTRAINT {link.key} FOREIGN KEY "
            f"(tenant_id, {link.column}) REFERENCES {link.parent} (tenant_id, id){cascade}"
        )
