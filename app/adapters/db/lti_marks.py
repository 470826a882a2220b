"""SQL repository of what the LTI services remember between runs (app/ports/lti_services.py)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.lti_service_tables import LtiRosterPullRow, LtiScoreSentRow
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import upsert
from app.domain.access import TenantId

_pulls = table_of(LtiRosterPullRow)
_sent = table_of(LtiScoreSentRow)


class SqlLtiMarks:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    async def differences_url(self, issuer: str, context_id: str) -> str | None:
        query = sa.select(_pulls.c.differences_url).where(
            _pulls.c.tenant_id == self._tenant,
            _pulls.c.issuer == issuer,
            _pulls.c.context_id == context_id,
        )
        found: str | None = (await self._session.execute(query)).scalar_one_or_none()
        return found

    async def save_pull(
        self, issuer: str, context_id: str, differences_url: str | None, at: datetime
    ) -> None:
        values = {
            "tenant_id": self._tenant,
            "issuer": issuer,
            "context_id": context_id,
            "differences_url": differences_url,
            "pulled_at": at,
        }
        await upsert(self._session, _pulls, [values], key=("tenant_id", "issuer", "context_id"))

    async def last_sent(
        self, line_item_url: str, student_ids: Collection[str]
    ) -> dict[str, datetime]:
        if not student_ids:
            return {}
        query = sa.select(_sent.c.student_id, _sent.c.sent_at).where(
            _sent.c.tenant_id == self._tenant,
            _sent.c.line_item_url == line_item_url,
            _sent.c.student_id.in_(list(student_ids)),
        )
        return {row.student_id: row.sent_at for row in await self._session.execute(query)}

    async def save_sent(self, line_item_url: str, sent: Mapping[str, datetime]) -> None:
        rows = [
            {
                "tenant_id": self._tenant,
                "line_item_url": line_item_url,
                "student_id": u,
                "sent_at": at,
            }
            for u, at in sent.items()
        ]
        if rows:
            await upsert(
                self._session, _sent, rows, key=("tenant_id", "line_item_url", "student_id")
            )
