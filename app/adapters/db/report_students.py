"""The students a report counts, joined to what they are grouped by (app.adapters.db.queries):
their active schools, classes and grades, and their demographics' subgroups."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from app.adapters.db import tables as t
from app.adapters.db.report_sql import race_ethnicity_sql
from app.domain.access import TenantId
from app.domain.reporting import Dimension
from app.domain.roster import EnrollmentRole, OrgType, RecordStatus
from app.ports.reports import ReportScope

ACTIVE = RecordStatus.ACTIVE.value
_users = t.table_of(t.UserRow)
_orgs = t.table_of(t.OrgRow)
_classes = t.table_of(t.ClassRow)
_enrollments = t.table_of(t.EnrollmentRow)
_user_orgs = t.table_of(t.UserOrgRow)
_user_grades = t.table_of(t.UserGradeRow)

# The demographics column each subgroup dimension groups or filters by.
SUBGROUP_COLUMNS = {
    Dimension.SEX: "sex",
    Dimension.ENGLISH_LEARNER: "english_learner",
    Dimension.SPECIAL_EDUCATION: "special_education",
    Dimension.ECONOMICALLY_DISADVANTAGED: "economically_disadvantaged",
}


# A source joined to what students are grouped by, the grouped column, and what narrows it.
_Grouped = tuple[sa.FromClause, sa.ColumnElement[Any], list[sa.ColumnElement[bool]]]


def grouped_by(
    dim: Dimension, source: sa.FromClause, dm: sa.FromClause, scope: ReportScope, tenant: TenantId
) -> _Grouped | None:
    """The students joined to one dimension of the scope (None for competency, which groups
    the decisions, not the students)."""
    if dim is Dimension.SCHOOL:
        return _by_school(source, scope, tenant)
    if dim is Dimension.CLASS:
        return _by_class(source, scope, tenant)
    if dim is Dimension.GRADE:
        return _by_grade(source, scope, tenant)
    if dim in SUBGROUP_COLUMNS or dim is Dimension.RACE_ETHNICITY:
        return source, subgroup_column(dm, dim), []
    return None


def _by_school(source: sa.FromClause, scope: ReportScope, tenant: TenantId) -> _Grouped:
    u, uo, o = _users, _user_orgs.alias("uo"), _orgs.alias("o")
    joined = source.join(uo, sa.and_(uo.c.tenant_id == tenant, uo.c.user_id == u.c.id)).join(
        o,
        sa.and_(
            o.c.tenant_id == tenant,
            o.c.id == uo.c.org_id,
            o.c.type == OrgType.SCHOOL.value,
            o.c.status == ACTIVE,
        ),
    )
    narrowed = [] if scope.school_id is None else [o.c.id == scope.school_id]
    return joined, o.c.id, narrowed


def _by_class(source: sa.FromClause, scope: ReportScope, tenant: TenantId) -> _Grouped:
    # One row per student and class, though a district may enrol a student twice.
    u, e, c = _users, _enrollments, _classes.alias("c")
    places = (
        sa.select(e.c.user_id, e.c.class_id)
        .join(c, sa.and_(c.c.tenant_id == tenant, c.c.id == e.c.class_id, c.c.status == ACTIVE))
        .where(
            e.c.tenant_id == tenant,
            e.c.role == EnrollmentRole.STUDENT.value,
            e.c.status == ACTIVE,
        )
        .distinct()
        .subquery("places")
    )
    joined = source.join(places, places.c.user_id == u.c.id)
    narrowed = [] if scope.class_id is None else [places.c.class_id == scope.class_id]
    return joined, places.c.class_id, narrowed


def _by_grade(source: sa.FromClause, scope: ReportScope, tenant: TenantId) -> _Grouped:
    u, ug = _users, _user_grades.alias("ug")
    joined = source.join(ug, sa.and_(ug.c.tenant_id == tenant, ug.c.user_id == u.c.id))
    narrowed = [] if scope.grade is None else [ug.c.grade == scope.grade]
    return joined, ug.c.grade, narrowed


def narrowed_not_grouped(scope: ReportScope, tenant: TenantId) -> list[sa.ColumnElement[bool]]:
    """A school, class or grade the scope names but does not group by: students in it."""
    u, dims = _users, set(scope.dimensions)
    where: list[sa.ColumnElement[bool]] = []
    if scope.school_id is not None and Dimension.SCHOOL not in dims:
        uo = _user_orgs.alias("uo_filter")
        where.append(
            sa.exists().where(
                uo.c.tenant_id == tenant, uo.c.user_id == u.c.id, uo.c.org_id == scope.school_id
            )
        )
    if scope.class_id is not None and Dimension.CLASS not in dims:
        e = _enrollments.alias("e_filter")
        where.append(
            sa.exists().where(_enrolment(e, u.c.id, tenant), e.c.class_id == scope.class_id)
        )
    if scope.grade is not None and Dimension.GRADE not in dims:
        ug = _user_grades.alias("ug_filter")
        where.append(
            sa.exists().where(
                ug.c.tenant_id == tenant, ug.c.user_id == u.c.id, ug.c.grade == scope.grade
            )
        )
    return where


def _enrolment(e: sa.FromClause, user_id: Any, tenant: TenantId) -> sa.ColumnElement[bool]:
    return sa.and_(
        e.c.tenant_id == tenant,
        e.c.user_id == user_id,
        e.c.role == EnrollmentRole.STUDENT.value,
        e.c.status == ACTIVE,
    )


def subgroup_column(dm: sa.FromClause, dim: Dimension) -> sa.ColumnElement[Any]:
    if dim is Dimension.RACE_ETHNICITY:
        return race_ethnicity_sql(dm)
    return dm.c[SUBGROUP_COLUMNS[dim]]
