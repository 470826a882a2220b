"""What the LTI services remember between runs, in a fake tenant's tables."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from tests.fakes.state import TenantTables


class FakeLtiMarks:
    def __init__(self, tables: TenantTables) -> None:
        self._tables = tables

    async def differences_url(self, issuer: str, context_id: str) -> str | None:
        return self._tables.lti_pulls.get((issuer, context_id))

    async def save_pull(
        self, issuer: str, context_id: str, differences_url: str | None, at: datetime
    ) -> None:
        self._tables.lti_pulls[issuer, context_id] = differences_url

    async def last_sent(
        self, line_item_url: str, student_ids: Collection[str]
    ) -> dict[str, datetime]:
        sent = self._tables.lti_sent
        return {u: sent[line_item_url, u] for u in student_ids if (line_item_url, u) in sent}

    async def save_sent(self, line_item_url: str, sent: Mapping[str, datetime]) -> None:
        for student_id, at in sent.items():
            self._tables.lti_sent[line_item_url, student_id] = at
