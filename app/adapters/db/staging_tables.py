"""The temporary tables an import stages its rows in, and loading rows into them: asyncpg's
binary COPY on PostgreSQL, multi-row inserts on SQLite."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.native import asyncpg_connection, is_postgres
from app.adapters.db.roster import SPECS
from app.adapters.db.rows import column_value
from app.adapters.db.types import JsonValue
from app.adapters.db.upsert import chunks
from app.domain.oneroster.references import REFERENCE_FIELDS
from app.domain.oneroster.roles import RoleRow
from app.domain.oneroster.rows import RowRead
from app.domain.roster import RosterKind, RosterRecord

_NOT_STAGED = ("tenant_id", "updated_at", "status")
FLAGS = ("deleting", "stale", "invalid", "skipped")
# A record row's own flag: staged from the stored record its fingerprint matched (not read).
UNCHANGED = "unchanged"
HASH = "source_hash"
ITEM_FIELDS = {
    RosterKind.CLASS: ("session_ids",),
    RosterKind.USER: ("org_ids", "grades"),
}


def writes(stage: sa.FromClause) -> sa.ColumnElement[bool]:
    """Staged rows that write a record: no problem, not stale, not a retirement."""
    return sa.and_(~stage.c.skipped, ~stage.c.stale, ~stage.c.deleting)


def retires(stage: sa.FromClause) -> sa.ColumnElement[bool]:
    """Staged rows that retire a record (tobedeleted): no problem, not stale."""
    return sa.and_(~stage.c.skipped, ~stage.c.stale, stage.c.deleting)


def _flag_columns() -> list[sa.Column[Any]]:
    return [sa.Column(name, sa.Boolean, nullable=False, default=False) for name in FLAGS]


@dataclass
class StagingTables:
    """One import's staging tables (named per import, so two imports never share them)."""

    records: dict[RosterKind, sa.Table]
    roles: sa.Table
    items: sa.Table

    @classmethod
    def define(cls, suffix: str) -> StagingTables:
        metadata = sa.MetaData()
        records = {}
        for kind, spec in SPECS.items():
            columns = [
                sa.Column(c.name, c.type, nullable=True)
                for c in spec.table.columns
                if c.name not in _NOT_STAGED
            ]
            records[kind] = sa.Table(
                f"stage_{spec.table.name}_{suffix}",
                metadata,
                sa.Column("line", sa.Integer, nullable=False),
                *columns,
                *_flag_columns(),
                sa.Column(UNCHANGED, sa.Boolean, nullable=False, default=False),
                prefixes=["TEMPORARY"],
            )
        roles = sa.Table(
            f"stage_roles_{suffix}",
            metadata,
            sa.Column("line", sa.Integer, nullable=False),
            sa.Column("id", sa.String),
            sa.Column("user_id", sa.String),
            sa.Column("org_id", sa.String),
            sa.Column("role", JsonValue),  # the role as the users table keeps it
            *_flag_columns(),
            prefixes=["TEMPORARY"],
        )
        items = sa.Table(
            f"stage_items_{suffix}",
            metadata,
            sa.Column("kind", sa.String, nullable=False),
            sa.Column("field", sa.String, nullable=False),
            sa.Column("line", sa.Integer, nullable=False),
            sa.Column("pos", sa.Integer, nullable=False),
            sa.Column("value", sa.String, nullable=False),
            prefixes=["TEMPORARY"],
        )
        return cls(records, roles, items)

    def all(self) -> list[sa.Table]:
        return [*self.records.values(), self.roles, self.items]

    def indexes(self, table: sa.Table) -> list[sa.Index]:
        """Indexes built once a table is loaded (cheaper than keeping them while loading)."""
        if table is self.items:
            return [sa.Index(f"ix_{table.name}", table.c.kind, table.c.field, table.c.line)]
        found = [
            sa.Index(f"ix_{table.name}_id", table.c.id),
            sa.Index(f"ix_{table.name}_line", table.c.line),
        ]
        if table is self.roles:
            found.append(sa.Index(f"ix_{table.name}_user", table.c.user_id))
        return found


def record_values(table: sa.Table) -> tuple[list[str], Callable[[Any], tuple[Any, ...]]]:
    """The staged columns that come from a record, and one C-level getter of them all."""
    names = [c.name for c in table.columns if c.name not in ("line", HASH, UNCHANGED, *FLAGS)]
    return names, attrgetter(*names)


def record_rows(
    table: sa.Table,
    reads: Sequence[RowRead],
    json_as_text: bool,
    hashes: Sequence[str | None] | None = None,
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Staged rows for these reads, with their rows' fingerprints (`hashes`, in order; none for
    rows that come from no source row): a read with a problem or a retirement stages its id
    alone. Enum members are strings already; only list fields need turning into JSON."""
    names, get = record_values(table)
    json_columns = [i for i, n in enumerate(names) if isinstance(table.c[n].type, sa.JSON)]
    id_at, modified_at = names.index("id"), names.index("source_modified_at")
    empty = [None] * len(names)
    rows = []
    for read, hash_ in zip(reads, hashes or [None] * len(reads), strict=True):
        record = read.record
        if isinstance(record, RosterRecord):
            values = list(get(record))
            for i in json_columns:
                values[i] = column_value(values[i])
                if json_as_text:
                    values[i] = json.dumps(values[i])
        else:
            values = list(empty)
            values[id_at] = read.id
            values[modified_at] = read.modified
        invalid = bool(read.problems)
        rows.append((read.line, *values, hash_, read.deleting, False, invalid, invalid, False))
    return ["line", *names, HASH, *FLAGS, UNCHANGED], rows


def role_rows(reads: Sequence[RowRead], json_as_text: bool) -> list[tuple[Any, ...]]:
    rows = []
    for read in reads:
        row = read.record if isinstance(read.record, RoleRow) else None
        assignment = row.assignment if row is not None else None
        role: Any = column_value((assignment,))[0] if assignment is not None else None
        if json_as_text and role is not None:
            role = json.dumps(role)
        invalid = bool(read.problems)
        rows.append(
            (
                read.line,
                read.id,
                row.user_id if row is not None else None,
                assignment.org_id if assignment is not None else None,
                role,
                read.deleting,
                False,
                invalid,
                invalid,
            )
        )
    return rows


ROLE_COLUMNS = ["line", "id", "user_id", "org_id", "role", *FLAGS]


def item_rows(kind: RosterKind, reads: Sequence[RowRead]) -> list[tuple[Any, ...]]:
    """The elements of list fields that are checked or linked, one row each."""
    fields = ITEM_FIELDS.get(kind, ())
    if not fields:  # a million enrollments walked for none cost 4 s of a first import
        return []
    return list_items(
        kind,
        (
            (read.line, [getattr(read.record, f) for f in fields])
            for read in reads
            if isinstance(read.record, RosterRecord)
        ),
    )


def list_items(
    kind: RosterKind, lists: Iterable[tuple[int, Sequence[Sequence[str]]]]
) -> list[tuple[Any, ...]]:
    """Item rows from each line's list fields (in `ITEM_FIELDS` order), read or stored."""
    fields = ITEM_FIELDS.get(kind, ())
    rows = []
    for line, values in lists:
        for field, elements in zip(fields, values, strict=True):
            for pos, value in enumerate(elements):
                rows.append((kind.value, field, line, pos, value))
    return rows


ITEM_COLUMNS = ["kind", "field", "line", "pos", "value"]


def items_of(items: sa.Table, kind: RosterKind, rows: sa.CTE, field: str) -> sa.CTE:
    """PostgreSQL: the elements of one list field of staged `rows` (a JSONB array each) as
    item rows, numbered from 0 as `list_items` numbers them; a data-modifying CTE."""
    element = (
        sa.func.jsonb_array_elements_text(rows.c[field])
        .table_valued("value", with_ordinality="pos")
        .render_derived()
    )
    listed = sa.select(
        sa.literal(kind.value), sa.literal(field), rows.c.line, element.c.pos - 1, element.c.value
    ).select_from(rows.join(element, sa.true()))
    return sa.insert(items).from_select(ITEM_COLUMNS, listed).cte(f"items_{field}")


# Every list reference is staged element by element, so that it can be checked as a set.
assert all(
    r.field in ITEM_FIELDS.get(k, ())
    for k, refs in REFERENCE_FIELDS.items()
    for r in refs
    if r.many
)


async def load(
    session: AsyncSession, table: sa.Table, columns: list[str], rows: list[tuple[Any, ...]]
) -> None:
    """Append rows to a staging table with the fastest way the database has."""
    if not rows:
        return
    if is_postgres(session):
        driver = await asyncpg_connection(session)
        await driver.copy_records_to_table(table.name, records=rows, columns=columns)
        return
    dicts = [dict(zip(columns, row, strict=True)) for row in rows]
    for chunk in chunks(dicts):
        await session.execute(sa.insert(table).values(list(chunk)))


def candidates(session: AsyncSession, rows: Sequence[tuple[int, str, str]]) -> sa.Subquery:
    """(line, id, fingerprint) rows as a table to join, in one statement compiled once for any
    number of rows: one JSON array of [line, id, fingerprint] arrays, taken apart by the
    database. On PostgreSQL this replaced three arrays: asyncpg checks every element of an
    array against an abstract class as it encodes it, and splitting the rows into three lists
    cost as much again (2 s of a 7.7-s re-import of 25,000 students, decision 0064)."""
    given = orjson.dumps(rows).decode()
    if is_postgres(session):
        listed = sa.cast(sa.bindparam("rows", given, type_=sa.Text), postgresql.JSON)
        elements = sa.func.json_array_elements(listed)
        row = elements.table_valued(sa.column("value", postgresql.JSON)).alias("element")
        return sa.select(
            sa.cast(row.c.value[0].astext, sa.Integer).label("line"),
            row.c.value[1].astext.label("id"),
            row.c.value[2].astext.label("fingerprint"),
        ).subquery("candidates")
    each = sa.func.json_each(sa.bindparam("rows", given, type_=sa.String))
    element = each.table_valued("value").alias("element")
    return sa.select(
        sa.func.json_extract(element.c.value, "$[0]").label("line"),
        sa.func.json_extract(element.c.value, "$[1]").label("id"),
        sa.func.json_extract(element.c.value, "$[2]").label("fingerprint"),
    ).subquery("candidates")
