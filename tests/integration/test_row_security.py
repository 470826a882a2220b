"""Row-level security on PostgreSQL: with the tenant predicates taken away, a role without
SUPERUSER or BYPASSRLS still sees, writes and deletes only its transaction's tenant's rows.

Two tenants are seeded through the app until every table with a tenant_id holds rows of both;
then unscoped SQL (no tenant predicate) runs as the service's own role (which owns the tables:
FORCE is what holds it) and as a role granted only SELECT, INSERT, UPDATE and DELETE. The
whole test suite also runs as the owning role (tests/conftest.py), so the app works under it."""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from app.adapters.db.engine import create_engine, session_factory
from app.adapters.db.frameworks import FrameworkCache
from app.adapters.db.schema import metadata
from app.adapters.db.uow import SqlUnitOfWork
from app.api.app import create_app
from app.bootstrap import Container, build, running
from app.domain.access import TenantId
from app.domain.roster import User, UserRole
from app.domain.webhook_subscriptions import DeliveryRecord
from tests.api import xapi_data
from tests.api.gradebook_data import put_result, result, seed_gradebook
from tests.api.lti.launching import tool_for
from tests.api.test_policy_revision_api import leave_a_step_staged
from tests.api.test_roster_connection import CONNECTION
from tests.conftest import (
    POSTGRES_ENV,
    Api,
    as_admin,
    asyncpg_dsn,
    new_tenant,
    test_settings,
    token_for,
)
from tests.integration import oneroster_sets as sets

TENANT_TABLES = sorted(t.name for t in metadata.sorted_tables if "tenant_id" in t.c)
NO_RLS = "SQLite has no row-level security: there the tenant predicates are the only fence"


@pytest.fixture
def url(container: Container) -> str:
    if container.engine.dialect.name != "postgresql":
        pytest.skip(NO_RLS)
    return container.settings.database_url


@pytest.fixture
async def admin(url: str) -> AsyncIterator[asyncpg.Connection]:
    """The test database as the administrator, who bypasses row-level security."""
    conn = await asyncpg.connect(asyncpg_dsn(as_admin(_admin_url(), url)))
    yield conn
    await conn.close()


def _admin_url() -> str:
    return os.environ[POSTGRES_ENV]


@pytest.fixture
async def granted(url: str, admin: asyncpg.Connection) -> AsyncIterator[str]:
    """A role granted only what the app needs on the test database; its URL."""
    role = f"mastery_rls_{uuid.uuid4().hex[:10]}"
    database = make_url(url).database
    await admin.execute(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOBYPASSRLS')
    for grant in (
        f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO "{role}"',
        f'GRANT USAGE ON SCHEMA public TO "{role}"',
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}"',
    ):
        await admin.execute(grant)
    try:
        yield make_url(url).set(username=role).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP OWNED BY "{role}"')  # its grants, in this database
        await admin.execute(f'DROP ROLE "{role}"')


async def _seed_every_table(api: Api, container: Container) -> None:
    """Rows in every table with a tenant_id, written through the app as this tenant."""
    upload = {"file": ("roster.zip", sets.zip_set(sets.BULK_1_1), "application/zip")}
    assert (await api.post("/v1/roster/imports", files=upload)).status_code == 202
    await container.jobs.wait()
    await seed_gradebook(api)  # the roster, fw-math and line item li-1
    category = "/ims/oneroster/gradebook/v1p2/categories/cat-quizzes"
    assert (await api.put(category, {"category": {"title": "Quizzes"}})).status_code == 201
    scale = {"title": "Levels", "type": "proficiency", "class": "class-1"}
    scale["scoreScaleValue"] = [{"itemValueLHS": "Proficient", "itemValueRHS": "3"}]
    put_scale = await api.put(
        f"{category.rsplit('/', 2)[0]}/scoreScales/sc-1", {"scoreScale": scale}
    )
    assert put_scale.status_code == 201, put_scale.text
    assessed = {"title": "Check", "learningObjectiveSet": {"learningObjectiveIds": ["s-1"]}}
    books = category.rsplit("/", 2)[0]
    item = await api.put(f"{books}/assessmentLineItems/a-1", {"assessmentLineItem": assessed})
    assert item.status_code == 201, item.text
    taken = {"assessmentLineItem": "a-1", "student": "student-1", "score": 3}
    taken |= {"scoreStatus": "fully graded", "scoreDate": "2026-09-14"}
    made = await api.put(f"{books}/assessmentResults/ar-1", {"assessmentResult": taken})
    assert made.status_code == 201, made.text
    await put_result(api, "r-1", result(8.0, objectives={"s-1": 8.0}))
    # A changed result replaces its evidence, which keeps the replaced version.
    await put_result(api, "r-1", result(6.0, objectives={"s-1": 6.0}), status=200)
    await _seed_habits_decision(api)
    # The summary counts, profiles (stored and staged) and refresh state of a refresh; then a
    # decision changed (the override below) and a user added leave changes captured for the next.
    await container.summary_refresher.refresh(api.tenant.id)
    teacher = User(id="rls-teacher", role=UserRole.TEACHER, given_name="R", family_name="L")
    await container.use_cases.roster.put_records(api.tenant.id, [teacher])
    statement = xapi_data.statement(None, score={"scaled": 0.5})  # a learning record
    assert (await xapi_data.post(api, statement)).status_code == 200
    override = {"status": "mastered", "reason": "Shown in class"}
    put = await api.put("/v1/students/student-1/mastery/s-2/override", json=override)
    assert put.status_code == 200, put.text
    # An Open Badge of the mastered s-2 (the credentials table).
    badge = await api.post("/v1/students/student-1/credentials", json={"competency_id": "s-2"})
    assert badge.status_code == 201, badge.text
    assert (await api.put("/v1/roster/connection", CONNECTION)).status_code == 201
    await container.use_cases.access.create_client(
        tenant_slug=api.tenant.slug, scopes="mastery:read", name="lms"
    )
    # A policy revision left pending, with a step of decisions staged under it.
    await leave_a_step_staged(container, api)
    # An LTI platform registered with its deployment, and a launch: its user and its record.
    async with tool_for(container, api.tenant) as tool:
        assert (await tool.launch_as()).status_code == 303
    await container.use_cases.lti_registration.registration_url(api.tenant.slug, "http://test")
    # What the LTI services remember: a course's differences URL, a score's timestamp.
    now = container.adapters.clock.now()
    async with container.adapters.uow(api.tenant.id) as uow:
        await uow.lti_marks.save_pull("https://lms.example", "ctx-1", None, now)
        await uow.lti_marks.save_sent("https://lms.example/li/1", {"student-1": now})
        await uow.commit()
    await _seed_webhook(api, container)
    # A closed term: its close, and its snapshot of the decisions above.
    term = {"title": "T1", "type": "term", "start_date": "2026-08-17", "end_date": "2026-10-31"}
    assert (await api.put("/v1/academic-sessions/term-1", term)).status_code == 201
    assert (await api.post("/v1/academic-sessions/term-1/close")).status_code == 200


async def _seed_webhook(api: Api, container: Container) -> None:
    """A webhook subscription, and a delivery in its log."""
    body = {"url": "https://hooks.rls.test/in", "event_types": ["decision.changed"]}
    created = await api.post("/v1/webhooks", json=body)
    assert created.status_code == 201, created.text
    assert container.adapters.webhooks is not None
    delivery = DeliveryRecord(
        subscription_id=created.json()["id"],
        message_id="msg_rls",
        event_ids=(1,),
        attempt=1,
        at=container.adapters.clock.now(),
        outcome="delivered",
        duration_ms=3,
        status_code=204,
    )
    async with container.adapters.webhooks.uow(api.tenant.id) as uow:
        await uow.webhooks.record(delivery)
        await uow.commit()


async def _seed_habits_decision(api: Api) -> None:
    """A habits-of-work decision: a framework with a habits category, and a result in it."""
    framework = {
        "id": "fw-habits",
        "title": "Work habits",
        "categories": [{"name": "homework", "weight": 1, "habits_of_work": True}],
        "competencies": [{"id": "h-1", "code": "H.1", "statement": "On time"}],
    }
    assert (await api.post("/v1/frameworks", json=framework)).status_code == 201
    homework = {
        "student_id": "student-1",
        "competency_id": "h-1",
        "score": 3,
        "category": "homework",
        "observed_at": "2026-09-02T09:00:00Z",
        "source_id": "hw-1",
    }
    assert (await api.post("/v1/evidence", json={"items": [homework]})).status_code == 200


async def _rows_by_tenant(admin: asyncpg.Connection, table: str) -> dict[int, int]:
    found = await admin.fetch(f"SELECT tenant_id, count(*) FROM {table} GROUP BY tenant_id")
    return {r[0]: r[1] for r in found}


async def test_every_table_with_a_tenant_is_forced_behind_both_policies(
    admin: asyncpg.Connection,
) -> None:
    protected = await admin.fetch(
        """SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                  array_agg(p.polname || ':' || p.polcmd::text ORDER BY p.polname) AS policies,
                  bool_and(p.polqual IS NOT NULL AND p.polwithcheck IS NOT NULL) AS both_ways
           FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
           LEFT JOIN pg_policy p ON p.polrelid = c.oid
           WHERE c.relkind IN ('r', 'p')
           GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity"""
    )
    by_table = {r["relname"]: r for r in protected}
    tables = await admin.fetch(
        "SELECT c.relname, c.relispartition FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public' "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' "
        "WHERE c.relkind IN ('r', 'p') ORDER BY c.relname"
    )
    with_tenant = [r["relname"] for r in tables if not r["relispartition"]]
    # A partition is a table of its own, readable directly: protected as its parent is.
    partitions = [r["relname"] for r in tables if r["relispartition"]]
    assert with_tenant == TENANT_TABLES  # the metadata and the database agree on the list
    assert len(TENANT_TABLES) >= 22
    assert "decision_history_default" in partitions
    for table in [*TENANT_TABLES, *partitions]:
        row = by_table[table]
        assert (row["relrowsecurity"], row["relforcerowsecurity"]) == (True, True), table
        # '*' is FOR ALL: reads, inserts, updates and deletes.
        assert row["policies"] == ["all_tenants:*", "tenant_isolation:*"], table
        assert row["both_ways"], table
    unprotected = {t for t, r in by_table.items() if r["relrowsecurity"]} - {
        *TENANT_TABLES,
        *partitions,
    }
    assert unprotected == set()


@pytest.mark.parametrize("role", ["owner", "granted"])
async def test_unscoped_sql_sees_and_changes_only_its_tenants_rows(
    role: str,
    granted: str,
    api: Api,
    other_api: Api,
    container: Container,
    url: str,
    admin: asyncpg.Connection,
) -> None:
    a, b = api.tenant.id, other_api.tenant.id
    for client in (api, other_api):
        await _seed_every_table(client, container)
    for table in TENANT_TABLES:
        counts = await _rows_by_tenant(admin, table)
        assert set(counts) >= {a, b}, (table, counts)

    as_role = url if role == "owner" else granted
    conn = await asyncpg.connect(asyncpg_dsn(as_role))
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('mastery.tenant_id', $1, true)", str(a))
            for table in TENANT_TABLES:
                seen = await conn.fetch(f"SELECT tenant_id, count(*) FROM {table} GROUP BY 1")
                assert {r[0]: r[1] for r in seen} == {a: (await _rows_by_tenant(admin, table))[a]}
                await _refused_writes(conn, admin, table, b)
        # The setting was the transaction's: on the same connection, nothing is visible now.
        assert await conn.fetchval("SELECT current_setting('mastery.tenant_id', true)") == ""
        for table in TENANT_TABLES:
            assert await conn.fetchval(f"SELECT count(*) FROM {table}") == 0, table
        async with conn.transaction():
            await conn.execute("SELECT set_config('mastery.all_tenants', 'on', true)")
            for table in TENANT_TABLES:
                seen = {r[0] for r in await conn.fetch(f"SELECT DISTINCT tenant_id FROM {table}")}
                assert {a, b} <= seen, table
    finally:
        await conn.close()
    fresh = await asyncpg.connect(asyncpg_dsn(as_role))
    try:
        for table in TENANT_TABLES:
            assert await fresh.fetchval(f"SELECT count(*) FROM {table}") == 0, table
    finally:
        await fresh.close()


async def _refused_writes(
    conn: asyncpg.Connection, admin: asyncpg.Connection, table: str, other: TenantId
) -> None:
    """As another tenant: B's rows cannot be inserted, moved into or deleted."""
    theirs = await admin.fetchval(
        f"SELECT row_to_json(t) FROM {table} t WHERE tenant_id = $1 LIMIT 1", other
    )
    insert = (
        f"INSERT INTO {table} OVERRIDING SYSTEM VALUE "
        f"SELECT * FROM json_populate_record(NULL::{table}, $1::json)"
    )
    for statement, args in ((insert, [theirs]), (f"UPDATE {table} SET tenant_id = $1", [other])):
        with pytest.raises(asyncpg.InsufficientPrivilegeError, match="row-level security"):
            async with conn.transaction():  # a savepoint: the outer transaction goes on
                await conn.execute(statement, *args)
    status = await conn.execute(f"DELETE FROM {table} WHERE tenant_id = $1", other)
    assert status == "DELETE 0", table
    assert json.loads(theirs)["tenant_id"] == other


async def test_the_app_runs_as_a_role_granted_only_what_it_needs(
    granted: str, admin: asyncpg.Connection
) -> None:
    built = build(test_settings(granted))
    try:
        tenant = await new_tenant(built, "g")
        app = create_app(use_cases=built.use_cases)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://test"
        ) as http:
            api = Api(http, tenant, token_for(built, tenant))
            await _seed_every_table(api, built)
            grid = await api.get("/v1/classes/class-1/mastery", params={"framework_id": "fw-math"})
            assert grid.status_code == 200, grid.text
            (row,) = grid.json()["students"]
            statuses = {d["competency_id"]: d["status"] for d in row["decisions"]}
            # 6 of 10 is under the threshold (3 on 1-4); s-2 holds only the override.
            assert statuses == {"d-nbt": "not_yet", "s-1": "not_yet", "s-2": "mastered"}
            summary = """{ masterySummary(frameworkId: "fw-math", groupBy: [GRADE]) {
                rows { key { grade } students } } }"""
            answer = (await api.post("/graphql", json={"query": summary})).json()
            rows = answer["data"]["masterySummary"]["rows"]
            # Grades 04 (student-1, u2, u3) and 05 (u3): both under the minimum cell size.
            assert sorted((r["key"]["grade"], r["students"]) for r in rows) == [
                ("04", None),
                ("05", None),
            ]
            # The summary drained the captured changes: one more of each for the queues.
            await put_result(api, "r-2", result(9.0, objectives={"s-1": 9.0}))
            late = User(id="late-teacher", role=UserRole.TEACHER, given_name="L", family_name="T")
            await built.use_cases.roster.put_records(tenant.id, [late])
    finally:
        await built.close()
    for table in TENANT_TABLES:
        assert (await _rows_by_tenant(admin, table)).get(tenant.id, 0) > 0, table


async def test_a_unit_of_work_names_its_tenant_for_its_own_transaction_only(url: str) -> None:
    engine = create_engine(url, pool_size=1)
    sessions = session_factory(engine)
    try:
        async with SqlUnitOfWork(sessions, FrameworkCache(), TenantId(41)) as uow:
            named = await uow.session.connection()
            setting = await named.exec_driver_sql(
                "SELECT current_setting('mastery.tenant_id'), pg_backend_pid()"
            )
            value, backend = setting.one()
            assert value == "41"
            await uow.commit()
            # A commit ends the transaction; the session's next one names the tenant again.
            again = await uow.session.connection()
            setting = await again.exec_driver_sql("SELECT current_setting('mastery.tenant_id')")
            assert setting.scalar() == "41"
        async with engine.connect() as pooled:  # the same connection, back from the pool
            left = await pooled.exec_driver_sql(
                "SELECT current_setting('mastery.tenant_id', true), pg_backend_pid()"
            )
            assert tuple(left.one()) == ("", backend)
    finally:
        await engine.dispose()


async def test_serving_as_a_role_that_bypasses_row_security_is_warned_of(
    url: str, caplog: pytest.LogCaptureFixture
) -> None:
    superuser = as_admin(_admin_url(), url)
    for database, warned in ((url, False), (superuser, True)):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="mastery.db"):
            async with running(test_settings(database)):
                pass
        messages = [r.getMessage() for r in caplog.records if r.name == "mastery.db"]
        expected = [
            "the PostgreSQL role 'postgres' is a superuser: row-level security does not apply "
            "to it, so tenant isolation rests on the queries alone; serve as a role with "
            "NOSUPERUSER NOBYPASSRLS"
        ]
        assert messages == (expected if warned else []), database
