"""Issued credentials in the database (app/adapters/db/credential_tables.py)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db.credential_tables import CredentialRow
from app.adapters.db.row_security import all_tenants_session, tenant_session
from app.adapters.db.tables import table_of
from app.domain.access import TenantId
from app.domain.credentials import CredentialKind, IssuedCredential

_rows = table_of(CredentialRow)


def _credential(row: sa.Row) -> IssuedCredential:  # type: ignore[type-arg]
    return IssuedCredential(
        id=row.id,
        kind=CredentialKind(row.kind),
        student_id=row.student_id,
        competency_id=row.competency_id,
        kid=row.kid,
        jws=row.jws,
        issued_at=row.issued_at,
        revoked_at=row.revoked_at,
    )


class SqlCredentials:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(self, tenant_id: TenantId, credential: IssuedCredential) -> None:
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            await session.execute(
                sa.insert(_rows).values(
                    tenant_id=tenant_id,
                    id=credential.id,
                    kind=credential.kind.value,
                    student_id=credential.student_id,
                    competency_id=credential.competency_id,
                    kid=credential.kid,
                    jws=credential.jws,
                    issued_at=credential.issued_at,
                    revoked_at=credential.revoked_at,
                )
            )

    async def of_student(self, tenant_id: TenantId, student_id: str) -> list[IssuedCredential]:
        c = _rows.c
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            rows = await session.execute(
                sa.select(_rows)
                .where(c.tenant_id == tenant_id, c.student_id == student_id)
                .order_by(c.issued_at, c.id)
            )
            return [_credential(r) for r in rows]

    async def find(self, credential_id: str) -> tuple[TenantId, IssuedCredential] | None:
        async with all_tenants_session(self._sessions) as session, session.begin():
            row = (
                await session.execute(sa.select(_rows).where(_rows.c.id == credential_id))
            ).one_or_none()
        return None if row is None else (TenantId(row.tenant_id), _credential(row))

    async def revoke(
        self, tenant_id: TenantId, credential_id: str, at: datetime
    ) -> IssuedCredential | None:
        c = _rows.c
        mine = (c.tenant_id == tenant_id, c.id == credential_id)
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            await session.execute(
                sa.update(_rows).where(*mine, c.revoked_at.is_(None)).values(revoked_at=at)
            )
            row = (await session.execute(sa.select(_rows).where(*mine))).one_or_none()
        return None if row is None else _credential(row)

    async def revoked_ids(self, tenant_id: TenantId) -> list[str]:
        c = _rows.c
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            rows = await session.execute(
                sa.select(c.id).where(c.tenant_id == tenant_id, c.revoked_at.is_not(None))
            )
            return sorted(rows.scalars())
