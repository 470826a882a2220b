"""The SQL tables. Every tenant-owned table carries `tenant_id` first in its primary key, so no
row can be reached without naming its tenant. Constraint names follow one convention, which lets
`errors.py` turn an IntegrityError into a domain Conflict by name."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapper
from sqlmodel import Field, SQLModel

from app.adapters.db.types import JsonValue, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata = SQLModel.metadata
# Marks a constraint or an index that only SQLite's schema has (see `_sqlite_key`).
SQLITE_ONLY = "sqlite_only"


def table_of(model: type[SQLModel]) -> sa.Table:
    """The Table behind a `table=True` model. SQLModel sets `__table__` when it builds the class
    but does not declare it, so type checkers cannot see it; the model's mapper names it."""
    mapper: Mapper[Any] = sa.inspect(model)
    table = mapper.local_table
    if not isinstance(table, sa.Table):
        raise TypeError(f"{model.__name__} is not mapped onto a table")
    return table


def _tenant_fk() -> Any:
    return Field(foreign_key="tenants.id", primary_key=True, ondelete="CASCADE")


def _instant(nullable: bool = False, index: bool = False) -> Any:
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


def _json() -> Any:
    return Field(default_factory=list, sa_type=JsonValue, nullable=False)


class TenantRow(SQLModel, table=True):
    __tablename__ = "tenants"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=63, unique=True)
    name: str = Field(max_length=200)
    created_at: datetime = _instant()
    # A new random token whenever the tenant's CASE associations or term closes change, so
    # that memory of them is known current without asking (app.adapters.db.lookups). Random
    # from the start too: two databases' tenant 1 never share one.
    lookups_revision: str = Field(
        default="",
        max_length=32,
        sa_column_kwargs={"default": lambda: uuid.uuid4().hex, "server_default": ""},
    )


class ClientRow(SQLModel, table=True):
    __tablename__ = "clients"

    client_id: str = Field(primary_key=True, max_length=64)
    tenant_id: int = Field(foreign_key="tenants.id", ondelete="CASCADE", index=True)
    name: str = Field(max_length=200)
    scopes: str = Field(max_length=500)
    secret_hash: str = Field(max_length=200)
    created_at: datetime = _instant()
    revoked_at: datetime | None = _instant(nullable=True)
    token_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


class _RosterColumns(SQLModel):
    """Columns every roster table shares; the key is (tenant_id, id)."""

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=255)
    status: str = Field(max_length=16, default="active")
    updated_at: datetime = _instant()
    # The source system's dateLastModified: a delta row older than this is ignored.
    source_modified_at: datetime | None = _instant(nullable=True)
    # The fingerprint of the import row that last wrote the record (NULL when anything else
    # did): a row sent again with the same fingerprint is unchanged and is not read again.
    source_hash: str | None = Field(default=None, max_length=32)


class OrgRow(_RosterColumns, table=True):
    __tablename__ = "orgs"

    name: str
    type: str = Field(max_length=16)
    parent_id: str | None = Field(default=None, max_length=255)
    identifier: str | None = None


class AcademicSessionRow(_RosterColumns, table=True):
    __tablename__ = "academic_sessions"

    title: str
    type: str = Field(max_length=16)
    start_date: date
    end_date: date
    parent_id: str | None = Field(default=None, max_length=255)
    school_year: str | None = Field(default=None, max_length=16)


class CourseRow(_RosterColumns, table=True):
    __tablename__ = "courses"

    title: str
    org_id: str = Field(max_length=255)
    course_code: str | None = None
    grades: list[str] = _json()
    subjects: list[str] = _json()
    school_year_id: str | None = Field(default=None, max_length=255)


class ClassRow(_RosterColumns, table=True):
    __tablename__ = "classes"
    __table_args__ = (
        sa.Index("ix_classes_tenant_id_school_id", "tenant_id", "school_id"),
        sa.Index("ix_classes_tenant_id_course_id", "tenant_id", "course_id"),
    )

    title: str
    course_id: str = Field(max_length=255)
    school_id: str = Field(max_length=255)
    session_ids: list[str] = _json()
    class_code: str | None = None
    class_type: str | None = Field(default=None, max_length=32)
    location: str | None = None
    grades: list[str] = _json()
    subjects: list[str] = _json()


class UserRow(_RosterColumns, table=True):
    __tablename__ = "users"
    __table_args__ = (sa.Index("ix_users_tenant_id_role", "tenant_id", "role"),)

    role: str = Field(max_length=32)
    given_name: str
    family_name: str
    middle_name: str | None = None
    org_ids: list[str] = _json()
    grades: list[str] = _json()
    identifier: str | None = None
    email: str | None = None
    username: str | None = None
    enabled: bool = True
    primary_org_id: str | None = Field(default=None, max_length=255)
    # The 1.2 roles, as the SIS lists them; read whole with the user, never queried apart.
    roles: list[dict[str, Any]] = _json()


def _sqlite_key(
    columns: list[str], referred: list[str], ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    """A roster link to a user or a class: a foreign key on SQLite. PostgreSQL holds the same
    rule by triggers checking a statement's rows as a set, not row by row
    (app/adapters/db/roster_links.py, docs/decisions/0071-roster-links-by-statement.md)."""
    key = sa.ForeignKeyConstraint(columns, referred, ondelete=ondelete, info={SQLITE_ONLY: True})
    return key.ddl_if(dialect="sqlite")


class UserOrgRow(SQLModel, table=True):
    """users.org_ids as rows, so that "the students of a school" is an indexed join."""

    __tablename__ = "user_orgs"
    __table_args__ = (
        _sqlite_key(["tenant_id", "user_id"], ["users.tenant_id", "users.id"], "CASCADE"),
        sa.Index("ix_user_orgs_tenant_id_org_id", "tenant_id", "org_id"),
    )

    tenant_id: int = Field(primary_key=True)
    user_id: str = Field(primary_key=True, max_length=255)
    org_id: str = Field(primary_key=True, max_length=255)


class UserGradeRow(SQLModel, table=True):
    """users.grades as rows, for filtering and grouping by grade in SQL."""

    __tablename__ = "user_grades"
    __table_args__ = (
        _sqlite_key(["tenant_id", "user_id"], ["users.tenant_id", "users.id"], "CASCADE"),
        sa.Index("ix_user_grades_tenant_id_grade", "tenant_id", "grade"),
    )

    tenant_id: int = Field(primary_key=True)
    user_id: str = Field(primary_key=True, max_length=255)
    grade: str = Field(primary_key=True, max_length=32)


class EnrollmentRow(_RosterColumns, table=True):
    __tablename__ = "enrollments"
    __table_args__ = (
        _sqlite_key(["tenant_id", "class_id"], ["classes.tenant_id", "classes.id"]),
        _sqlite_key(["tenant_id", "user_id"], ["users.tenant_id", "users.id"]),
        sa.Index("ix_enrollments_tenant_id_class_id", "tenant_id", "class_id"),
        sa.Index("ix_enrollments_tenant_id_user_id", "tenant_id", "user_id"),
    )

    # Its tenant is its class's and its user's: no key of its own to `tenants`, whose check per
    # row was a fifth of an import's merge (docs/decisions/0067-tenant-keys-by-parent.md).
    tenant_id: int = Field(primary_key=True)
    class_id: str = Field(max_length=255)
    user_id: str = Field(max_length=255)
    role: str = Field(max_length=16)
    primary: bool = False
    begin_date: date | None = None
    end_date: date | None = None


class DemographicsRow(_RosterColumns, table=True):
    __tablename__ = "demographics"
    __table_args__ = (_sqlite_key(["tenant_id", "id"], ["users.tenant_id", "users.id"]),)

    tenant_id: int = Field(primary_key=True)  # its user's tenant, as an enrollment's
    sex: str | None = Field(default=None, max_length=16)
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


class JobRow(SQLModel, table=True):
    __tablename__ = "jobs"

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=64)
    kind: str = Field(max_length=64)
    scope: str = Field(max_length=64)
    status: str = Field(max_length=16)
    created_at: datetime = _instant()
    started_at: datetime | None = _instant(nullable=True)
    finished_at: datetime | None = _instant(nullable=True)
    done: int = 0
    total: int | None = None
    result: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
    errors: list[dict[str, Any]] = _json()
    # What runs the job again in any process (its kind's JSON arguments), and how many times
    # a runner has begun it.
    arguments: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
    attempts: int = 0


class RosterConnectionRow(SQLModel, table=True):
    """A tenant's connection to its SIS's OneRoster REST provider; the secret is sealed."""

    __tablename__ = "roster_connections"

    tenant_id: int = _tenant_fk()
    base_url: str = Field(max_length=2000)
    version: str = Field(max_length=8)
    auth: str = Field(max_length=16)
    token_url: str | None = Field(default=None, max_length=2000)
    client_id: str = Field(max_length=500)
    client_secret_sealed: str
    scopes: str = Field(default="", max_length=2000)
    synced_through: datetime | None = _instant(nullable=True)
    updated_at: datetime = _instant()
