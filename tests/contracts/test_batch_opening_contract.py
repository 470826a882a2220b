"""What a batch of results reads first (`UnitOfWork.open_batch`), on the fakes, SQLite and
PostgreSQL: the same answers as the three reads it stands for, and on PostgreSQL, where it is
one statement, the students' locks held until the unit of work ends."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from app.domain.access import TenantId
from app.domain.roster import RecordStatus, RosterKind, UserRole
from tests.contracts.conftest import Backend
from tests.contracts.records import AT, TEACHER, framework, store, student

COMPETENCIES = ["m1a", "m2", "nope"]
STUDENTS = ["s-01", "s-05", "t-1", "nobody"]


async def _district(backend: Backend, tenant: TenantId) -> None:
    async with backend.uow(tenant) as uow:
        await uow.frameworks.add(framework(), AT)
        await store(
            uow,
            student("s-01"),
            replace(student("s-05"), status=RecordStatus.TOBEDELETED),
            TEACHER,
        )


@pytest.mark.parametrize("lock", [None, {"s-01", "nobody"}])
async def test_a_batch_opens_with_its_frameworks_and_active_students(
    backend: Backend, tenant: TenantId, other_tenant: TenantId, lock: set[str] | None
) -> None:
    await _district(backend, tenant)
    # Checking only (no lock) is done in a unit of work that only reads.
    async with backend.uow(tenant, writes=lock is not None) as uow:
        opened = await uow.open_batch(COMPETENCIES, STUDENTS, lock=lock)
        assert opened.framework_of == {"m1a": "math", "m2": "math"}
        assert opened.students == {"s-01"}  # s-05 is to be deleted, t-1 a teacher
        # The three reads it stands for answer the same.
        assert opened.frameworks == (await uow.frameworks.get_many(["math"]))
        assert (opened.framework_of, opened.frameworks) == (
            await uow.frameworks.of_competencies(COMPETENCIES)
        )
        users = uow.roster(RosterKind.USER)
        assert opened.students == await users.active_ids(STUDENTS, role=UserRole.STUDENT.value)
    async with backend.uow(other_tenant) as uow:
        nothing = await uow.open_batch(COMPETENCIES, STUDENTS, lock=lock)
        assert (nothing.framework_of, nothing.frameworks, nothing.students) == ({}, {}, set())


async def test_a_batch_holds_its_students_locks_until_its_unit_of_work_ends(
    backend: Backend, tenant: TenantId
) -> None:
    if backend.name != "postgresql":
        pytest.skip(
            "advisory locks are PostgreSQL's: SQLite's BEGIN IMMEDIATE serialises every "
            "writer, and the fakes run one unit of work at a time"
        )
    await _district(backend, tenant)
    events: list[str] = []

    async def second_batch() -> None:
        async with backend.uow(tenant) as uow:
            await uow.open_batch(["m1a"], ["s-01"], lock={"s-01"})
            events.append("second batch locked s-01")

    async with backend.uow(tenant) as uow:
        await uow.open_batch(["m1a"], ["s-01"], lock={"s-01"})
        waiting = asyncio.create_task(second_batch())
        # Long enough for the second batch to pass, were the lock not held.
        await asyncio.sleep(0.3)
        events.append("first batch ends")
    await waiting
    assert events == ["first batch ends", "second batch locked s-01"]
