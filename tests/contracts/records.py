"""Records the contract tests store: a small school with one class, and a framework."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from app.domain.frameworks import Competency, Framework, RollupRule
from app.domain.roster import (
    AcademicSession,
    Course,
    Demographics,
    Enrollment,
    EnrollmentRole,
    Org,
    OrgType,
    RecordStatus,
    RoleAssignment,
    RoleType,
    RosterRecord,
    SchoolClass,
    SessionType,
    Sex,
    User,
    UserRole,
)
from app.ports.unit_of_work import UnitOfWork

AT = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)


def day(n: float) -> datetime:
    return AT + timedelta(days=n)


DISTRICT = Org(id="org-d", name="District", type=OrgType.DISTRICT, updated_at=AT)
SCHOOL = Org(
    id="org-s1",
    name="North",
    type=OrgType.SCHOOL,
    parent_id="org-d",
    identifier="N1",
    updated_at=AT,
)
OTHER_SCHOOL = Org(id="org-s2", name="South", type=OrgType.SCHOOL, parent_id="org-d", updated_at=AT)
YEAR = AcademicSession(
    id="y2025",
    title="2025-26",
    type=SessionType.SCHOOL_YEAR,
    start_date=date(2025, 8, 1),
    end_date=date(2026, 6, 30),
    school_year="2026",
    updated_at=AT,
)
COURSE = Course(
    id="course-m",
    title="Math 5",
    org_id="org-s1",
    grades=("05",),
    subjects=("math",),
    updated_at=AT,
)
CLASS = SchoolClass(
    id="class-1",
    title="Math 5A",
    course_id="course-m",
    school_id="org-s1",
    session_ids=("y2025",),
    grades=("05",),
    updated_at=AT,
)
CLASS_2 = replace(CLASS, id="class-2", title="Math 5B", school_id="org-s2")


def student(
    id_: str,
    given: str = "Ann",
    family: str = "Lee",
    *,
    orgs: Sequence[str] = ("org-s1",),
    grades: Sequence[str] = ("05",),
    identifier: str | None = None,
) -> User:
    return User(
        id=id_,
        role=UserRole.STUDENT,
        given_name=given,
        family_name=family,
        org_ids=tuple(orgs),
        grades=tuple(grades),
        identifier=identifier,
        updated_at=AT,
    )


TEACHER = User(
    id="t-1",
    role=UserRole.TEACHER,
    given_name="Tom",
    family_name="Tan",
    org_ids=("org-s1",),
    email="tom@example.org",
    primary_org_id="org-s1",
    roles=(
        RoleAssignment(
            role=UserRole.TEACHER,
            org_id="org-s1",
            role_type=RoleType.PRIMARY,
            begin_date=date(2025, 8, 1),
            id="role-1",
            source_modified_at=datetime(2025, 8, 1, 9, 30, tzinfo=UTC),
        ),
    ),
    updated_at=AT,
)


def enrollment(
    id_: str, user_id: str, class_id: str = "class-1", role: EnrollmentRole = EnrollmentRole.STUDENT
) -> Enrollment:
    return Enrollment(
        id=id_, class_id=class_id, user_id=user_id, role=role, primary=True, updated_at=AT
    )


def demographics(user_id: str, sex: Sex | None = None, **flags: bool) -> Demographics:
    return Demographics(id=user_id, sex=sex, birth_date=date(2015, 3, 2), updated_at=AT, **flags)


def retired(record: RosterRecord) -> RosterRecord:
    return replace(record, status=RecordStatus.TOBEDELETED)


async def store(uow: UnitOfWork, *records: RosterRecord) -> None:
    """Save records (each kind in turn, as references point) and commit."""
    for record in records:
        await uow.roster(record.kind).save(record)
    await uow.commit()


def framework(id_: str = "math", prefix: str = "m") -> Framework:
    """A domain with two standards (`{prefix}1a`, `{prefix}1b`) and a loose standard."""
    return Framework(
        id=id_,
        title=f"Framework {id_}",
        competencies=(
            Competency(f"{prefix}1", "M.1", "Number", kind="Domain", rollup=RollupRule()),
            Competency(f"{prefix}1a", "M.1.a", "Count", kind="Standard", parent_id=f"{prefix}1"),
            Competency(
                f"{prefix}1b",
                "M.1.b",
                "Compare",
                kind="Standard",
                parent_id=f"{prefix}1",
                position=1,
            ),
            Competency(f"{prefix}2", "M.2", "Measure", kind="Standard", position=1),
        ),
    )
