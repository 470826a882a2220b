"""Importing OneRoster CSV sets written from the spec: bulk, delta, stale rows, bad rows, re-runs;
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.errors import Invalid
from app.domain.roster import (
    Demographics,
    Enrollment,
    RecordStatus,
    RoleAssignment,
    RoleType,
    RosterKind,
    RosterRecord,
    SchoolClass,
    User,
    UserRole,
)
from app.ports.roster import RosterQuery
from app.use_cases.import_report import ImportReport
from app.use_cases.roster_import import ImportRejected
from tests.integration import oneroster_sets as sets

AUG_1 = datetime(2026, 8, 1, tzinfo=UTC)


async def _import(
    container: Container, tenant: Tenant, folder: Path, skip_invalid: bool = False
) -> ImportReport:
    source = container.adapters.roster_files.open(folder)
    try:
        return await container.use_cases.roster_imports.import_roster(
            tenant.id, source, skip_invalid=skip_invalid
        )
    finally:
        await source.close()


async def _get(container: Container, tenant: Tenant, kind: RosterKind, id_: str) -> RosterRecord:
    async with container.adapters.uow(tenant.id) as uow:
        record = await uow.roster(kind).get(id_, include_deleted=True)
    assert record is not None, f"{kind} {id_} is not stored"
    return record


async def _ids(container: Container, tenant: Tenant, kind: RosterKind) -> list[str]:
    async with container.adapters.uow(tenant.id) as uow:
        page = await uow.roster(kind).list(RosterQuery(status=None, limit=1000))
    return [r.id for r in page.items]


def _counts(report: ImportReport) -> dict[str, tuple[int, ...]]:
    """Per file: rows, skipped, created, updated, unchanged, stale, deleted, retired."""
    return {
        name: (f.rows, f.skipped, f.created, f.updated, f.unchanged, f.stale, f.deleted, f.retired)
        for name, f in report.files.items()
    }


async def test_a_1_1_bulk_set_imports_every_record(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    report = await _import(container, tenant, sets.write_set(tmp_path, sets.BULK_1_1))
    assert report.written
    assert report.problem_count == 0
    assert _counts(report) == {
        "orgs.csv": (2, 0, 2, 0, 0, 0, 0, 0),
        "academicSessions.csv": (2, 0, 2, 0, 0, 0, 0, 0),
        "courses.csv": (1, 0, 1, 0, 0, 0, 0, 0),
        "classes.csv": (1, 0, 1, 0, 0, 0, 0, 0),
        "users.csv": (3, 0, 3, 0, 0, 0, 0, 0),
        "enrollments.csv": (3, 0, 3, 0, 0, 0, 0, 0),
        "demographics.csv": (1, 0, 1, 0, 0, 0, 0, 0),
    }
    sue = await _get(container, tenant, RosterKind.USER, "u3")
    assert isinstance(sue, User)
    assert (sue.role, sue.org_ids, sue.grades, sue.enabled) == (
        UserRole.STUDENT,
        ("s1", "d1"),
        ("04", "05"),
        False,
    )
    assert sue.source_modified_at == AUG_1
    klass = await _get(container, tenant, RosterKind.CLASS, "k1")
    assert isinstance(klass, SchoolClass)
    assert (klass.session_ids, klass.class_type, klass.location) == (
        ("y1", "t1"),
        "scheduled",
        "Room 4",
    )
    teaching = await _get(container, tenant, RosterKind.ENROLLMENT, "e1")
    assert isinstance(teaching, Enrollment)
    assert (teaching.primary, teaching.begin_date) == (True, date(2026, 8, 17))
    sam = await _get(container, tenant, RosterKind.DEMOGRAPHICS, "u2")
    assert isinstance(sam, Demographics)
    assert (sam.sex, sam.birth_date, sam.white, sam.hispanic_or_latino, sam.asian) == (
        "female",
        date(2016, 4, 2),
        True,
        True,
        False,
    )
    async with container.adapters.uow(tenant.id) as uow:
        in_school = await uow.roster(RosterKind.USER).list(RosterQuery(filters={"org_id": "d1"}))
        in_grade5 = await uow.roster(RosterKind.USER).list(RosterQuery(filters={"grade": "05"}))
    assert [u.id for u in in_school.items] == ["u3"]
    assert [u.id for u in in_grade5.items] == ["u3"]


async def test_importing_the_same_files_again_changes_nothing(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    folder = sets.write_set(tmp_path, sets.BULK_1_1)
    await _import(container, tenant, folder)
    before = await _get(container, tenant, RosterKind.USER, "u2")
    again = await _import(container, tenant, folder)
    changes = {name: (f.created, f.updated, f.retired) for name, f in again.files.items()}
    assert changes == dict.fromkeys(again.files, (0, 0, 0))
    assert again.files["enrollments.csv"].unchanged == 3
    after = await _get(container, tenant, RosterKind.USER, "u2")
    assert after.updated_at == before.updated_at


async def test_a_delta_updates_adds_retires_and_ignores_older_rows(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    await _import(container, tenant, sets.write_set(tmp_path / "bulk", sets.BULK_1_1))
    report = await _import(container, tenant, sets.write_set(tmp_path / "delta", sets.DELTA_1_1))
    assert _counts(report) == {
        "users.csv": (3, 0, 1, 1, 0, 1, 0, 0),
        "enrollments.csv": (2, 0, 1, 0, 0, 0, 1, 0),
    }
    sam = await _get(container, tenant, RosterKind.USER, "u2")
    sue = await _get(container, tenant, RosterKind.USER, "u3")
    assert isinstance(sam, User)
    assert isinstance(sue, User)
    assert sam.given_name == "Samuel"
    assert sue.given_name == "Sue"  # the delta row was older than what is stored
    assert (await _get(container, tenant, RosterKind.ENROLLMENT, "e3")).status == "tobedeleted"
    assert (await _get(container, tenant, RosterKind.ENROLLMENT, "e4")).status == "active"
    assert await _ids(container, tenant, RosterKind.ORG) == ["d1", "s1"]  # absent: untouched


async def test_a_bulk_file_retires_what_it_no_longer_lists(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    await _import(container, tenant, sets.write_set(tmp_path / "first", sets.BULK_1_1))
    without_sue = dict(sets.BULK_1_1)
    without_sue["users.csv"] = "\n".join(sets.USERS_1_1.splitlines()[:3]) + "\n"
    without_sue["enrollments.csv"] = "\n".join(sets.ENROLLMENTS.splitlines()[:3]) + "\n"
    without_sue["demographics.csv"] = sets.DEMOGRAPHICS
    report = await _import(container, tenant, sets.write_set(tmp_path / "second", without_sue))
    assert report.files["users.csv"].retired == 1
    assert report.files["enrollments.csv"].retired == 1
    assert (await _get(container, tenant, RosterKind.USER, "u3")).status == RecordStatus.TOBEDELETED


# One bad row per file type, the problem it must be reported with, and nothing written.
BAD_ROWS = [
    (
        "orgs.csv",
        "s2,active,,Hill School,campus,,d1",
        4,
        "type",
        "type 'campus' is not one of district, school, department, local, state, national",
    ),
    (
        "academicSessions.csv",
        "t2,active,,Spring,semester,2027-01-19,2026-06-11,y1,2027",
        4,
        "endDate",
        "must not be before start_date (2027-01-19)",
    ),
    (
        "courses.csv",
        "c2,active,,y1,Science 4,S4,04,nowhere,Science,",
        3,
        "orgSourcedId",
        "orgSourcedId 'nowhere' is not in orgs.csv nor in the roster",
    ),
    (
        "classes.csv",
        "k2,active,,Science 4 - A,04,c1,S4A,lab,,s1,t1,,,",
        3,
        "classType",
        "classType 'lab' is not one of homeroom, scheduled",
    ),
    (
        "users.csv",
        "u9,active,,maybe,s1,student,una,,Una,Known,,S9,,,,,04,",
        5,
        "enabledUser",
        "enabledUser 'maybe' is not true or false",
    ),
    (
        "enrollments.csv",
        "e9,active,,k1,s1,u99,student,false,,",
        5,
        "userSourcedId",
        "userSourcedId 'u99' is not in users.csv nor in the roster",
    ),
    (
        "demographics.csv",
        "u1,active,,2016-13-40,male,,,,,,,,,,,",
        3,
        "birthDate",
        "birthDate '2016-13-40' is not a date (YYYY-MM-DD)",
    ),
]


@pytest.mark.parametrize(("file", "row", "line", "column", "message"), BAD_ROWS)
async def test_a_bad_row_is_named_by_file_and_line_and_nothing_is_written(
    container: Container,
    tenant: Tenant,
    tmp_path: Path,
    file: str,
    row: str,
    line: int,
    column: str,
    message: str,
) -> None:
    files = dict(sets.BULK_1_1)
    files[file] = files[file] + row + "\n"
    with pytest.raises(ImportRejected) as rejected:
        await _import(container, tenant, sets.write_set(tmp_path, files))
    assert [(p.loc, p.msg) for p in rejected.value.problems] == [((file, line, column), message)]
    for kind in RosterKind:
        assert await _ids(container, tenant, kind) == [], f"{kind} was written"


async def test_skip_invalid_imports_every_valid_row_and_reports_each_skipped_one(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    files = dict(sets.BULK_1_1)
    files["users.csv"] += "u9,active,,true,s1,janitor,jan,,Jan,Itor,,S9,,,,,,\n"
    files["enrollments.csv"] += "e9,active,,k1,s1,u9,student,false,,\n"
    report = await _import(container, tenant, sets.write_set(tmp_path, files), skip_invalid=True)
    assert [(p.loc, p.msg) for p in report.problems] == [
        (
            ("users.csv", 5, "role"),
            "role 'janitor' is not one of student, teacher, administrator, aide, guardian, "
            "parent, proctor, relative",
        ),
        (
            ("enrollments.csv", 5, "userSourcedId"),
            "userSourcedId 'u9' is not imported: its row users.csv:5 has a problem",
        ),
    ]
    users, enrollments = report.files["users.csv"], report.files["enrollments.csv"]
    assert (users.rows, users.skipped, users.imported, users.created) == (4, 1, 3, 3)
    assert (enrollments.rows, enrollments.skipped, enrollments.imported) == (4, 1, 3)
    assert await _ids(container, tenant, RosterKind.USER) == ["u1", "u2", "u3"]


async def test_a_repeated_sourced_id_is_a_problem_of_the_later_row(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    files = dict(sets.BULK_1_1)
    files["orgs.csv"] += "s1,active,,Lakeside Elementary Again,school,,d1\n"
    with pytest.raises(ImportRejected) as rejected:
        await _import(container, tenant, sets.write_set(tmp_path, files))
    assert [(p.loc, p.msg) for p in rejected.value.problems] == [
        (("orgs.csv", 4, "sourcedId"), "sourcedId 's1' is also on line 3")
    ]


async def test_a_1_2_set_takes_users_roles_from_roles_csv(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    report = await _import(container, tenant, sets.write_set(tmp_path, sets.BULK_1_2))
    assert report.problem_count == 0
    assert report.files["roles.csv"].rows == 3
    tina = await _get(container, tenant, RosterKind.USER, "u1")
    assert isinstance(tina, User)
    assert (tina.role, tina.org_ids, tina.primary_org_id) == (UserRole.TEACHER, ("s1", "d1"), "s1")
    assert tina.roles == (
        RoleAssignment(
            role=UserRole.TEACHER,
            org_id="s1",
            role_type=RoleType.PRIMARY,
            begin_date=date(2026, 8, 17),
            id="r1",
            source_modified_at=AUG_1,
        ),
        RoleAssignment(
            role=UserRole.DISTRICT_ADMINISTRATOR,
            org_id="d1",
            role_type=RoleType.SECONDARY,
            id="r2",
            source_modified_at=AUG_1,
        ),
    )


async def test_a_1_2_roles_delta_changes_a_user_it_does_not_list(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    await _import(container, tenant, sets.write_set(tmp_path / "bulk", sets.BULK_1_2))
    report = await _import(
        container, tenant, sets.write_set(tmp_path / "delta", sets.DELTA_ROLES_1_2)
    )
    assert report.problem_count == 0
    tina = await _get(container, tenant, RosterKind.USER, "u1")
    assert isinstance(tina, User)
    assert [(r.id, r.role) for r in tina.roles] == [
        ("r1", UserRole.TEACHER),
        ("r4", UserRole.COUNSELOR),
    ]
    assert tina.org_ids == ("s1",)
    async with container.adapters.uow(tenant.id) as uow:
        in_district = await uow.roster(RosterKind.USER).list(RosterQuery(filters={"org_id": "d1"}))
    assert in_district.items == []


async def test_a_manifest_naming_a_missing_file_rejects_the_set(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    files = dict(sets.BULK_1_1)
    del files["courses.csv"]
    with pytest.raises(Invalid) as rejected:
        await _import(container, tenant, sets.write_set(tmp_path, files))
    assert [(p.loc, p.msg) for p in rejected.value.problems] == [
        (("manifest.csv", 7, "value"), "file.courses is bulk but courses.csv is not in the set")
    ]


async def test_a_delta_row_older_than_an_undated_stored_record_is_stale(
    container: Container, tenant: Tenant, tmp_path: Path
) -> None:
    # Finding 12: the bulk file leaves Sue's dateLastModified blank; a delta row dated before
    # that import was applied over her record. Her record's write time (now) counts.
    bulk = dict(sets.BULK_1_1)
    bulk["users.csv"] = sets.USERS_1_1.replace(
        'u3,active,2026-08-01T00:00:00Z,false,"s1,d1"', 'u3,active,,false,"s1,d1"'
    )
    await _import(container, tenant, sets.write_set(tmp_path / "bulk", bulk))
    sue = await _get(container, tenant, RosterKind.USER, "u3")
    assert sue.source_modified_at is None
    delta = dict(sets.DELTA_1_1)
    delta["users.csv"] = sets.DELTA_1_1["users.csv"].replace(
        "u3,active,2026-07-01T00:00:00Z", "u3,active,2026-09-01T00:00:00Z"
    )
    report = await _import(container, tenant, sets.write_set(tmp_path / "delta", delta))
    assert report.files["users.csv"].stale == 1
    sue = await _get(container, tenant, RosterKind.USER, "u3")
    assert isinstance(sue, User)
    assert sue.given_name == "Sue"
    # A row dated after the import is newer, and applied.
    later = dict(delta)
    later["users.csv"] = delta["users.csv"].replace(
        "u3,active,2026-09-01T00:00:00Z", "u3,active,2199-01-01T00:00:00Z"
    )
    report = await _import(container, tenant, sets.write_set(tmp_path / "later", later))
    assert report.files["users.csv"].stale == 0
    sue = await _get(container, tenant, RosterKind.USER, "u3")
    assert isinstance(sue, User)
    assert sue.given_name == "Susan"
