"""A summary counts' build joins every student of a tenant with their schools, grades and
demographics. On tables loaded since they were last analysed (autovacuum off: never), the
planner takes each for a table of one row and nests loops; at 50,000 students that ran past 10
minutes in `python -m bench graphql`. The build asks for hash joins (app.adapters.db.plans):
this test loads a roster by plain SQL, never analysed, shows the hazard in the plain plan, and
that the build's plan and result are right."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.db import migrate
from app.adapters.db.engine import create_engine, session_factory
from app.adapters.db.plans import usual_joins, whole_tenant_joins
from app.adapters.db.row_security import open_to_all_tenants, tenant_session
from app.adapters.db.summary_refresh import SummaryRefresher
from app.adapters.db.summary_sql import current_profiles
from app.adapters.system import SystemClock
from app.domain.access import TenantId

STUDENTS = 3_000
SCHOOLS = 6

# Ids padded so that text order is number order; each student in one school and one grade.
_ROSTER = [
    "INSERT INTO tenants (slug, name, created_at) VALUES ('plans', 'Plans', now())",
    """INSERT INTO orgs (tenant_id, id, status, updated_at, name, type)
       SELECT 1, 'school-' || s, 'active', now(), 'School ' || s, 'school'
       FROM generate_series(1, {schools}) s""",
    """INSERT INTO users (tenant_id, id, status, updated_at, role, given_name, family_name,
                          org_ids, grades, enabled)
       SELECT 1, 'student-' || lpad(n::text, 5, '0'), 'active', now(), 'student', 'G', 'F',
              '[]', '[]', true
       FROM generate_series(1, {students}) n""",
    """INSERT INTO user_orgs (tenant_id, user_id, org_id)
       SELECT 1, 'student-' || lpad(n::text, 5, '0'), 'school-' || (n % {schools} + 1)
       FROM generate_series(1, {students}) n""",
    """INSERT INTO user_grades (tenant_id, user_id, grade)
       SELECT 1, 'student-' || lpad(n::text, 5, '0'), lpad((n % 12 + 1)::text, 2, '0')
       FROM generate_series(1, {students}) n""",
    """INSERT INTO demographics (tenant_id, id, status, updated_at, sex, english_learner)
       SELECT 1, 'student-' || lpad(n::text, 5, '0'), 'active', now(),
              CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, n % 5 = 0
       FROM generate_series(1, {students}) n""",
]


@pytest.mark.parametrize(
    "empty_database", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
async def test_the_build_of_a_never_analysed_roster_hashes_its_joins(empty_database: str) -> None:
    await migrate.upgrade(empty_database)
    engine = create_engine(empty_database)  # the service's, as the refresher below has it
    try:
        async with engine.begin() as connection:
            await connection.run_sync(open_to_all_tenants)
            for statement in _ROSTER:
                await connection.execute(
                    sa.text(statement.format(students=STUDENTS, schools=SCHOOLS))
                )
            analysed = await connection.scalar(
                sa.text("SELECT count(*) FROM pg_stats WHERE tablename = 'users'")
            )
        assert analysed == 0  # the condition under test: no column statistics at all

        profiles = str(
            current_profiles(TenantId(1)).compile(
                dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
            )
        )
        sessions = session_factory(engine)
        async with tenant_session(sessions, TenantId(1)) as session, session.begin():
            plain = "\n".join(
                (await session.execute(sa.text("EXPLAIN " + profiles))).scalars().all()
            )
            await whole_tenant_joins(session)
            hashed = "\n".join(
                (await session.execute(sa.text("EXPLAIN " + profiles))).scalars().all()
            )
            await usual_joins(session)
            nested_loops = await session.scalar(
                sa.text("SELECT current_setting('enable_nestloop')")
            )
        assert "Nested Loop" in plain  # the hazard: one estimated row per table, loops nested
        assert "Nested Loop" not in hashed
        assert "Hash Join" in hashed
        assert nested_loops == "on"  # keyed statements after it plan as usual

        refresher = SummaryRefresher(sessions, SystemClock())
        # Both paths that read every student's profile: a roster change followed (a tenant
        # created after the counts' migration starts built, empty), then a build from nothing.
        followed = await refresher.refresh(TenantId(1))
        assert (followed.roster_changed, followed.rebuilt) == (True, False)
        assert await _profiles_and_population(engine) == _EXPECTED
        async with engine.begin() as connection:
            await connection.run_sync(open_to_all_tenants)
            await connection.execute(sa.text("UPDATE summary_refreshes SET built = false"))
        assert (await refresher.refresh(TenantId(1))).rebuilt
        assert await _profiles_and_population(engine) == _EXPECTED
    finally:
        await engine.dispose()


# Each student: their school x their grade, their school x every grade, every school x their
# grade, every school x every grade; and the tenant's population, each student once.
_EXPECTED = (
    [
        (False, False, STUDENTS),
        (False, True, STUDENTS),
        (True, False, STUDENTS),
        (True, True, STUDENTS),
    ],
    STUDENTS,
)


async def _profiles_and_population(engine: AsyncEngine) -> tuple[list[tuple[Any, ...]], int]:
    async with engine.connect() as connection:
        await connection.run_sync(open_to_all_tenants)
        rows = (
            await connection.execute(
                sa.text(
                    "SELECT school_id = '' AS every_school, grade = '' AS every_grade, "
                    "count(*) FROM summary_profiles GROUP BY 1, 2 ORDER BY 1, 2"
                )
            )
        ).all()
        population = await connection.scalar(
            sa.text(
                "SELECT n FROM summary_counts WHERE framework_id = '' AND subgroup = '' "
                "AND school_id = '' AND grade = ''"
            )
        )
    return [tuple(r) for r in rows], int(population or 0)
