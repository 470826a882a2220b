"""Verified launches kept in the database for their page session's life: every server process
of a district (and every worker) reads the launch a page session names."""

from __future__ import annotations

import dataclasses
import secrets
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db.lti_tables import LtiLaunchRow
from app.adapters.db.row_security import tenant_session
from app.adapters.db.tables import table_of
from app.domain.access import TenantId
from app.domain.lti.launch import Launch
from app.domain.lti.session import PAGE_SESSION_SECONDS

_launches = table_of(LtiLaunchRow)
_LIFE = timedelta(seconds=PAGE_SESSION_SECONDS)
_TUPLES = {f.name for f in dataclasses.fields(Launch) if str(f.type).startswith("tuple")}


def launch_json(launch: Launch) -> dict[str, Any]:
    return dataclasses.asdict(launch)


def launch_of(data: dict[str, Any]) -> Launch:
    known = {f.name for f in dataclasses.fields(Launch)}
    values: dict[str, Any] = {
        k: (tuple(v) if k in _TUPLES else v) for k, v in data.items() if k in known
    }
    return Launch(**values)


class SqlLaunchRecords:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def keep(self, tenant_id: TenantId, launch: Launch, expires_at: datetime) -> str:
        launch_id = secrets.token_urlsafe(18)
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            # The district's launches expired by now go as new ones come (expires_at is
            # indexed): `expires_at` is now plus a page session's life.
            await session.execute(
                sa.delete(_launches).where(
                    _launches.c.tenant_id == tenant_id,
                    _launches.c.expires_at <= expires_at - _LIFE,
                )
            )
            await session.execute(
                sa.insert(_launches).values(
                    tenant_id=tenant_id,
                    id=launch_id,
                    launch=launch_json(launch),
                    expires_at=expires_at,
                )
            )
        return launch_id

    async def find(self, tenant_id: TenantId, launch_id: str, now: datetime) -> Launch | None:
        c = _launches.c
        async with tenant_session(self._sessions, tenant_id) as session, session.begin():
            data = (
                await session.execute(
                    sa.select(c.launch).where(
                        c.tenant_id == tenant_id, c.id == launch_id, c.expires_at > now
                    )
                )
            ).scalar_one_or_none()
        return None if data is None else launch_of(data)
