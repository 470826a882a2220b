"""The district's roster, shaped after OneRoster 1.2: orgs, sessions, courses, classes, users,
enrollments and demographics. Ids are the district's own `sourcedId` strings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from app.domain.errors import Location, Problem


class RecordStatus(StrEnum):
    """OneRoster's record status: `tobedeleted` records are kept for history, hidden from reads."""

    ACTIVE = "active"
    TOBEDELETED = "tobedeleted"


class RosterKind(StrEnum):
    """The kinds of roster record, named as the REST resources are."""

    ORG = "org"
    ACADEMIC_SESSION = "academic_session"
    COURSE = "course"
    CLASS = "class"
    USER = "user"
    ENROLLMENT = "enrollment"
    DEMOGRAPHICS = "demographics"


class OrgType(StrEnum):
    DISTRICT = "district"
    SCHOOL = "school"
    DEPARTMENT = "department"
    LOCAL = "local"
    STATE = "state"
    NATIONAL = "national"


class SessionType(StrEnum):
    SCHOOL_YEAR = "schoolYear"
    SEMESTER = "semester"
    TERM = "term"
    GRADING_PERIOD = "gradingPeriod"


class UserRole(StrEnum):
    """OneRoster 1.1's roles and 1.2's finer ones (a 1.2 SIS says which administrator)."""

    STUDENT = "student"
    TEACHER = "teacher"
    ADMINISTRATOR = "administrator"
    AIDE = "aide"
    GUARDIAN = "guardian"
    PARENT = "parent"
    PROCTOR = "proctor"
    RELATIVE = "relative"
    COUNSELOR = "counselor"
    PRINCIPAL = "principal"
    DISTRICT_ADMINISTRATOR = "districtAdministrator"
    SITE_ADMINISTRATOR = "siteAdministrator"
    SYSTEM_ADMINISTRATOR = "systemAdministrator"


class RoleType(StrEnum):
    """Whether a 1.2 role is the user's main one at its org."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


class EnrollmentRole(StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"
    ADMINISTRATOR = "administrator"
    AIDE = "aide"
    PROCTOR = "proctor"


class Sex(StrEnum):
    """OneRoster 1.2 sex vocabulary."""

    MALE = "male"
    FEMALE = "female"
    UNSPECIFIED = "unspecified"
    OTHER = "other"


@dataclass(frozen=True)
class Reference:
    """A record's pointer to another record, which must exist (and be active) for it to be saved."""

    loc: Location
    kind: RosterKind
    id: str


@dataclass(frozen=True, kw_only=True)
class RosterRecord:
    """What every roster record has: the district's id, a status and when it last changed."""

    id: str
    status: RecordStatus = RecordStatus.ACTIVE
    updated_at: datetime | None = None
    # When the source system (the SIS) last changed the record: its `dateLastModified`.
    source_modified_at: datetime | None = None

    kind: ClassVar[RosterKind] = RosterKind.ORG  # each record type names its own

    def references(self) -> Iterator[Reference]:
        """The other records this one points to."""
        return iter(())

    def problems(self) -> list[Problem]:
        """Rules a record must keep on its own (references are checked against storage)."""
        return []

    def same_content(self, other: RosterRecord) -> bool:
        """Whether two versions say the same thing, ignoring status and timestamps."""
        return _content(self) == _content(other)


def _content(record: RosterRecord) -> dict[str, object]:
    return {k: v for k, v in record.__dict__.items() if k not in _NOT_CONTENT}


_NOT_CONTENT = ("status", "updated_at", "source_modified_at")


def _ref(loc: str, kind: RosterKind, id_: str | None) -> Iterator[Reference]:
    if id_:
        yield Reference((loc,), kind, id_)


def _refs(loc: str, kind: RosterKind, ids: tuple[str, ...]) -> Iterator[Reference]:
    for i, id_ in enumerate(ids):
        yield Reference((loc, i), kind, id_)


def _date_order(
    start: date | None, end: date | None, start_loc: str, end_loc: str
) -> list[Problem]:
    if start is not None and end is not None and end < start:
        return [Problem((end_loc,), f"must not be before {start_loc} ({start.isoformat()})")]
    return []


@dataclass(frozen=True, kw_only=True)
class Org(RosterRecord):
    """A district, school or other organisation."""

    name: str
    type: OrgType
    parent_id: str | None = None
    identifier: str | None = None

    kind: ClassVar[RosterKind] = RosterKind.ORG

    def references(self) -> Iterator[Reference]:
        yield from _ref("parent_id", RosterKind.ORG, self.parent_id)

    def problems(self) -> list[Problem]:
        if self.parent_id == self.id:
            return [Problem(("parent_id",), "an org cannot be its own parent")]
        return []


@dataclass(frozen=True, kw_only=True)
class AcademicSession(RosterRecord):
    """A school year, semester, term or grading period."""

    title: str
    type: SessionType
    start_date: date
    end_date: date
    parent_id: str | None = None
    school_year: str | None = None

    kind: ClassVar[RosterKind] = RosterKind.ACADEMIC_SESSION

    def references(self) -> Iterator[Reference]:
        yield from _ref("parent_id", RosterKind.ACADEMIC_SESSION, self.parent_id)

    def problems(self) -> list[Problem]:
        found = _date_order(self.start_date, self.end_date, "start_date", "end_date")
        if self.parent_id == self.id:
            found.append(Problem(("parent_id",), "a session cannot be its own parent"))
        return found


@dataclass(frozen=True, kw_only=True)
class Course(RosterRecord):
    """A course in the catalogue of an org (its classes are the sections that meet)."""

    title: str
    org_id: str
    course_code: str | None = None
    grades: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    school_year_id: str | None = None

    kind: ClassVar[RosterKind] = RosterKind.COURSE

    def references(self) -> Iterator[Reference]:
        yield from _ref("org_id", RosterKind.ORG, self.org_id)
        yield from _ref("school_year_id", RosterKind.ACADEMIC_SESSION, self.school_year_id)


@dataclass(frozen=True, kw_only=True)
class SchoolClass(RosterRecord):
    """A class (section) of a course at a school, in one or more terms."""

    title: str
    course_id: str
    school_id: str
    session_ids: tuple[str, ...] = ()
    class_code: str | None = None
    class_type: str | None = None
    location: str | None = None
    grades: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()

    kind: ClassVar[RosterKind] = RosterKind.CLASS

    def references(self) -> Iterator[Reference]:
        yield from _ref("course_id", RosterKind.COURSE, self.course_id)
        yield from _ref("school_id", RosterKind.ORG, self.school_id)
        yield from _refs("session_ids", RosterKind.ACADEMIC_SESSION, self.session_ids)


@dataclass(frozen=True, kw_only=True)
class RoleAssignment:
    """One of a user's roles at an org (OneRoster 1.2); `id` is the SIS's id for it, if any."""

    role: UserRole
    org_id: str
    role_type: RoleType = RoleType.PRIMARY
    begin_date: date | None = None
    end_date: date | None = None
    id: str | None = None
    source_modified_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class User(RosterRecord):
    """A student, teacher, administrator or other person known to the district. `role` is the
    user's main role; a 1.2 SIS also lists every role the user holds at each org in `roles`."""

    role: UserRole
    given_name: str
    family_name: str
    middle_name: str | None = None
    org_ids: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    identifier: str | None = None
    email: str | None = None
    username: str | None = None
    enabled: bool = True
    primary_org_id: str | None = None
    roles: tuple[RoleAssignment, ...] = ()

    kind: ClassVar[RosterKind] = RosterKind.USER

    def references(self) -> Iterator[Reference]:
        yield from _refs("org_ids", RosterKind.ORG, self.org_ids)
        yield from _ref("primary_org_id", RosterKind.ORG, self.primary_org_id)
        for i, assignment in enumerate(self.roles):
            yield Reference(("roles", i, "org_id"), RosterKind.ORG, assignment.org_id)

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        for i, assignment in enumerate(self.roles):
            found += [
                Problem(("roles", i, *p.loc), p.msg)
                for p in _date_order(
                    assignment.begin_date, assignment.end_date, "begin_date", "end_date"
                )
            ]
        return found


@dataclass(frozen=True, kw_only=True)
class Enrollment(RosterRecord):
    """A user's place in a class, as a student, teacher or other role."""

    class_id: str
    user_id: str
    role: EnrollmentRole
    primary: bool = False
    begin_date: date | None = None
    end_date: date | None = None

    kind: ClassVar[RosterKind] = RosterKind.ENROLLMENT

    def references(self) -> Iterator[Reference]:
        yield from _ref("class_id", RosterKind.CLASS, self.class_id)
        yield from _ref("user_id", RosterKind.USER, self.user_id)

    def problems(self) -> list[Problem]:
        return _date_order(self.begin_date, self.end_date, "begin_date", "end_date")


RACE_FLAGS: tuple[str, ...] = (
    "american_indian_or_alaska_native",
    "asian",
    "black_or_african_american",
    "native_hawaiian_or_other_pacific_islander",
    "white",
)


@dataclass(frozen=True, kw_only=True)
class Demographics(RosterRecord):
    """A user's demographics; `id` is the user's id. Flags are true, false or unknown (None)."""

    sex: Sex | None = None
    birth_date: date | None = None
    american_indian_or_alaska_native: bool | None = None
    asian: bool | None = None
    black_or_african_american: bool | None = None
    native_hawaiian_or_other_pacific_islander: bool | None = None
    white: bool | None = None
    two_or_more_races: bool | None = None
    hispanic_or_latino: bool | None = None
    english_learner: bool | None = None
    special_education: bool | None = None
    economically_disadvantaged: bool | None = None

    kind: ClassVar[RosterKind] = RosterKind.DEMOGRAPHICS

    def references(self) -> Iterator[Reference]:
        yield Reference(("user_id",), RosterKind.USER, self.id)


# The record type of each kind, for code that reads records of any kind.
RECORD_TYPES: dict[RosterKind, type[RosterRecord]] = {
    record.kind: record
    for record in (Org, AcademicSession, Course, SchoolClass, User, Enrollment, Demographics)
}
