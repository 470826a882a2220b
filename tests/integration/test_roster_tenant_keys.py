"""Enrollments and demographics reach their tenant through the class and the user they link
(docs/decisions/0067-tenant-keys-by-parent.md), with no key of their own to `tenants`: a link
to another tenant's record, or to none, is refused as before; on SQLite and PostgreSQL. On
PostgreSQL the enrollments' two links are checked by statement triggers, not foreign keys
(docs/decisions/0071-roster-links-by-statement.md): the tests below hold that they refuse
what the keys refuse, and lock what the keys lock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.adapters.db.row_security import open_to_all_tenants
from app.adapters.db.tables import (
    ClassRow,
    DemographicsRow,
    EnrollmentRow,
    UserGradeRow,
    UserOrgRow,
    UserRow,
    table_of,
)
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


# The enrollments' class and user keys: foreign keys on SQLite, statement triggers on
# PostgreSQL (docs/decisions/0071-roster-links-by-statement.md). Each rule below holds on
# both, so the triggers refuse what the keys refuse.


async def _execute(container: Container, statement: sa.Executable) -> None:
    async with container.engine.begin() as conn:
        await conn.run_sync(open_to_all_tenants)
        await conn.execute(statement)


_ENROLLMENTS = table_of(EnrollmentRow)
_CLASSES = table_of(ClassRow)
_USERS = table_of(UserRow)


def _enrollment(tenant: Tenant, id_: str, class_id: str, user_id: str) -> dict[str, object]:
    return {
        "tenant_id": tenant.id,
        "id": id_,
        "status": "active",
        "updated_at": datetime(2026, 9, 1, tzinfo=UTC),
        "class_id": class_id,
        "user_id": user_id,
        "role": "student",
    }


def _class(tenant: Tenant, id_: str) -> dict[str, object]:
    return {
        "tenant_id": tenant.id,
        "id": id_,
        "status": "active",
        "updated_at": datetime(2026, 9, 1, tzinfo=UTC),
        "title": "Science 4",
        "course_id": "c1",
        "school_id": "s1",
        "session_ids": [],
        "grades": [],
        "subjects": [],
    }


async def test_a_statement_with_one_link_missing_writes_none_of_its_enrollments(
    container: Container, tmp_path: Path
) -> None:
    tenant = await _imported(container, sets.write_set(tmp_path, sets.BULK_1_1))
    rows = [_enrollment(tenant, "e10", "k1", "u2"), _enrollment(tenant, "e11", "k1", "u3")]
    for missing in (
        _enrollment(tenant, "e12", "k1", "u-none"),
        _enrollment(tenant, "e12", "k-none", "u2"),
    ):
        with pytest.raises(IntegrityError):
            await _execute(container, sa.insert(_ENROLLMENTS).values([*rows, missing]))
        assert await _enrollments(container, tenant) == ["e1", "e2", "e3"]
    await _execute(container, sa.insert(_ENROLLMENTS).values(rows))
    assert await _enrollments(container, tenant) == ["e1", "e10", "e11", "e2", "e3"]


async def test_an_enrollment_moved_to_a_class_or_user_not_there_is_refused(
    container: Container, tmp_path: Path
) -> None:
    tenant = await _imported(container, sets.write_set(tmp_path, sets.BULK_1_1))
    e2 = (_ENROLLMENTS.c.tenant_id == tenant.id) & (_ENROLLMENTS.c.id == "e2")
    for moved in ({"user_id": "u-none"}, {"class_id": "k-none"}):
        with pytest.raises(IntegrityError):
            await _execute(container, sa.update(_ENROLLMENTS).where(e2).values(**moved))
    # To a class and a user the tenant holds: changed, so the refusals were for the links.
    await _execute(container, sa.insert(_CLASSES).values(_class(tenant, "k2")))
    await _execute(container, sa.update(_ENROLLMENTS).where(e2).values(class_id="k2", user_id="u3"))
    async with container.engine.connect() as conn:
        await conn.run_sync(open_to_all_tenants)
        moved = (
            await conn.execute(sa.select(_ENROLLMENTS.c.class_id, _ENROLLMENTS.c.user_id).where(e2))
        ).one()
    assert tuple(moved) == ("k2", "u3")


async def test_a_class_or_user_still_enrolled_is_neither_deleted_nor_renamed(
    container: Container, tmp_path: Path
) -> None:
    tenant = await _imported(container, sets.write_set(tmp_path, sets.BULK_1_1))

    def _one(table: sa.Table, id_: str) -> sa.ColumnElement[bool]:
        return (table.c.tenant_id == tenant.id) & (table.c.id == id_)

    # Sue's schools and grades, whose keys would refuse her new id on their own.
    for link in (UserOrgRow, UserGradeRow):
        table = table_of(link)
        await _execute(container, sa.delete(table).where(table.c.user_id == "u3"))
    refused: list[sa.Executable] = [
        sa.delete(_CLASSES).where(_one(_CLASSES, "k1")),
        sa.update(_CLASSES).where(_one(_CLASSES, "k1")).values(id="k9"),
        sa.delete(_USERS).where(_one(_USERS, "u1")),  # the teacher, enrolled by e1
        sa.update(_USERS).where(_one(_USERS, "u3")).values(id="u9"),  # enrolled by e3
    ]
    for statement in refused:
        with pytest.raises(IntegrityError):
            await _execute(container, statement)
    # Once no enrollment names them, the same changes are made.
    await _execute(container, sa.delete(_ENROLLMENTS).where(_ENROLLMENTS.c.tenant_id == tenant.id))
    for statement in refused[1:]:
        await _execute(container, statement)
    async with container.engine.connect() as conn:
        await conn.run_sync(open_to_all_tenants)
        users = await conn.execute(
            sa.select(_USERS.c.id).where(_USERS.c.tenant_id == tenant.id).order_by(_USERS.c.id)
        )
        assert list(users.scalars()) == ["u2", "u9"]
        classes = await conn.execute(
            sa.select(_CLASSES.c.id).where(_CLASSES.c.tenant_id == tenant.id)
        )
        assert list(classes.scalars()) == ["k9"]


async def test_a_class_being_enrolled_is_held_until_the_enrollment_commits(
    container: Container, tmp_path: Path
) -> None:
    # A foreign key locks the row it finds (FOR KEY SHARE), so that a class cannot be deleted
    # under an enrollment not yet committed. The statement trigger must lock it too: without
    # the lock, the delete below would not wait, and commit an enrollment of no class.
    if container.engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one writer at a time: a delete cannot come between")
    tenant = await _imported(container, sets.write_set(tmp_path, sets.BULK_1_1))
    await _execute(container, sa.insert(_CLASSES).values(_class(tenant, "k2")))
    k2 = (_CLASSES.c.tenant_id == tenant.id) & (_CLASSES.c.id == "k2")
    async with container.engine.connect() as enrolling, container.engine.connect() as deleting:
        await enrolling.run_sync(open_to_all_tenants)
        await enrolling.execute(
            sa.insert(_ENROLLMENTS).values(_enrollment(tenant, "e9", "k2", "u2"))
        )
        await deleting.run_sync(open_to_all_tenants)
        await deleting.exec_driver_sql("SET LOCAL lock_timeout = '300ms'")
        with pytest.raises(DBAPIError, match="lock timeout"):
            await deleting.execute(sa.delete(_CLASSES).where(k2))
        await deleting.rollback()
        await enrolling.commit()
    assert await _enrollments(container, tenant) == ["e1", "e2", "e3", "e9"]
    # Committed, the enrollment keeps its class as before.
    with pytest.raises(IntegrityError):
        await _execute(container, sa.delete(_CLASSES).where(k2))


async def test_a_users_schools_grades_and_demographics_need_the_user_and_go_with_it(
    container: Container, tmp_path: Path
) -> None:
    tenant = await _imported(container, sets.write_set(tmp_path, sets.BULK_1_1))
    orgs, grades = table_of(UserOrgRow), table_of(UserGradeRow)
    demographics = table_of(DemographicsRow)
    refused: list[sa.Executable] = [
        sa.insert(orgs).values(tenant_id=tenant.id, user_id="u-none", org_id="s1"),
        sa.insert(grades).values(tenant_id=tenant.id, user_id="u-none", grade="04"),
        sa.update(demographics).where(demographics.c.id == "u2").values(id="u-none"),
    ]
    for statement in refused:
        with pytest.raises(IntegrityError):
            await _execute(container, statement)
    sam = (_USERS.c.tenant_id == tenant.id) & (_USERS.c.id == "u2")
    # Sam is enrolled (e2) and has demographics: each alone keeps him.
    await _execute(container, sa.delete(_ENROLLMENTS).where(_ENROLLMENTS.c.id == "e2"))
    with pytest.raises(IntegrityError):
        await _execute(container, sa.delete(_USERS).where(sam))
    await _execute(container, sa.delete(demographics).where(demographics.c.id == "u2"))
    # Then he is deleted, and his schools and grades with him, as their keys' cascade did.
    await _execute(container, sa.delete(_USERS).where(sam))
    async with container.engine.connect() as conn:
        await conn.run_sync(open_to_all_tenants)
        for table, listed in ((orgs, ["u1", "u3", "u3"]), (grades, ["u3", "u3"])):
            left = await conn.execute(
                sa.select(table.c.user_id)
                .where(table.c.tenant_id == tenant.id)
                .order_by(table.c.user_id)
            )
            assert list(left.scalars()) == listed
