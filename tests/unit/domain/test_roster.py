from __future__ import annotations

from datetime import UTC, date, datetime

from app.domain.errors import Problem
from app.domain.roster import (
    AcademicSession,
    Demographics,
    Enrollment,
    EnrollmentRole,
    Org,
    OrgType,
    RecordStatus,
    Reference,
    RosterKind,
    SchoolClass,
    SessionType,
)


def test_a_class_names_its_course_school_and_every_session() -> None:
    klass = SchoolClass(id="c", title="T", course_id="co", school_id="s", session_ids=("t1", "t2"))
    assert list(klass.references()) == [
        Reference(("course_id",), RosterKind.COURSE, "co"),
        Reference(("school_id",), RosterKind.ORG, "s"),
        Reference(("session_ids", 0), RosterKind.ACADEMIC_SESSION, "t1"),
        Reference(("session_ids", 1), RosterKind.ACADEMIC_SESSION, "t2"),
    ]


def test_demographics_point_at_their_user() -> None:
    assert list(Demographics(id="u").references()) == [
        Reference(("user_id",), RosterKind.USER, "u")
    ]


def test_an_org_without_parent_references_nothing_and_cannot_parent_itself() -> None:
    assert list(Org(id="o", name="O", type=OrgType.DISTRICT).references()) == []
    assert Org(id="o", name="O", type=OrgType.SCHOOL, parent_id="o").problems() == [
        Problem(("parent_id",), "an org cannot be its own parent")
    ]


def test_dates_must_be_in_order() -> None:
    session = AcademicSession(
        id="s",
        title="S",
        type=SessionType.TERM,
        start_date=date(2026, 9, 1),
        end_date=date(2026, 8, 31),
    )
    assert session.problems() == [
        Problem(("end_date",), "must not be before start_date (2026-09-01)")
    ]
    enrollment = Enrollment(
        id="e",
        class_id="c",
        user_id="u",
        role=EnrollmentRole.STUDENT,
        begin_date=date(2026, 9, 1),
        end_date=date(2026, 9, 1),
    )
    assert enrollment.problems() == []


def test_same_content_ignores_status_and_timestamps() -> None:
    a = Org(id="o", name="O", type=OrgType.SCHOOL)
    b = Org(
        id="o",
        name="O",
        type=OrgType.SCHOOL,
        status=RecordStatus.TOBEDELETED,
        updated_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert a.same_content(b)
    assert not a.same_content(Org(id="o", name="P", type=OrgType.SCHOOL))
