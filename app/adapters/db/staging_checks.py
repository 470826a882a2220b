"""Whether a referenced record will be there after an import, as a SQL condition over the
staged rows and the stored roster, and why one is not."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.staging_tables import retires, writes
from app.domain.access import TenantId
from app.domain.oneroster.files import FileMode
from app.domain.oneroster.references import Absence
from app.domain.roster import RecordStatus

ACTIVE = RecordStatus.ACTIVE.value


def unavailable(
    stage: sa.Table,
    stored: sa.Table,
    tenant: TenantId,
    mode: FileMode,
    value: sa.ColumnElement[Any],
) -> sa.ColumnElement[bool]:
    """`value` names no record that is active after the import. A record is active when it is
    written by a valid row of the set, or stored active and neither retired by a row nor left
    out of a bulk file (a row with a problem still counts as listed, and its stored record
    stays).

    Two NOT EXISTS side by side, each of one record's conditions, rather than NOT (written OR
    stays): PostgreSQL turns a NOT EXISTS in a top-level AND into an anti-join (hashed for a
    whole file, index probes for a few rows), but runs EXISTS under an OR once per row, an
    index probe each (docs/decisions/0066-reference-checks-as-anti-joins.md)."""
    target, kept, retiring = stage.alias(), stored.alias(), stage.alias()
    written = sa.exists().where(target.c.id == value, writes(target))
    stays = sa.exists().where(
        kept.c.tenant_id == tenant,
        kept.c.id == value,
        kept.c.status == ACTIVE,
        ~sa.exists().where(retiring.c.id == kept.c.id, retires(retiring)),
    )
    if mode == FileMode.BULK:
        listed = stage.alias()
        stays = stays.where(sa.exists().where(listed.c.id == kept.c.id, listed.c.line > 0))
    return sa.and_(~written, ~stays)


async def describe(
    session: AsyncSession,
    stage: sa.Table,
    stored: sa.Table,
    tenant: TenantId,
    bulk: bool,
    ids: Collection[str],
) -> dict[str, tuple[Absence, int | None]]:
    """Why each of these ids is not there: its row was skipped, it is retired (by a row, or
    because a `bulk` file leaves it out), or it is nowhere."""
    wanted = sorted(set(ids))
    listed = (
        await session.execute(
            sa.select(stage.c.id, stage.c.line, stage.c.skipped, stage.c.deleting).where(
                stage.c.id.in_(wanted), stage.c.line > 0
            )
        )
    ).all()
    known = set(
        (
            await session.execute(
                sa.select(stored.c.id).where(stored.c.tenant_id == tenant, stored.c.id.in_(wanted))
            )
        )
        .scalars()
        .all()
    )
    found: dict[str, tuple[Absence, int | None]] = {}
    for id_ in wanted:
        rows = [r for r in listed if r.id == id_]
        skipped = [r.line for r in rows if r.skipped and not r.deleting]
        if skipped:
            found[id_] = (Absence.SKIPPED, min(skipped))
        elif id_ in known and not rows and bulk:
            found[id_] = (Absence.UNLISTED, None)
        elif rows or id_ in known:
            found[id_] = (Absence.RETIRED, None)
        else:
            found[id_] = (Absence.NOWHERE, None)
    return found
