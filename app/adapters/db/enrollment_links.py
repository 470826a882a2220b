"""On PostgreSQL, an enrollment's class and user are checked once per statement, not once per
row (docs/decisions/0071-enrollment-links-by-statement.md).

A foreign key is checked by a trigger per row: on a first import of a million enrollments, two
million `SELECT … FOR KEY SHARE` lookups took 20 of the insert's 35 seconds. These triggers hold
the same rule with set-based statements:

- *Inserting* enrollments (a statement trigger with the inserted rows as a transition table):
  the classes and users they name are locked as a key's check locks them (`FOR KEY SHARE`, once
  per record, so that neither can be deleted before the transaction ends), and any row naming a
  class or user that its tenant does not hold is refused, with the foreign key's error code.
- *Changing* an enrollment's tenant, class or user (a row trigger, since a statement trigger
  cannot be limited to some columns and a bulk retirement would capture every row): the same,
  for that row.
- *Deleting* a class or a user, or changing its key, while an enrollment names it: refused, as
  the key's `NO ACTION` refused it.

SQLite keeps the declared foreign keys, which cost it little (app/adapters/db/tables.py).
Run by migration 0040 and undone by its downgrade."""

from __future__ import annotations

from sqlalchemy.engine import Connection

# The keys that PostgreSQL checks by these triggers instead of foreign keys.
KEYS = {
    "fk_enrollments_tenant_id_class_id_classes": ("class_id", "classes"),
    "fk_enrollments_tenant_id_user_id_users": ("user_id", "users"),
}


def _locked_and_found(rows: str) -> str:
    """Statements that lock every class and user `rows` name and raise on the first missing;
    `rows` is a relation of (tenant_id, id, class_id, user_id)."""
    parts = []
    for column, parent in KEYS.values():
        parts.append(
            f"PERFORM 1 FROM {parent} p WHERE (p.tenant_id, p.id) IN "
            f"(SELECT r.tenant_id, r.{column} FROM {rows} r) FOR KEY SHARE OF p;\n"
            f"SELECT r.tenant_id, r.{column} AS key INTO missing FROM {rows} r WHERE NOT EXISTS "
            f"(SELECT FROM {parent} p WHERE p.tenant_id = r.tenant_id AND p.id = r.{column}) "
            "LIMIT 1;\n"
            "IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', "
            'MESSAGE = \'insert or update on table "enrollments" names a record that is not '
            f"there', DETAIL = format('Key (tenant_id, {column})=(%s, %s) is not present in "
            f'table "{parent}".\', missing.tenant_id, missing.key); END IF;\n'
        )
    return "".join(parts)


def _function(name: str, body: str) -> str:
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"DECLARE missing record;\nBEGIN\n{body}RETURN NULL;\nEND $$"
    )


_STATEMENTS = [
    _function("enrollments_inserted_links", _locked_and_found("inserted")),
    _function(
        "enrollments_changed_links",
        _locked_and_found(
            "(SELECT NEW.tenant_id AS tenant_id, NEW.id AS id, "
            "NEW.class_id AS class_id, NEW.user_id AS user_id)"
        ),
    ),
    "CREATE TRIGGER enrollments_inserted_links AFTER INSERT ON enrollments "
    "REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT "
    "EXECUTE FUNCTION enrollments_inserted_links()",
    "CREATE TRIGGER enrollments_changed_links AFTER UPDATE OF tenant_id, class_id, user_id "
    "ON enrollments FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id "
    "OR OLD.class_id IS DISTINCT FROM NEW.class_id OR OLD.user_id IS DISTINCT FROM NEW.user_id) "
    "EXECUTE FUNCTION enrollments_changed_links()",
]
for _column, _parent in KEYS.values():
    _STATEMENTS += [
        _function(
            f"{_parent}_enrolled_kept",
            f"PERFORM 1 FROM enrollments e WHERE e.tenant_id = OLD.tenant_id "
            f"AND e.{_column} = OLD.id LIMIT 1;\n"
            "IF FOUND THEN RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', "
            f'MESSAGE = \'update or delete on table "{_parent}" leaves enrollments naming '
            f"a record that is not there', DETAIL = format('Key (tenant_id, id)=(%s, %s) is "
            'still referenced from table "enrollments".\', OLD.tenant_id, OLD.id); END IF;\n',
        ),
        f"CREATE TRIGGER {_parent}_enrolled_kept_delete AFTER DELETE ON {_parent} "
        f"FOR EACH ROW EXECUTE FUNCTION {_parent}_enrolled_kept()",
        f"CREATE TRIGGER {_parent}_enrolled_kept_update AFTER UPDATE OF tenant_id, id "
        f"ON {_parent} FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id "
        f"OR OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION {_parent}_enrolled_kept()",
    ]
_FUNCTIONS = [
    "enrollments_inserted_links",
    "enrollments_changed_links",
    *(f"{parent}_enrolled_kept" for _, parent in KEYS.values()),
]


def check_by_statement(connection: Connection) -> None:
    """Replace the enrollments' foreign keys to classes and users by the triggers (PostgreSQL)."""
    for name in KEYS:
        connection.exec_driver_sql(f"ALTER TABLE enrollments DROP CONSTRAINT {name}")
    for statement in _STATEMENTS:
        connection.exec_driver_sql(statement)


def check_by_keys(connection: Connection) -> None:
    """The foreign keys again, in place of the triggers (PostgreSQL)."""
    for name in _FUNCTIONS:
        connection.exec_driver_sql(f"DROP FUNCTION {name}() CASCADE")
    for name, (column, parent) in KEYS.items():
        connection.exec_driver_sql(
            f"ALTER TABLE enrollments ADD CONSTRAINT {name} FOREIGN KEY (tenant_id, {column}) "
            f"REFERENCES {parent} (tenant_id, id)"
        )
