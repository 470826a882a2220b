"""REST shapes of roster records: `<Thing>Write` is a PUT body, `<Thing>Read` an answer."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from app.api.bounded import ZonedInstant
from app.domain.roster import (
    EnrollmentRole,
    OrgType,
    RecordStatus,
    RoleType,
    SessionType,
    Sex,
    UserRole,
)

_ID = Field(min_length=1, max_length=255)
_TEXT = Field(min_length=1, max_length=1000)


class _Write(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(
        default=None, description="Optional; when given it must equal the id in the path."
    )


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str = Field(description="The district's sourcedId.")
    status: RecordStatus
    updated_at: datetime


class OrgFields(BaseModel):
    name: str = _TEXT
    type: OrgType
    parent_id: str | None = None
    identifier: str | None = None


class OrgWrite(OrgFields, _Write):
    pass


class OrgRead(OrgFields, _Read):
    pass


class AcademicSessionFields(BaseModel):
    title: str = _TEXT
    type: SessionType
    start_date: date
    end_date: date
    parent_id: str | None = None
    school_year: str | None = Field(default=None, max_length=16)


class AcademicSessionWrite(AcademicSessionFields, _Write):
    pass


class AcademicSessionRead(AcademicSessionFields, _Read):
    pass


class CourseFields(BaseModel):
    title: str = _TEXT
    org_id: str = _ID
    course_code: str | None = None
    grades: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    school_year_id: str | None = None


class CourseWrite(CourseFields, _Write):
    pass


class CourseRead(CourseFields, _Read):
    pass


class ClassFields(BaseModel):
    title: str = _TEXT
    course_id: str = _ID
    school_id: str = _ID
    session_ids: tuple[str, ...] = ()
    class_code: str | None = None
    class_type: str | None = Field(default=None, max_length=32)
    location: str | None = None
    grades: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()


class ClassWrite(ClassFields, _Write):
    pass


class ClassRead(ClassFields, _Read):
    pass


class RoleAssignmentFields(BaseModel):
    """One of a user's roles at an org, as a OneRoster 1.2 SIS lists it."""

    model_config = ConfigDict(from_attributes=True)

    role: UserRole
    org_id: str = _ID
    role_type: RoleType = RoleType.PRIMARY
    begin_date: date | None = None
    end_date: date | None = None
    id: str | None = Field(default=None, description="The SIS's sourcedId of the role.")
    source_modified_at: ZonedInstant | None = None


class UserFields(BaseModel):
    role: UserRole = Field(description="The user's main role (its primary 1.2 role).")
    given_name: str = _TEXT
    family_name: str = _TEXT
    middle_name: str | None = None
    org_ids: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    identifier: str | None = None
    email: str | None = Field(default=None, max_length=320)
    username: str | None = None
    enabled: bool = True
    primary_org_id: str | None = None
    roles: tuple[RoleAssignmentFields, ...] = Field(
        default=(), description="Every role the user holds at an org (OneRoster 1.2)."
    )


class UserWrite(UserFields, _Write):
    pass


class UserRead(UserFields, _Read):
    pass


class EnrollmentFields(BaseModel):
    class_id: str = _ID
    user_id: str = _ID
    role: EnrollmentRole
    primary: bool = False
    begin_date: date | None = None
    end_date: date | None = None


class EnrollmentWrite(EnrollmentFields, _Write):
    pass


class EnrollmentRead(EnrollmentFields, _Read):
    pass


class DemographicsFields(BaseModel):
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


class DemographicsWrite(DemographicsFields, _Write):
    pass


class DemographicsRead(DemographicsFields, _Read):
    id: str = Field(description="The user's sourcedId.")
