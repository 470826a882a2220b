"""Canvas's method names: stored `decaying_average` (the recursive one) becomes
`standard_decaying_average`, stored `legacy_decaying_average` (the weighted one) becomes
`decaying_average`, so every stored framework, decision and history keeps its meaning.

Revision ID: 0013_canvas_method_names
Revises: 0012_valid_time
Create Date: 2026-12-04 16:00:00.000000
"""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from app.adapters.db.types import JsonValue

revision: str = '0013_canvas_method_names'
down_revision: str | None = '0012_valid_time'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Both renames at once: one statement per column, so no row is renamed twice.
_UP = {'decaying_average': 'standard_decaying_average', 'legacy_decaying_average': 'decaying_average'}
_DOWN = {new: old for old, new in _UP.items()}

# (table, column, JSON path to the method's name) for the columns a row holds one name in at
# a fixed place; decisions are many (10M), so these are renamed in SQL, not row by row.
_FIXED = (
    ('frameworks', 'calculation', ('method',)),
    ('competencies', 'calculation', ('method',)),
    ('decisions', 'method', ('name',)),
    ('decisions', 'state', ('series', 'method')),
    ('staged_decisions', 'method', ('name',)),
    ('staged_decisions', 'state', ('series', 'method')),
)
# (table, key columns, JSON columns) whose documents nest calculations anywhere: a pending
# revision's framework, the audit trail's before/after, a job's arguments and result. Few rows.
_NESTED = (
    ('policy_revisions', ('tenant_id', 'framework_id'), ('framework',)),
    ('audit_entries', ('seq',), ('before', 'after')),
    ('jobs', ('tenant_id', 'id'), ('arguments', 'result')),
)


def upgrade() -> None:
    _rename(_UP)


def downgrade() -> None:
    _rename(_DOWN)


def _rename(names: Mapping[str, str]) -> None:
    bind = op.get_bind()
    for table, column, path in _FIXED:
        op.execute(_fixed_statement(bind.dialect.name, table, column, path, names))
    for table, keys, columns in _NESTED:
        _rename_nested(bind, table, keys, columns, names)


def _fixed_statement(
    dialect: str, table: str, column: str, path: tuple[str, ...], names: Mapping[str, str]
) -> str:
    cases = ' '.join(f"WHEN '{old}' THEN '{new}'" for old, new in names.items())
    olds = ', '.join(f"'{old}'" for old in names)
    if dialect == 'postgresql':
        read = f"{column} #>> '{{{','.join(path)}}}'"
        value = f"jsonb_set({column}, '{{{','.join(path)}}}', to_jsonb(CASE {read} {cases} END))"
    else:
        json_path = '$.' + '.'.join(path)
        read = f"json_extract({column}, '{json_path}')"
        value = f"json_set({column}, '{json_path}', CASE {read} {cases} END)"
    return f'UPDATE {table} SET {column} = {value} WHERE {read} IN ({olds})'


def _rename_nested(
    bind: sa.engine.Connection,
    table: str,
    keys: tuple[str, ...],
    columns: tuple[str, ...],
    names: Mapping[str, str],
) -> None:
    t = sa.table(table, *(sa.column(k) for k in keys), *(sa.column(c, JsonValue) for c in columns))
    for row in bind.execute(sa.select(t)).mappings().all():
        changed = {c: _renamed(row[c], names) for c in columns if _mentions(row[c], names)}
        if changed:
            where = sa.and_(*(t.c[k] == row[k] for k in keys))
            bind.execute(sa.update(t).where(where).values(**changed))


def _mentions(document: Any, names: Mapping[str, str]) -> bool:
    return bool(_renamed(document, names) != document)


def _renamed(document: Any, names: Mapping[str, str], key: str | None = None) -> Any:
    """The document with each method name renamed: a `method` string (a calculation, a series
    state), and the `name` of a decision's `method` object."""
    if isinstance(document, dict):
        out = {}
        for k, v in document.items():
            if isinstance(v, str) and (k == 'method' or (key == 'method' and k == 'name')):
                out[k] = names.get(v, v)
            else:
                out[k] = _renamed(v, names, k)
        return out
    if isinstance(document, list):
        return [_renamed(v, names, key) for v in document]
    return document
