"""The roster repositories' contract, on the fakes, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.access import TenantId
from app.domain.oneroster.connection import OneRosterVersion, ProviderAuth, RosterConnection
from app.domain.roster import EnrollmentRole, RecordStatus, RosterKind, Sex, UserRole
from app.ports.roster import RosterQuery
from tests.contracts.conftest import Backend
from tests.contracts.records import (
    AT,
    CLASS,
    CLASS_2,
    COURSE,
    DISTRICT,
    OTHER_SCHOOL,
    SCHOOL,
    TEACHER,
    YEAR,
    day,
    demographics,
    enrollment,
    retired,
    store,
    student,
)

SCHOOLS = (DISTRICT, SCHOOL, OTHER_SCHOOL, YEAR, COURSE, CLASS, CLASS_2)


async def test_every_kind_comes_back_as_saved(backend: Backend, tenant: TenantId) -> None:
    records = [
        *SCHOOLS,
        student("s-1", identifier="A-1"),
        TEACHER,
        enrollment("e-1", "s-1"),
        demographics("s-1", Sex.FEMALE, hispanic_or_latino=True, english_learner=False),
    ]
    async with backend.uow(tenant) as uow:
        await store(uow, *records)
    async with backend.uow(tenant) as uow:
        for record in records:
            assert await uow.roster(record.kind).get(record.id) == record


async def test_retired_records_are_found_only_when_asked(
    backend: Backend, tenant: TenantId
) -> None:
    async with backend.uow(tenant) as uow:
        await store(uow, DISTRICT, retired(SCHOOL))
    async with backend.uow(tenant) as uow:
        orgs = uow.roster(RosterKind.ORG)
        assert await orgs.get("org-s1") is None
        assert await orgs.get("org-s1", include_deleted=True) == retired(SCHOOL)
        # get_many answers whatever the status; unknown ids are left out.
        assert await orgs.get_many(["org-s1", "org-d", "org-x"]) == {
            "org-s1": retired(SCHOOL),
            "org-d": DISTRICT,
        }
        assert await orgs.active_ids(["org-s1", "org-d", "org-x"]) == {"org-d"}


async def test_save_replaces_a_record(backend: Backend, tenant: TenantId) -> None:
    async with backend.uow(tenant) as uow:
        await store(uow, DISTRICT)
    renamed = replace(DISTRICT, name="Renamed", updated_at=day(1))
    async with backend.uow(tenant) as uow:
        await store(uow, renamed)
    async with backend.uow(tenant) as uow:
        assert await uow.roster(RosterKind.ORG).get("org-d") == renamed
        assert await uow.roster(RosterKind.ORG).count(RosterQuery()) == 1


async def _class_of_five(backend: Backend, tenant: TenantId) -> None:
    users = [
        student("s-01", "Ann", "Lee"),
        student("s-02", "Bo", "Diaz", grades=("06",)),
        student("s-03", "Cy", "O'Neil", orgs=("org-s2",), identifier="X_9"),
        student("s-04", "Di", "Lee%"),
        replace(student("s-05", "Ed", "Fox"), status=RecordStatus.TOBEDELETED),
        TEACHER,
    ]
    places = [
        enrollment("e-01", "s-01"),
        enrollment("e-02", "s-02"),
        enrollment("e-03", "s-03", "class-2"),
        retired(enrollment("e-04", "s-04")),
        enrollment("e-05", "s-05"),
        enrollment("e-06", "t-1", role=EnrollmentRole.TEACHER),
    ]
    async with backend.uow(tenant) as uow:
        await store(uow, *SCHOOLS, *users, *places)


async def _ids(
    backend: Backend, tenant: TenantId, kind: RosterKind, query: RosterQuery
) -> list[str]:
    async with backend.uow(tenant) as uow:
        return [r.id for r in (await uow.roster(kind).list(query)).items]


async def test_pages_follow_id_order_with_a_cursor(backend: Backend, tenant: TenantId) -> None:
    await _class_of_five(backend, tenant)
    async with backend.uow(tenant) as uow:
        users = uow.roster(RosterKind.USER)
        first = await users.list(RosterQuery(limit=2))
        second = await users.list(RosterQuery(after=first.last_key, limit=2))
        third = await users.list(RosterQuery(after=second.last_key, limit=2))
    # Active users only, by default: s-05 is retired.
    assert [u.id for u in first.items] == ["s-01", "s-02"]
    assert first.last_key == "s-02"
    assert [u.id for u in second.items] == ["s-03", "s-04"]
    assert second.last_key == "s-04"
    assert [u.id for u in third.items] == ["t-1"]
    assert third.last_key is None  # nothing more


async def test_a_full_last_page_says_nothing_follows(backend: Backend, tenant: TenantId) -> None:
    await _class_of_five(backend, tenant)
    page_ids = await _ids(backend, tenant, RosterKind.USER, RosterQuery(after="s-03", limit=2))
    assert page_ids == ["s-04", "t-1"]
    async with backend.uow(tenant) as uow:
        page = await uow.roster(RosterKind.USER).list(RosterQuery(after="s-03", limit=2))
    assert page.last_key is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"role": UserRole.TEACHER.value}, ["t-1"]),
        ({"org_id": "org-s2"}, ["s-03"]),
        ({"grade": "06"}, ["s-02"]),
        ({"search": "LEE"}, ["s-01", "s-04"]),
        ({"search": "x_9"}, ["s-03"]),  # the identifier, and _ is no wildcard
        ({"search": "%"}, ["s-04"]),  # nor is %
        ({"search": "o'n"}, ["s-03"]),
        # Enrolled in the class (an active enrollment), with the role when given.
        ({"class_id": "class-1"}, ["s-01", "s-02", "t-1"]),
        ({"class_id": "class-1", "enrollment_role": "student"}, ["s-01", "s-02"]),
        ({"class_id": "class-1", "role": "teacher"}, ["t-1"]),
    ],
)
async def test_users_are_filtered(
    backend: Backend, tenant: TenantId, filters: dict[str, str], expected: list[str]
) -> None:
    await _class_of_five(backend, tenant)
    query = RosterQuery(filters=filters)
    assert await _ids(backend, tenant, RosterKind.USER, query) == expected
    async with backend.uow(tenant) as uow:
        assert await uow.roster(RosterKind.USER).count(query) == len(expected)


@pytest.mark.parametrize(
    ("kind", "filters", "expected"),
    [
        (RosterKind.ENROLLMENT, {"class_id": "class-1"}, ["e-01", "e-02", "e-05", "e-06"]),
        (RosterKind.ENROLLMENT, {"user_id": "s-03"}, ["e-03"]),
        (RosterKind.ENROLLMENT, {"role": "teacher"}, ["e-06"]),
        (RosterKind.CLASS, {"school_id": "org-s2"}, ["class-2"]),
        (RosterKind.CLASS, {"course_id": "course-m"}, ["class-1", "class-2"]),
        (RosterKind.ORG, {"type": "school"}, ["org-s1", "org-s2"]),
        (RosterKind.ORG, {"parent_id": "org-d"}, ["org-s1", "org-s2"]),
        (RosterKind.COURSE, {"org_id": "org-s1"}, ["course-m"]),
        (RosterKind.ACADEMIC_SESSION, {"type": "schoolYear"}, ["y2025"]),
    ],
)
async def test_other_kinds_are_filtered(
    backend: Backend,
    tenant: TenantId,
    kind: RosterKind,
    filters: dict[str, str],
    expected: list[str],
) -> None:
    await _class_of_five(backend, tenant)
    assert await _ids(backend, tenant, kind, RosterQuery(filters=filters)) == expected


async def test_status_and_change_filters(backend: Backend, tenant: TenantId) -> None:
    await _class_of_five(backend, tenant)
    async with backend.uow(tenant) as uow:
        await store(uow, replace(student("s-02", "Bo", "Diaz"), updated_at=day(3)))
    every = RosterQuery(status=None)
    assert await _ids(backend, tenant, RosterKind.USER, every) == [
        "s-01",
        "s-02",
        "s-03",
        "s-04",
        "s-05",
        "t-1",
    ]
    retired_only = RosterQuery(status=RecordStatus.TOBEDELETED)
    assert await _ids(backend, tenant, RosterKind.USER, retired_only) == ["s-05"]
    # updated_since is inclusive.
    changed = RosterQuery(updated_since=day(3))
    assert await _ids(backend, tenant, RosterKind.USER, changed) == ["s-02"]
    async with backend.uow(tenant) as uow:
        assert await uow.roster(RosterKind.USER).count(every) == 6


async def test_an_unknown_filter_is_a_programming_error(backend: Backend, tenant: TenantId) -> None:
    async with backend.uow(tenant) as uow:
        with pytest.raises(ValueError, match="no filter 'colour'"):
            await uow.roster(RosterKind.ORG).list(RosterQuery(filters={"colour": "red"}))


async def test_active_ids_of_a_role(backend: Backend, tenant: TenantId) -> None:
    await _class_of_five(backend, tenant)
    async with backend.uow(tenant) as uow:
        users = uow.roster(RosterKind.USER)
        wanted = ["s-01", "s-05", "t-1", "nobody"]
        assert await users.active_ids(wanted) == {"s-01", "t-1"}
        assert await users.active_ids(wanted, role=UserRole.STUDENT.value) == {"s-01"}
        assert await users.active_ids([]) == set()


async def test_another_tenant_sees_nothing(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    await _class_of_five(backend, tenant)
    async with backend.uow(other_tenant) as uow:
        users = uow.roster(RosterKind.USER)
        assert await users.get("s-01") is None
        assert await users.get("s-05", include_deleted=True) is None
        assert await users.get_many(["s-01", "s-02"]) == {}
        assert (await users.list(RosterQuery(status=None))).items == []
        assert await users.count(RosterQuery(status=None)) == 0
        assert await users.active_ids(["s-01"]) == set()


async def test_nothing_is_saved_without_a_commit(backend: Backend, tenant: TenantId) -> None:
    async with backend.uow(tenant) as uow:
        await uow.roster(RosterKind.ORG).save(DISTRICT)
        assert await uow.roster(RosterKind.ORG).get("org-d") == DISTRICT  # seen in its own work
    with pytest.raises(RuntimeError, match="a use case failed"):
        await _save_then_fail(backend, tenant)
    async with backend.uow(tenant) as uow:
        assert await uow.roster(RosterKind.ORG).get_many(["org-d", "org-s1"]) == {}


async def _save_then_fail(backend: Backend, tenant: TenantId) -> None:
    async with backend.uow(tenant) as uow:
        await uow.roster(RosterKind.ORG).save(SCHOOL)
        raise RuntimeError("a use case failed")


async def test_work_after_a_commit_is_rolled_back(backend: Backend, tenant: TenantId) -> None:
    async with backend.uow(tenant) as uow:
        await uow.roster(RosterKind.ORG).save(DISTRICT)
        await uow.commit()
        await uow.roster(RosterKind.ORG).save(SCHOOL)
    async with backend.uow(tenant) as uow:
        assert set(await uow.roster(RosterKind.ORG).get_many(["org-d", "org-s1"])) == {"org-d"}


def _connection(**changes: object) -> RosterConnection:
    connection = RosterConnection(
        base_url="https://sis.example.org/ims/oneroster/v1p1",
        version=OneRosterVersion.V1_1,
        auth=ProviderAuth.OAUTH2,
        client_id="client",
        client_secret_sealed="sealed",
        token_url="https://sis.example.org/token",
        scopes=("roster-core.readonly", "roster-demographics.readonly"),
        synced_through=None,
        updated_at=AT,
    )
    return replace(connection, **changes)  # type: ignore[arg-type]


async def test_a_roster_connection_is_kept_replaced_and_deleted(
    backend: Backend, tenant: TenantId, other_tenant: TenantId
) -> None:
    async with backend.uow(tenant) as uow:
        assert await uow.roster_connection.get() is None
        assert await uow.roster_connection.delete() is False
        await uow.roster_connection.save(_connection())
        await uow.commit()
    synced = _connection(synced_through=day(2), scopes=())
    async with backend.uow(tenant) as uow:
        assert await uow.roster_connection.get() == _connection()
        await uow.roster_connection.save(synced)
        await uow.commit()
    async with backend.uow(other_tenant) as uow:
        assert await uow.roster_connection.get() is None
    async with backend.uow(tenant) as uow:
        assert await uow.roster_connection.get() == synced
        assert await uow.roster_connection.delete() is True
        await uow.commit()
    async with backend.uow(tenant) as uow:
        assert await uow.roster_connection.get() is None
