"""Merging one kind's staged rows into the roster: one upsert that writes only what changed,
one update for retirements, one for what a bulk file no longer lists."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import tables as t
from app.adapters.db.changes import announce_merged
from app.adapters.db.staging_tables import HASH, UNCHANGED, retires, writes
from app.adapters.db.statistics import analyze_if_stale
from app.adapters.db.tables import table_of
from app.adapters.db.types import UTCDateTime
from app.adapters.db.upsert import insert_for, rows_changed
from app.domain.access import TenantId
from app.domain.oneroster.files import FileMode
from app.domain.roster import RecordStatus, RosterKind
from app.ports.roster_import import MergeCounts

ACTIVE, RETIRED = RecordStatus.ACTIVE.value, RecordStatus.TOBEDELETED.value
_STAGE_ONLY = ("line", "deleting", "stale", "invalid", "skipped", UNCHANGED)
_USER_LINKS = (table_of(t.UserOrgRow), table_of(t.UserGradeRow))


async def _count(session: AsyncSession, stage: sa.Table, *where: sa.ColumnElement[bool]) -> int:
    result = await session.execute(sa.select(sa.func.count()).select_from(stage).where(*where))
    return int(result.scalar_one())


async def merge(
    session: AsyncSession,
    tenant: TenantId,
    kind: RosterKind,
    stage: sa.Table,
    stored: sa.Table,
    mode: FileMode,
    items: sa.Table,
    now: datetime,
) -> MergeCounts:
    at = sa.bindparam("now", now, type_=UTCDateTime)
    valid = writes(stage)
    read = valid & ~stage.c[UNCHANGED]  # rows read; the others are as stored already
    content = [c.name for c in stage.columns if c.name not in _STAGE_ONLY]
    exists_stored = sa.exists().where(stored.c.tenant_id == tenant, stored.c.id == stage.c.id)
    counted = sa.select(
        sa.func.count(),
        sa.func.count().filter(stage.c[UNCHANGED]),
        sa.func.count().filter(~stage.c[UNCHANGED] & ~exists_stored),
    ).where(valid)
    writing, unchanged, created = (await session.execute(counted)).one()
    rows = sa.select(
        sa.literal(tenant), *(stage.c[c] for c in content), sa.literal(ACTIVE), at
    ).where(read)
    upsert = insert_for(session, stored).from_select(
        ["tenant_id", *content, "status", "updated_at"], rows
    )
    # A record changes with its content; a row's fingerprint alone changes nothing (a file
    # with its columns in another order), and is kept by the statement after.
    compared = [c for c in content if c not in ("id", HASH)] + ["status"]
    upsert = upsert.on_conflict_do_update(
        index_elements=["tenant_id", "id"],
        set_={c: upsert.excluded[c] for c in [*compared, HASH, "updated_at"]},
        where=sa.or_(*(stored.c[c].is_distinct_from(upsert.excluded[c]) for c in compared)),
    )
    written = await rows_changed(session, upsert)
    if written < writing - unchanged:  # rows read and found as stored
        await _keep_fingerprints(session, tenant, stage, stored, read)
    # The retirements below, the next kinds' foreign-key checks and the reports that follow
    # plan with these figures: a first import's bulk retirement of enrollments ran its
    # anti-join against a table the planner still thought empty (2.6 s for 1.04M rows, 0069).
    analysed = await analyze_if_stale(session, stored.name, written)

    retiring = retires(stage)
    retirements = await _count(session, stage, retiring)
    modified = (
        sa.select(stage.c.source_modified_at)
        .where(retiring, stage.c.id == stored.c.id)
        .limit(1)
        .scalar_subquery()
    )
    deleted = await rows_changed(
        session,
        sa.update(stored)
        .where(
            stored.c.tenant_id == tenant,
            stored.c.status == ACTIVE,
            stored.c.id.in_(sa.select(stage.c.id).where(retiring)),
        )
        .values(
            status=RETIRED,
            updated_at=at,
            source_modified_at=sa.func.coalesce(modified, stored.c.source_modified_at),
            source_hash=None,
        ),
    )
    retired = 0
    if mode == FileMode.BULK:
        listed = sa.exists().where(stage.c.id == stored.c.id, stage.c.line > 0)
        retired = await rows_changed(
            session,
            sa.update(stored)
            .where(stored.c.tenant_id == tenant, stored.c.status == ACTIVE, ~listed)
            .values(status=RETIRED, updated_at=at, source_hash=None),
        )
    if kind == RosterKind.USER:
        await _relink_users(session, tenant, stage, stored, items, at)
    if await analyze_if_stale(session, stored.name, deleted + retired) or analysed:
        for link in _USER_LINKS if kind == RosterKind.USER else ():
            await analyze_if_stale(session, link.name, written)
    await announce_merged(session, tenant, kind, stored, now)
    return MergeCounts(
        created=created,
        updated=written - created,
        unchanged=writing - written + retirements - deleted,
        deleted=deleted,
        retired=retired,
    )


async def _keep_fingerprints(
    session: AsyncSession,
    tenant: TenantId,
    stage: sa.Table,
    stored: sa.Table,
    read: sa.ColumnElement[bool],
) -> None:
    """Stored records equal to the rows read take those rows' fingerprints, so that the same
    rows are found unchanged next time without being read (their content, update time and
    change events stay as they were)."""
    staged = sa.select(stage.c[HASH]).where(read, stage.c.id == stored.c.id).limit(1)
    fingerprint = staged.scalar_subquery()
    await session.execute(
        sa.update(stored)
        .where(
            stored.c.tenant_id == tenant,
            stored.c.id.in_(sa.select(stage.c.id).where(read)),
            stored.c[HASH].is_distinct_from(fingerprint),
        )
        .values({HASH: fingerprint})
    )


async def _relink_users(
    session: AsyncSession,
    tenant: TenantId,
    stage: sa.Table,
    stored: sa.Table,
    items: sa.Table,
    at: sa.BindParameter[datetime],
) -> None:
    """Rebuild the org and grade links of the users this import wrote."""
    written = sa.select(stored.c.id).where(stored.c.tenant_id == tenant, stored.c.updated_at == at)
    staged = sa.select(stage.c.id).where(writes(stage))
    for link, field, column in zip(
        _USER_LINKS, ("org_ids", "grades"), ("org_id", "grade"), strict=True
    ):
        await session.execute(
            sa.delete(link).where(
                link.c.tenant_id == tenant, link.c.user_id.in_(written), link.c.user_id.in_(staged)
            )
        )
        values = (
            sa.select(sa.literal(tenant), stage.c.id, items.c.value)
            .select_from(items.join(stage, stage.c.line == items.c.line))
            .where(
                items.c.kind == RosterKind.USER.value,
                items.c.field == field,
                writes(stage),
                stage.c.id.in_(written),
            )
            .distinct()
        )
        await session.execute(sa.insert(link).from_select(["tenant_id", "user_id", column], values))
