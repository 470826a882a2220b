"""OneRoster rows read by the domain's rules: values, vocabularies, roles, the reference table."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.domain.oneroster.files import FileMode
from app.domain.oneroster.references import REFERENCE_FIELDS
from app.domain.oneroster.roles import RoleRow, main_role, merge_roles, org_ids_of
from app.domain.oneroster.rows import read_role_row, read_row
from app.domain.oneroster.values import parse_date, parse_instant
from app.domain.roster import (
    AcademicSession,
    Course,
    Demographics,
    Enrollment,
    Org,
    OrgType,
    RoleAssignment,
    RoleType,
    RosterKind,
    RosterRecord,
    SchoolClass,
    SessionType,
    User,
    UserRole,
)


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("2023-05-01T18:25:43.511Z", datetime(2023, 5, 1, 18, 25, 43, 511000, tzinfo=UTC)),
        ("2023-05-01", datetime(2023, 5, 1, tzinfo=UTC)),
        ("2017-05-06 08:01:05", datetime(2017, 5, 6, 8, 1, 5, tzinfo=UTC)),
        ("2023-10-02T02:00:00+02:00", datetime(2023, 10, 2, 0, 0, tzinfo=UTC)),
    ],
)
def test_date_last_modified_in_the_forms_sis_exports_use(text: str, instant: datetime) -> None:
    assert parse_instant(text) == instant


def test_a_date_field_given_an_instant_takes_its_date() -> None:
    assert parse_date("2022-03-15T00:00:00Z") == date(2022, 3, 15)


def test_booleans_and_vocabularies_match_whatever_their_case() -> None:
    read = read_row(
        RosterKind.CLASS,
        {
            "sourcedId": "k",
            "status": "Active",
            "dateLastModified": "",
            "title": "T",
            "courseSourcedId": "c",
            "schoolSourcedId": "s",
            "classType": "Scheduled",
            "grades": "09, 10",
            "termSourcedIds": "t1,t2",
        },
        2,
        FileMode.BULK,
    )
    assert read.problems == []
    assert isinstance(read.record, SchoolClass)
    assert (read.record.class_type, read.record.grades, read.record.session_ids) == (
        "scheduled",
        ("09", "10"),
        ("t1", "t2"),
    )


def test_a_delta_row_must_carry_status_and_date_last_modified() -> None:
    read = read_row(
        RosterKind.ORG, {"sourcedId": "o", "name": "N", "type": "school"}, 7, FileMode.DELTA
    )
    assert [(p.loc, p.msg) for p in read.problems] == [
        (("status",), "status is required in a delta file"),
        (("dateLastModified",), "dateLastModified is required in a delta file"),
    ]


def test_a_retiring_row_needs_only_its_sourced_id() -> None:
    read = read_row(
        RosterKind.ENROLLMENT,
        {"sourcedId": "e", "status": "tobedeleted", "dateLastModified": "2026-09-01"},
        3,
        FileMode.DELTA,
    )
    assert (read.deleting, read.record, read.problems) == (True, None, [])


def test_a_1_1_file_is_held_to_1_1_roles_and_roles_csv_to_1_2_ones() -> None:
    user = read_row(
        RosterKind.USER,
        {"sourcedId": "u", "role": "principal", "givenName": "A", "familyName": "B"},
        2,
        FileMode.BULK,
    )
    assert [p.loc for p in user.problems] == [("role",)]
    role = read_role_row(
        {"sourcedId": "r", "userSourcedId": "u", "roleType": "primary", "role": "principal",
         "orgSourcedId": "s"},
        2,
        FileMode.BULK,
    )  # fmt: skip
    assert role.problems == []


TEACHER = RoleAssignment(role=UserRole.TEACHER, org_id="s1", id="r1")
COUNSELOR = RoleAssignment(
    role=UserRole.COUNSELOR, org_id="s2", role_type=RoleType.SECONDARY, id="r2",
    source_modified_at=datetime(2026, 9, 1, tzinfo=UTC),
)  # fmt: skip


def test_a_users_main_role_is_its_first_primary_one() -> None:
    assert main_role((COUNSELOR, TEACHER)) == UserRole.TEACHER
    assert org_ids_of((COUNSELOR, TEACHER), "s1") == ("s1", "s2")


def test_a_delta_role_row_older_than_the_stored_role_is_ignored() -> None:
    older = RoleRow("u", None, "r2", datetime(2026, 8, 1, tzinfo=UTC))
    newer = RoleRow("u", None, "r1", datetime(2026, 9, 2, tzinfo=UTC))
    assert merge_roles((TEACHER, COUNSELOR), [older, newer], FileMode.DELTA) == (COUNSELOR,)
    assert merge_roles((TEACHER, COUNSELOR), [], FileMode.BULK) == ()


SAMPLES: list[RosterRecord] = [
    Org(id="o", name="N", type=OrgType.SCHOOL, parent_id="p"),
    AcademicSession(
        id="a", title="T", type=SessionType.TERM, start_date=date(2026, 1, 1),
        end_date=date(2026, 2, 1), parent_id="p",
    ),
    Course(id="c", title="T", org_id="o", school_year_id="y"),
    SchoolClass(id="k", title="T", course_id="c", school_id="s", session_ids=("t",)),
    User(id="u", role=UserRole.STUDENT, given_name="G", family_name="F", org_ids=("o",),
         primary_org_id="o"),
    Enrollment(id="e", class_id="k", user_id="u", role="student"),  # type: ignore[arg-type]
    Demographics(id="u"),
]  # fmt: skip


@pytest.mark.parametrize("record", SAMPLES, ids=lambda r: r.kind.value)
def test_the_reference_table_agrees_with_what_records_point_to(record: RosterRecord) -> None:
    pointed = {(str(ref.loc[0]), ref.kind) for ref in record.references()}
    if isinstance(record, Demographics):  # a user's demographics point to it by their own id
        pointed = {("id", kind) for _, kind in pointed}
    assert pointed == {(f.field, f.target) for f in REFERENCE_FIELDS[record.kind]}
