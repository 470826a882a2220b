"""The learning records store on both databases: a statement id stored by a racing request
is refused as a Conflict (409), not a database error (500)."""

from __future__ import annotations

import pytest

from app.bootstrap import Container
from app.domain.errors import Conflict
from app.ports.xapi import XAPI, LearningRecord
from tests.conftest import Api

SID = "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"


async def test_the_same_id_stored_twice_is_a_conflict(api: Api, container: Container) -> None:
    record = LearningRecord(XAPI, SID, container.adapters.clock.now(), {"id": SID}, "c")
    async with container.adapters.uow(api.tenant.id) as uow:
        await uow.learning_records.add_many([record])  # type: ignore[attr-defined]
        await uow.commit()
    with pytest.raises(Conflict, match="at the same time"):
        async with container.adapters.uow(api.tenant.id) as uow:
            await uow.learning_records.add_many([record])  # type: ignore[attr-defined]
    async with container.adapters.uow(api.tenant.id, writes=False) as uow:
        stored = await uow.learning_records.get_many(XAPI, [SID])  # type: ignore[attr-defined]
    assert list(stored) == [SID]
