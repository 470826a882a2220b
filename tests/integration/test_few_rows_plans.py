"""A unit of work of a few rows (a single result's: UnitOfWorkFactory's `few_rows`) lets
PostgreSQL reuse a plan in its own transaction only: every other unit of work on the same
pooled connection plans each statement anew, as the engine sets (docs/decisions/0078)."""

from __future__ import annotations

from typing import cast

import pytest
import sqlalchemy as sa

from app.adapters.db.uow import SqlUnitOfWork
from tests.conftest import Container, new_tenant


async def test_few_rows_change_the_plan_mode_of_their_own_transaction_only(
    own_container: Container,
) -> None:
    if not own_container.settings.database_url.startswith("postgresql"):
        pytest.skip("plan caching is PostgreSQL's; SQLite plans every statement")
    tenant = await new_tenant(own_container)

    async def mode(*, few_rows: bool) -> str:
        async with own_container.adapters.uow(tenant.id, few_rows=few_rows) as uow:
            found = await cast(SqlUnitOfWork, uow).session.execute(sa.text("SHOW plan_cache_mode"))
            return str(found.scalar_one())

    # One unit at a time on a pool of its own: the same connection each time.
    assert [await mode(few_rows=f) for f in (True, False, True, False)] == [
        "auto",
        "force_custom_plan",
        "auto",
        "force_custom_plan",
    ]
