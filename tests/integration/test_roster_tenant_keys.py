"""Enrollments and demographics reach their tenant through the class and the user they link
(docs/decisions/0067-tenant-keys-by-parent.md), with no key of their own to `tenants`: a link
to another tenant's record, or to none, is refused as before; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.adapters.db.row_security import open_to_all_tenants
from app.adapters.db.tables import DemographicsRow, EnrollmentRow, table_of
from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.roster import RosterKind
from app.ports.roster import RosterQuery
from tests.conftest import new_tenant
from tests.integration import oneroster_sets as sets


async def _imported(container: Container, folder: Path) -> Tenant:
    tenant = await new_tenant(container)
    source = container.adapters.roster_files.open(folder)
    try:
        await container.use_cases.roster_imports.import_roster(tenant.id, source)
    finally:
        await source.close()
    return tenant


async def _enrollments(container: Container, tenant: Tenant) -> list[str]:
    async with container.adapters.uow(tenant.id) as uow:
        page = await uow.roster(RosterKind.ENROLLMENT).list(RosterQuery(status=None, limit=100))
    return sorted(r.id for r in page.items)


async def _insert(
    container: Container, model: type, tenant: Tenant, values: dict[str, object]
) -> None:
    async with container.engine.begin() as conn:
        await conn.run_sync(open_to_all_tenants)
        await conn.execute(sa.insert(table_of(model)).values(tenant_id=tenant.id, **values))


async def test_a_link_to_another_tenants_record_or_to_none_is_refused(
    container: Container, tmp_path: Path
) -> None:
    first = await _imported(container, sets.write_set(tmp_path, sets.BULK_1_1))
    second = await new_tenant(container)
    row = {"status": "active", "updated_at": datetime(2026, 9, 1, tzinfo=UTC)}
    enrollment = {**row, "id": "e9", "role": "student"}
    refused = [
        # k1 and u2 are the first tenant's: the second cannot enrol anyone with them.
        (EnrollmentRow, second, {**enrollment, "class_id": "k1", "user_id": "u2"}),
        (EnrollmentRow, first, {**enrollment, "class_id": "k1", "user_id": "u-none"}),
        (EnrollmentRow, first, {**enrollment, "class_id": "k-none", "user_id": "u2"}),
        (DemographicsRow, second, {**row, "id": "u2"}),
        (DemographicsRow, first, {**row, "id": "u-none"}),
    ]
    for model, tenant, values in refused:
        with pytest.raises(IntegrityError):
            await _insert(container, model, tenant, values)
    # The first tenant's own class and user: stored, so the refusals were for the links.
    await _insert(
        container, EnrollmentRow, first, {**enrollment, "class_id": "k1", "user_id": "u2"}
    )
    assert await _enrollments(container, first) == ["e1", "e2", "e3", "e9"]
