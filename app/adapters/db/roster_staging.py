"""A roster import's staging, checks and merge in SQL: set-based, one statement per table and
check, the same on SQLite and PostgreSQL (only the loading of rows differs)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import staging_tables as st
from app.adapters.db.native import is_postgres
from app.adapters.db.roster import SPECS
from app.adapters.db.rows import from_json
from app.adapters.db.staging_checks import describe, unavailable
from app.adapters.db.staging_merge import merge
from app.domain.access import TenantId
from app.domain.oneroster.files import FileMode
from app.domain.oneroster.references import MissingReference, ReferenceField
from app.domain.oneroster.roles import RoleRow
from app.domain.oneroster.rows import RowRead
from app.domain.roster import RecordStatus, RoleAssignment, RosterKind
from app.ports.roster_import import MergeCounts, MissingReferences

_IN_CHUNK = 5000


class SqlRosterStaging:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant
        self._tables = st.StagingTables.define(uuid.uuid4().hex[:12])
        self._modes: Mapping[RosterKind, FileMode] = {}
        self._indexed: set[str] = set()
        self._dirty: set[str] = set()
        self._postgres = is_postgres(session)

    async def _run(self, statement: sa.Executable) -> sa.Result[Any]:
        return await self._session.execute(statement)

    async def open(self, modes: Mapping[RosterKind, FileMode]) -> None:
        self._modes = modes
        connection = await self._session.connection()
        for table in self._tables.all():
            await connection.run_sync(table.create)

    async def close(self) -> None:
        connection = await self._session.connection()
        for table in self._tables.all():
            await connection.run_sync(table.drop)

    def _stage(self, kind: RosterKind | None) -> sa.Table:
        return self._tables.roles if kind is None else self._tables.records[kind]

    async def _ready(self, table: sa.Table) -> None:
        """Index a loaded staging table (once) and, on PostgreSQL, tell the planner its size:
        temporary tables are never analysed by autovacuum."""
        if table.name not in self._indexed:
            self._indexed.add(table.name)
            connection = await self._session.connection()
            for index in self._tables.indexes(table):
                await connection.run_sync(index.create)
        if table.name in self._dirty:
            self._dirty.discard(table.name)
            if self._postgres:
                await self._run(sa.text(f"ANALYZE {table.name}"))

    async def add(
        self,
        kind: RosterKind | None,
        rows: Sequence[RowRead],
        fingerprints: Sequence[str | None] | None = None,
    ) -> None:
        if kind is None:
            roles = st.role_rows(rows, self._postgres)
            await st.load(self._session, self._tables.roles, st.ROLE_COLUMNS, roles)
            self._dirty.add(self._tables.roles.name)
            return
        columns, values = st.record_rows(self._stage(kind), rows, self._postgres, fingerprints)
        await st.load(self._session, self._stage(kind), columns, values)
        items = st.item_rows(kind, rows)
        await st.load(self._session, self._tables.items, st.ITEM_COLUMNS, items)
        self._dirty.update((self._stage(kind).name, self._tables.items.name))

    async def holds_records(self, kind: RosterKind) -> bool:
        stored = SPECS[kind].table
        active = stored.c.status == RecordStatus.ACTIVE.value
        held = sa.select(sa.literal(1)).where(stored.c.tenant_id == self._tenant, active).limit(1)
        return (await self._run(held)).first() is not None

    async def add_unchanged(
        self, kind: RosterKind, rows: Sequence[tuple[int, str, str]]
    ) -> set[int]:
        if not rows:
            return set()
        stage, stored = self._stage(kind), SPECS[kind].table
        given = st.candidates(self._session, rows)
        copied = [c.name for c in stage.columns if c.name in stored.c]
        same_id = sa.and_(stored.c.tenant_id == self._tenant, stored.c.id == given.c.id)
        record: sa.FromClause
        if self._postgres:
            # One primary-key lookup per row, whatever the planner estimates: as a join it
            # hash-joined the tenant's whole table for every chunk (21 ms per 5,000 rows at
            # 62,400 enrollments, growing with the table; 5,000 lookups take the same at any size).
            record = sa.select(stored).where(same_id).limit(1).lateral("record")
            source = given.join(record, sa.true())
        else:
            record, source = stored, given.join(stored, same_id)
        matched = (
            sa.select(
                given.c.line,
                *(record.c[name] for name in copied),
                *(sa.false() for _ in st.FLAGS),
                sa.true(),
            )
            .select_from(source)
            .where(
                record.c[st.HASH] == given.c.fingerprint,
                record.c.status == RecordStatus.ACTIVE.value,
            )
        )
        fields = st.ITEM_FIELDS.get(kind, ())
        statement = (
            sa.insert(stage)
            .from_select(["line", *copied, *st.FLAGS, st.UNCHANGED], matched)
            .returning(stage.c.line, *(stage.c[f] for f in fields))
        )
        self._dirty.add(stage.name)
        if fields:
            self._dirty.add(self._tables.items.name)
        if self._postgres:
            # The lines as one array (5,000 rows through SQLAlchemy's result took 35 ms), and
            # the list fields' items staged by the same statement: taken apart in Python they
            # cost more than the lookups (users: 51 ms a chunk against enrollments' 31).
            kept = statement.cte("kept")
            lines = sa.select(sa.func.array_agg(kept.c.line))
            for field in fields:
                lines = lines.add_cte(st.items_of(self._tables.items, kind, kept, field))
            return set((await self._run(lines)).scalar_one() or ())
        result = await self._run(statement)
        if not fields:
            return set(result.scalars().all())
        found = [tuple(r) for r in result.all()]
        items = st.list_items(kind, ((r[0], r[1:]) for r in found))
        await st.load(self._session, self._tables.items, st.ITEM_COLUMNS, items)
        return {r[0] for r in found}

    async def newest_unchanged(self, kind: RosterKind) -> datetime | None:
        stage = self._stage(kind)
        newest = sa.select(sa.func.max(stage.c.source_modified_at)).where(stage.c[st.UNCHANGED])
        found: datetime | None = (await self._run(newest)).scalar_one()
        return found

    async def _skip_new(self, table: sa.Table, lines: list[int]) -> list[int]:
        """Skip rows by line; the lines that were not skipped before."""
        newly: list[int] = []
        for start in range(0, len(lines), _IN_CHUNK):
            result = await self._run(
                sa.update(table)
                .where(table.c.line.in_(lines[start : start + _IN_CHUNK]), ~table.c.skipped)
                .values(skipped=True)
                .returning(table.c.line)
            )
            newly += result.scalars().all()
        return newly

    async def duplicates(self, kind: RosterKind | None) -> list[tuple[int, str, int]]:
        table = self._stage(kind)
        await self._ready(table)
        rows = ~table.c.invalid & (table.c.line > 0)
        repeated = (
            sa.select(table.c.id).where(rows).group_by(table.c.id).having(sa.func.count() > 1)
        )
        ids = (await self._run(repeated)).scalars().all()
        if not ids:
            return []
        first = sa.func.min(table.c.line).over(partition_by=table.c.id).label("first")
        ranked = sa.select(table.c.line, table.c.id, first).where(rows, table.c.id.in_(ids))
        found = [
            (r.line, r.id, r.first)
            for r in (await self._run(ranked.subquery().select())).all()
            if r.line != r.first
        ]
        await self._skip_new(table, sorted(line for line, _, _ in found))
        return sorted(found)

    async def mark_stale(self, kind: RosterKind) -> list[int]:
        stage, stored = self._stage(kind), SPECS[kind].table
        await self._ready(stage)
        # app.domain.oneroster.staleness.is_stale, as a set: the stored record's own write
        # time counts when its source gave no dateLastModified.
        last_changed = sa.func.coalesce(stored.c.source_modified_at, stored.c.updated_at)
        newer = sa.exists().where(
            stored.c.tenant_id == self._tenant,
            stored.c.id == stage.c.id,
            last_changed > stage.c.source_modified_at,
        )
        result = await self._run(
            sa.update(stage)
            .where(~stage.c.invalid, stage.c.source_modified_at.is_not(None), newer)
            .values(stale=True)
            .returning(stage.c.line)
        )
        return sorted(result.scalars().all())

    async def missing_references(self, ref: ReferenceField, limit: int) -> MissingReferences:
        stage = self._stage(ref.kind)
        await self._ready(stage)
        await self._ready(self._stage(ref.target))
        written = ~stage.c.invalid & ~stage.c.deleting & ~stage.c.stale
        position: sa.ColumnElement[Any]
        source: sa.FromClause
        if ref.many:
            items = self._tables.items
            await self._ready(items)
            value, position = items.c.value, items.c.pos
            order = [stage.c.line, items.c.pos]
            source = items.join(stage, stage.c.line == items.c.line)
            assert ref.kind is not None, "roles.csv rows have no list references"
            written &= (items.c.kind == ref.kind.value) & (items.c.field == ref.field)
        else:
            value, position = stage.c[ref.field], sa.null()
            order = [stage.c.line]
            source = stage
        target_mode = self._modes.get(ref.target, FileMode.ABSENT)
        target = (self._stage(ref.target), SPECS[ref.target].table)
        missing = (
            written & value.is_not(None) & unavailable(*target, self._tenant, target_mode, value)
        )
        listing = (
            sa.select(stage.c.line, position.label("pos"), value.label("value"))
            .select_from(source)
            .where(missing)
            .order_by(*order)
            .limit(limit + 1)
        )
        listed = (await self._run(listing)).all()
        if not listed:
            return MissingReferences([], 0, [])
        if len(listed) <= limit:
            count, lines = len(listed), sorted({r.line for r in listed})
        else:
            listed = listed[:limit]
            every = sa.select(stage.c.line).select_from(source).where(missing)
            lines = sorted(set((await self._run(every)).scalars().all()))
            count = len(lines)
        newly = await self._skip_new(stage, lines)
        bulk = target_mode == FileMode.BULK
        ids = {r.value for r in listed}
        causes = await describe(self._session, *target, self._tenant, bulk, ids)
        return MissingReferences(
            [MissingReference(r.line, ref.field, r.pos, r.value, *causes[r.value]) for r in listed],
            count,
            newly,
        )

    async def roles_of(self, user_ids: Collection[str]) -> dict[str, list[tuple[int, RoleRow]]]:
        roles = self._tables.roles
        await self._ready(roles)
        found: dict[str, list[tuple[int, RoleRow]]] = {}
        ordered = sorted(set(user_ids))
        for start in range(0, len(ordered), _IN_CHUNK):
            query = (
                sa.select(roles)
                .where(roles.c.user_id.in_(ordered[start : start + _IN_CHUNK]), ~roles.c.skipped)
                .order_by(roles.c.line)
            )
            for row in (await self._run(query)).mappings():
                assignment = None if row["deleting"] else from_json(RoleAssignment, row["role"])
                modified = assignment.source_modified_at if assignment else None
                role_row = RoleRow(row["user_id"], assignment, row["id"], modified)
                found.setdefault(row["user_id"], []).append((row["line"], role_row))
        return found

    async def users_with_new_roles(self) -> list[str]:
        roles, users = self._tables.roles, self._stage(RosterKind.USER)
        await self._ready(roles)
        await self._ready(users)
        own_row = sa.exists().where(
            users.c.id == roles.c.user_id, ~users.c.skipped, ~users.c.stale, users.c.line > 0
        )
        query = (
            sa.select(roles.c.user_id)
            .where(~roles.c.skipped, roles.c.user_id.is_not(None), ~own_row)
            .distinct()
            .order_by(roles.c.user_id)
        )
        return list((await self._run(query)).scalars().all())

    async def merge(self, kind: RosterKind, now: datetime) -> MergeCounts:
        stage = self._stage(kind)
        await self._ready(stage)
        mode = self._modes.get(kind, FileMode.ABSENT)
        return await merge(
            self._session,
            self._tenant,
            kind,
            stage,
            SPECS[kind].table,
            mode,
            self._tables.items,
            now,
        )
