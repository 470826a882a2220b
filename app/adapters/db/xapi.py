"""SQL repository of the learning records store: each batch is one INSERT, one UPDATE (voids)
and one keyed SELECT, whatever its size."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.errors import translated
from app.adapters.db.native import Insert, bulk_insert, is_postgres
from app.adapters.db.tables import UserRow, table_of
from app.adapters.db.xapi_tables import LearningRecordRow
from app.domain.access import TenantId
from app.domain.errors import Conflict
from app.domain.roster import RecordStatus, UserRole
from app.ports.xapi import XAPI, LearningRecord, RecordQuery

_records = table_of(LearningRecordRow)
_users = table_of(UserRow)
_CHUNK = 5000
_TAKEN = {
    "pk_learning_records": Conflict(
        "A statement or event with this id was stored by another request at the same time; "
        "send it again"
    )
}


def _record(row: Any) -> LearningRecord:
    return LearningRecord(
        kind=row.kind,
        id=row.id,
        stored_at=row.stored_at,
        body=row.body,
        client_id=row.client_id,
        voided=row.voided,
        voids=row.voids,
        student_id=row.student_id,
        competency_ids=tuple(row.competency_ids),
        unmatched=row.unmatched,
    )


class SqlLearningRecords:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def get_many(self, kind: str, ids: Collection[str]) -> dict[str, LearningRecord]:
        c = _records.c
        wanted = list(dict.fromkeys(ids))
        found: dict[str, LearningRecord] = {}
        for start in range(0, len(wanted), _CHUNK):
            stmt = sa.select(_records).where(
                c.tenant_id == self._tenant,
                c.kind == kind,
                c.id.in_(wanted[start : start + _CHUNK]),
            )
            for row in (await self._session.execute(stmt)).all():
                found[row.id] = _record(row)
        return found

    async def add_many(self, records: Sequence[LearningRecord]) -> None:
        if not records:
            return
        rows = [
            {
                "tenant_id": self._tenant,
                "kind": r.kind,
                "id": r.id,
                "stored_at": r.stored_at,
                "client_id": r.client_id,
                "voided": r.voided,
                "voids": r.voids,
                "student_id": r.student_id,
                "competency_ids": list(r.competency_ids),
                "unmatched": r.unmatched,
                "body": r.body,
            }
            for r in records
        ]
        # A batch racing another with the same id: the one that commits second is refused.
        async with translated(_TAKEN):
            if is_postgres(self._session):
                # One round trip of column arrays: SQLAlchemy's per-row work would dominate.
                await bulk_insert(self._session, Insert(_records, rows))
            else:
                await self._session.execute(sa.insert(_records), rows)

    async def void(self, ids: Collection[str]) -> None:
        if not ids:
            return
        c = _records.c
        await self._session.execute(
            sa.update(_records)
            .where(c.tenant_id == self._tenant, c.kind == XAPI, c.id.in_(list(ids)))
            .values(voided=True)
        )

    async def page(self, query: RecordQuery) -> list[LearningRecord]:
        c = _records.c
        stmt = sa.select(_records).where(c.tenant_id == self._tenant, c.kind == query.kind)
        if query.unmatched_only:
            stmt = stmt.where(c.unmatched.is_not(None))
        else:
            stmt = stmt.where(c.voided == query.voided)
        if query.since is not None:
            stmt = stmt.where(c.stored_at > query.since)
        if query.until is not None:
            stmt = stmt.where(c.stored_at <= query.until)
        key = sa.tuple_(c.stored_at, c.id)
        if query.after is not None:
            after = sa.tuple_(sa.literal(query.after[0], _records.c.stored_at.type), query.after[1])
            stmt = stmt.where(key > after if query.ascending else key < after)
        order = (c.stored_at, c.id) if query.ascending else (c.stored_at.desc(), c.id.desc())
        stmt = stmt.order_by(*order).limit(query.limit)
        return [_record(r) for r in (await self._session.execute(stmt)).all()]

    async def students_by_email(self, emails: Collection[str]) -> dict[str, str]:
        wanted = sorted({e.lower() for e in emails})
        if not wanted:
            return {}
        u = _users.c
        stmt = sa.select(sa.func.lower(u.email), u.id).where(
            u.tenant_id == self._tenant,
            u.role == UserRole.STUDENT.value,
            u.status == RecordStatus.ACTIVE.value,
            sa.func.lower(u.email).in_(wanted),
        )
        # Two students sharing an email name no one: the statement is reported unmatched.
        found: dict[str, list[str]] = {}
        for email, sourced_id in (await self._session.execute(stmt)).all():
            found.setdefault(email, []).append(sourced_id)
        return {e: ids[0] for e, ids in found.items() if len(ids) == 1}
