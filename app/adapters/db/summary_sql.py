"""The SQL of the summary counts' refresher (app.adapters.db.summary_refresh): the students'
profiles as the roster has them now, and the counts added for rows of profiles and decisions."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import tables as t
from app.adapters.db.mastery_tables import DecisionRow
from app.adapters.db.native import is_postgres
from app.adapters.db.report_sql import race_ethnicity_sql
from app.adapters.db.summary_tables import (
    ALL,
    POPULATION,
    SummaryCountRow,
    SummaryProfileRow,
    SummaryProfileStageRow,
)
from app.adapters.db.trend_sql import EXTRA
from app.adapters.db.trend_tables import TrendCountRow
from app.adapters.db.upsert import insert_for
from app.domain.access import TenantId
from app.domain.roster import OrgType, RecordStatus, UserRole

_counts = t.table_of(SummaryCountRow)
_decisions = t.table_of(DecisionRow)
_trends = t.table_of(TrendCountRow)
ACTIVE = RecordStatus.ACTIVE.value
# The subgroup dimensions a count row can be under, each a profile column of the same name.
SUBGROUPS = (
    "sex",
    "race_ethnicity",
    "english_learner",
    "special_education",
    "economically_disadvantaged",
)
_FLAGS = SUBGROUPS[2:]
PROFILE = ("student_id", "school_id", "grade", *SUBGROUPS)
COUNT_KEY = [c.name for c in _counts.primary_key.columns]


def decision_rows(tenant: TenantId) -> sa.Select[Any]:
    d = _decisions
    return sa.select(
        d.c.student_id,
        d.c.framework_id,
        d.c.competency_id,
        d.c.status,
        sa.literal(1).label("delta"),
    ).where(d.c.tenant_id == tenant)


async def count_into(
    session: AsyncSession,
    tenant: TenantId,
    members: sa.Select[Any] | sa.CompoundSelect[Any],
    decisions: sa.Select[Any] | sa.CompoundSelect[Any],
    *,
    into: sa.Table = _counts,
    extra: tuple[str, ...] = (),
) -> None:
    """Add to the counts, for each member row (a profile row with a sign) and each decision row
    of its student (with a delta), sign x delta under the row's school and grade, once with no
    subgroup and once under each subgroup's value. `into`: the table (summary_counts, or the
    trend counts, whose key adds the decision rows' `extra` columns)."""
    m = members.subquery("m")
    d = decisions.subquery("d")
    if not is_postgres(session):
        select = _grouped_per_subgroup_row(tenant, m, d, extra)
    else:
        select = _grouped_by_sets(tenant, m, d, extra)
        if extra:
            # In the target's key order: its index written page after page, not at random
            # (the trend counts: many rows per decision).
            select = select.order_by(*in_key_order(into))
    await add_to(session, tenant, into, select, extra=extra)


async def add_to(
    session: AsyncSession,
    tenant: TenantId,
    into: sa.Table,
    select: sa.Select[Any],
    *,
    extra: tuple[str, ...] = (),
) -> None:
    """Add the rows of `select` (tenant, the count key, the `extra` columns, n) to `into`'s
    counts: n added to a row already there, a new row inserted; then the rows it brought to
    zero deleted (a group with no decisions has no row)."""
    key = [*COUNT_KEY, *extra]
    stmt = insert_for(session, into).from_select([*key, "n"], select)
    stmt = stmt.on_conflict_do_update(index_elements=key, set_={"n": into.c.n + stmt.excluded.n})
    if not is_postgres(session):
        await session.execute(stmt)
        # By the partial index of the rows at zero (summary_tables.zeros_index).
        await session.execute(sa.delete(into).where(into.c.tenant_id == tenant, into.c.n == 0))
        return
    # PostgreSQL has no index on `n`, so that an addition is a HOT update (zeros_index):
    # the upsert itself names the rows it brought to zero, by their place (ctid). A place
    # holds for the rest of the transaction: the tenant's counts have one writer at a time (the
    # refresh's lock), and VACUUM moves no live row. Named by their keys (a JSON document
    # joined with the table), the rows were planned as a scan of the rows at `n = 0`,
    # estimated at one, with the document parsed again for each row found: 8-13 s for 4,410
    # rows in the soak (decision 0084); by place it is a scan of those rows alone.
    upserted = stmt.returning(sa.literal_column("ctid").label("place"), into.c.n).cte("upserted")
    places = sa.cast(sa.func.array_agg(upserted.c.place), sa.Text)
    found = (await session.execute(sa.select(places).where(upserted.c.n == 0))).scalar_one()
    if found is not None:
        await session.execute(
            sa.text(
                f"DELETE FROM {into.name} "
                "WHERE ctid = ANY(CAST(CAST(:zeros AS text) AS tid[])) AND n = 0"
            ),
            {"zeros": found},
        )


def _grouped_per_subgroup_row(
    tenant: TenantId, m: sa.Subquery, d: sa.Subquery, extra: tuple[str, ...]
) -> sa.Select[Any]:
    """SQLite (no GROUPING SETS): the joined rows once per subgroup row (none, then each
    subgroup), summed by the count key."""
    sg = sa.union_all(
        *(sa.select(sa.literal(name).label("subgroup")) for name in (ALL, *SUBGROUPS))
    ).subquery("sg")
    value = sa.case(*((sg.c.subgroup == name, m.c[name]) for name in SUBGROUPS), else_=ALL)
    keys = [
        d.c.framework_id,
        sg.c.subgroup,
        m.c.grade,
        m.c.school_id,
        value,
        d.c.competency_id,
        d.c.status,
        *(d.c[name] for name in extra),
    ]
    return (
        sa.select(sa.literal(tenant), *keys, _added(m, d))
        .select_from(_joined(m, d).join(sg, sa.true()))
        # SQLite parses ON CONFLICT after a SELECT only when the SELECT has a WHERE.
        .where(sa.true())
        .group_by(*keys)
    )


def _joined(m: sa.Subquery, d: sa.Subquery) -> sa.Join:
    """Each decision row with each member row of its student."""
    return d.join(m, m.c.student_id == d.c.student_id)


def _added(m: sa.Subquery, d: sa.Subquery) -> sa.ColumnElement[Any]:
    """What a pair adds to its count: the member row's sign times the decision row's delta."""
    return sa.func.sum(m.c.sign * d.c.delta)


def _grouped_by_sets(
    tenant: TenantId, m: sa.Subquery, d: sa.Subquery, extra: tuple[str, ...]
) -> sa.Select[Any]:
    """PostgreSQL: the sums per count key in two passes. First per whole profile (school,
    grade and every subgroup value at once): one hash table over the joined rows, where
    students of one profile fall together. Then GROUPING SETS over those sums, a hash table
    per subgroup. GROUPING SETS straight over the joined rows hashed each of them six times:
    460 of a summary drain's 610 ms where the students shared 4 profile rows (the ingest
    bench's district before it had demographics); with 440 among 1,000 students the two
    passes still saved about 5% of a drain (decision 0080). A column outside the set being
    grouped reads NULL, and stored subgroup values never are, so the one set's value is the
    first that is not."""
    more = [d.c[name] for name in extra]
    fixed = [d.c.framework_id, m.c.grade, m.c.school_id, d.c.competency_id, d.c.status, *more]
    profile = [m.c[name] for name in SUBGROUPS]
    p = (
        sa.select(*fixed, *profile, _added(m, d).label("n"))
        .select_from(_joined(m, d))
        .group_by(*fixed, *profile)
        .subquery("per_profile")
    )
    subgroup = sa.case(*((sa.func.grouping(p.c[name]) == 0, name) for name in SUBGROUPS), else_=ALL)
    value = sa.func.coalesce(*(p.c[name] for name in SUBGROUPS), ALL)
    keys = [p.c[c.name] for c in fixed]
    sets = sa.func.grouping_sets(sa.text("()"), *(sa.tuple_(p.c[n]) for n in SUBGROUPS))
    return sa.select(
        sa.literal(tenant),
        p.c.framework_id,
        subgroup,
        p.c.grade,
        p.c.school_id,
        value,
        p.c.competency_id,
        p.c.status,
        *(p.c[name] for name in extra),
        sa.func.sum(p.c.n),
    ).group_by(*keys, sets)


def in_key_order(into: sa.Table) -> list[sa.ColumnElement[Any]]:
    """The select's columns (tenant, the count key, then the extra columns: the insert's
    order) as positions, in the order of the target's primary key."""
    names = [*COUNT_KEY, *(c.name for c in into.primary_key.columns if c.name not in COUNT_KEY)]
    return [sa.literal_column(str(names.index(c.name) + 1)) for c in into.primary_key.columns]


def _flag(column: sa.ColumnElement[Any]) -> sa.ColumnElement[str]:
    return sa.case((column.is_(True), "true"), (column.is_(False), "false"), else_=ALL)


def current_profiles(tenant: TenantId) -> sa.Select[Any]:
    """(tenant_id, student_id, school_id, grade, subgroup values) of every active student as
    the roster has them now, with the live reports' rules (app.adapters.db.queries): schools
    are the active school orgs of their user_orgs, grades their user_grades, subgroups from
    their active demographics (race and ethnicity by the domain's rule)."""
    u, uo, o = t.table_of(t.UserRow), t.table_of(t.UserOrgRow), t.table_of(t.OrgRow)
    ug, dm = t.table_of(t.UserGradeRow), t.table_of(t.DemographicsRow)
    students = [u.c.tenant_id == tenant, u.c.role == UserRole.STUDENT.value, u.c.status == ACTIVE]
    everyone = sa.select(u.c.id.label("student_id"), sa.literal(ALL).label("key")).where(*students)
    schools = sa.union_all(
        sa.select(uo.c.user_id.label("student_id"), uo.c.org_id.label("key"))
        .join(
            o,
            sa.and_(
                o.c.tenant_id == uo.c.tenant_id,
                o.c.id == uo.c.org_id,
                o.c.type == OrgType.SCHOOL.value,
                o.c.status == ACTIVE,
            ),
        )
        .where(uo.c.tenant_id == tenant),
        everyone,
    ).subquery("schools")
    grades = sa.union_all(
        # A grade written as ALL would be taken for every grade: such a row is not counted.
        sa.select(ug.c.user_id.label("student_id"), ug.c.grade.label("key")).where(
            ug.c.tenant_id == tenant, ug.c.grade != ALL
        ),
        everyone,
    ).subquery("grades")
    source = (
        u.join(schools, schools.c.student_id == u.c.id)
        .join(grades, grades.c.student_id == u.c.id)
        .outerjoin(
            dm, sa.and_(dm.c.tenant_id == u.c.tenant_id, dm.c.id == u.c.id, dm.c.status == ACTIVE)
        )
    )
    return (
        sa.select(
            u.c.tenant_id,
            u.c.id,
            schools.c.key,
            grades.c.key,
            sa.func.coalesce(dm.c.sex, ALL),
            race_ethnicity_sql(dm),
            *(_flag(dm.c[f]) for f in _FLAGS),
        )
        .select_from(source)
        .where(*students)
    )


def single_student(profiles: sa.FromClause) -> sa.ColumnElement[bool]:
    """Of a student's profile rows grouped by student: at most one school and one grade (the
    rows of a school or grade and of every one: 1 or 2 values each)."""
    return sa.and_(
        sa.func.count(profiles.c.school_id.distinct()) <= 2,
        sa.func.count(profiles.c.grade.distinct()) <= 2,
    )


def stored_profiles(tenant: TenantId) -> sa.Select[Any]:
    """The tenant's stored profile rows, each counted once (+1): what a change is counted
    under (a roster move counts the rows gone -1 and the new ones +1 instead)."""
    p = t.table_of(SummaryProfileRow)
    return sa.select(*(p.c[c] for c in PROFILE), sa.literal(1).label("sign")).where(
        p.c.tenant_id == tenant
    )


async def count_trends(
    session: AsyncSession,
    tenant: TenantId,
    members: sa.Select[Any] | sa.CompoundSelect[Any],
    changes: sa.Select[Any] | sa.CompoundSelect[Any],
) -> None:
    """count_into the trend counts: the trend `changes` (app.adapters.db.trend_sql) under the
    member rows they are kept under (not_crossed)."""
    await count_into(session, tenant, not_crossed(members), changes, into=_trends, extra=EXTRA)


def not_crossed(members: sa.Select[Any] | sa.CompoundSelect[Any]) -> sa.Select[Any]:
    """The member rows (profile rows with a sign) the trend counts are kept under: of every
    school or of every grade. A school's grades over time are counted live (0061): kept, they
    were two thirds of the trend rows."""
    m = members.subquery("kept")
    return sa.select(*m.c).where(sa.or_(m.c.school_id == ALL, m.c.grade == ALL))


def students_once(tenant: TenantId) -> sa.Select[Any]:
    """A row per student of the stored or staged profiles, as a decision of the population
    rows (framework POPULATION): counted like decisions, they give students per group."""
    ids = sa.union(
        *(
            sa.select(p.c.student_id).where(p.c.tenant_id == tenant)
            for p in (t.table_of(SummaryProfileRow), t.table_of(SummaryProfileStageRow))
        )
    ).subquery("students")
    return sa.select(
        ids.c.student_id,
        sa.literal(POPULATION).label("framework_id"),
        sa.literal(ALL).label("competency_id"),
        sa.literal(ALL).label("status"),
        sa.literal(1).label("delta"),
    )
