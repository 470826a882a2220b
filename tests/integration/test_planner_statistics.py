"""The hot path's plans do not wait on autovacuum (off on these machines, and on some managed
and bulk-loading set-ups): keyed lookups are nested loops of index probes even on a table never
analysed, and a server analyses what changed beyond autovacuum's own threshold.

Found by the soak bench: evidence looked up by (source, source_id, competency) was hash-joined
whole on a never-analysed table (89 ms at 68,400 rows, 300 ms at 300,000, growing), so ingest
slowed as it ran."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import pytest
import sqlalchemy as sa

from app.adapters.db import migrate
from app.adapters.db.batch_opening import _READ
from app.adapters.db.decisions import _DECISIONS_OF_PAIRS
from app.adapters.db.engine import create_engine
from app.adapters.db.evidence import _FIND_BY_KEYS, _HISTORY_OF_PAIRS
from app.adapters.db.statistics import analyze_stale_tables
from tests.conftest import asyncpg_dsn

ROWS = 20_000  # 200 students x 100 competencies, one result each
STUDENTS = 200


@pytest.fixture
async def loaded(empty_database: str) -> AsyncIterator[tuple[str, asyncpg.Connection]]:
    """A migrated database whose evidence holds ROWS results of one tenant, never analysed."""
    if not empty_database.startswith("postgresql"):
        pytest.skip("planner statistics are PostgreSQL's; SQLite plans from its indexes alone")
    await migrate.upgrade(empty_database)
    conn = await asyncpg.connect(asyncpg_dsn(empty_database))
    tenant = await conn.fetchval(
        "INSERT INTO tenants (slug, name, created_at) VALUES ('s', 's', now()) RETURNING id"
    )
    await _load(conn, tenant, "evidence")
    await conn.close()  # a closing backend flushes its table statistics counters
    conn = await asyncpg.connect(asyncpg_dsn(empty_database))
    await conn.execute("SELECT set_config('mastery.tenant_id', $1, false)", str(tenant))
    yield empty_database, conn
    await conn.close()


# ROWS rows of a tenant: results n = 0 .. ROWS - 1 of student n mod STUDENTS and competency
# n div STUDENTS, with source id 'r' n; a decision for each of those pairs.
_ROWS = {
    "evidence": "INSERT INTO evidence (tenant_id, id, student_id, competency_id, framework_id, "
    "score, observed_at, source, source_id, kind, received_at, updated_at, version) "
    "SELECT $1, 'e' || n, 'stu-' || (n % $2), 'c-' || (n / $2), 'f', 3, now(), 'src', "
    "'r' || n, 'result', now(), now(), 1 FROM generate_series(0, $3 - 1) AS n",
    "decisions": "INSERT INTO decisions (tenant_id, student_id, competency_id, framework_id, "
    "status, computed_status, evidence_count, method, updated_at) "
    "SELECT $1, 'stu-' || (n % $2), 'c-' || (n / $2), 'f', 'mastered', 'mastered', 1, '{}', "
    "now() FROM generate_series(0, $3 - 1) AS n",
    # ROWS users: the results' STUDENTS students first, then students and every tenth a teacher.
    "users": "INSERT INTO users (tenant_id, id, status, updated_at, role, given_name, "
    "family_name, org_ids, grades, enabled) SELECT $1, 'stu-' || n, 'active', now(), "
    "CASE WHEN n % 10 = 0 AND n >= $2 THEN 'teacher' ELSE 'student' END, 'S', 'N', '[]', '[]', "
    "true FROM generate_series(0, $3 - 1) AS n",
}


async def _load(conn: asyncpg.Connection, tenant: int, *tables: str) -> None:
    async with conn.transaction():
        await conn.execute("SELECT set_config('mastery.tenant_id', $1, true)", str(tenant))
        for table in tables:
            await conn.execute(_ROWS[table], tenant, STUDENTS, ROWS)


async def _plan(conn: asyncpg.Connection, sql: str, *args: object) -> str:
    rows = await conn.fetch(f"EXPLAIN (COSTS OFF) {sql}", *args)
    return "\n".join(r[0] for r in rows)


# A batch's worth of keys (with two, a nested loop wins anyway): results n = 199 i, each of
# student n mod 200 and competency n div 200 (as loaded).
NUMBERS = [199 * i for i in range(100)]
KEYS = (["src"] * 100, [f"r{n}" for n in NUMBERS], [f"c-{n // STUDENTS}" for n in NUMBERS])
PAIRS = ([f"stu-{n % STUDENTS}" for n in NUMBERS], KEYS[2])


@pytest.mark.postgres
async def test_keyed_lookups_are_index_probes_on_a_table_never_analysed(
    loaded: tuple[str, asyncpg.Connection],
) -> None:
    _, conn = loaded
    assert await conn.fetchval("SELECT reltuples FROM pg_class WHERE relname = 'evidence'") == -1
    for sql, args in (
        (_FIND_BY_KEYS, KEYS),
        (_HISTORY_OF_PAIRS, PAIRS),
        (_DECISIONS_OF_PAIRS, PAIRS),
    ):
        plan = await _plan(conn, sql, 1, *args)
        assert "Nested Loop" in plan, plan
        assert "Hash Join" not in plan, plan
        assert "Seq Scan" not in plan, plan
    # And each key is one probe of the unique key's index, not of the competency's with the
    # source filtered out of its rows (a thousand rows read per key at 50,000 results, 0072).
    plan = await _plan(conn, _FIND_BY_KEYS, 1, *KEYS)
    assert "uq_evidence_tenant_id_source_source_id_competency_id" in plan, plan
    # The rows found are the ones asked for: r597 (= 199 x 3)
    # stu-197's for c-2.
    found = {r["source_id"]: r for r in await conn.fetch(_FIND_BY_KEYS, 1, *KEYS)}
    assert len(found) == 100
    assert (found["r597"]["student_id"], found["r597"]["competency_id"]) == ("stu-197", "c-2")
    history = await conn.fetch(_HISTORY_OF_PAIRS, 1, *PAIRS)
    assert len(history) == 100  # one result per student and competency


@pytest.mark.postgres
async def test_a_server_analyses_what_changed_beyond_the_threshold_once(
    loaded: tuple[str, asyncpg.Connection],
) -> None:
    url, conn = loaded
    engine = create_engine(url)
    try:
        analysed = await analyze_stale_tables(engine)
        # 20,000 inserts on a never-analysed evidence table (threshold 50 + 10% of 0 rows);
        # the tenants table had 1 insert, under the threshold of 50.
        assert "evidence" in analysed
        assert "tenants" not in analysed
        assert await conn.fetchval(
            "SELECT reltuples FROM pg_class WHERE relname = 'evidence'"
        ) == pytest.approx(ROWS, rel=0.01)
        # With statistics, the lookup by key probes the unique key's own index.
        plan = await _plan(conn, _FIND_BY_KEYS, 1, *KEYS)
        assert "uq_evidence_tenant_id_source_source_id_competency_id" in plan, plan
        # Nothing changed since: the next pass analyses nothing.
        assert await analyze_stale_tables(engine) == []
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_the_service_never_compiles_a_statement(
    loaded: tuple[str, asyncpg.Connection],
) -> None:
    """JIT compilation costs 110-500 ms a statement (0073). With every statement past the
    threshold, a plain connection compiles this one; the service's does not."""
    url, conn = loaded
    if not await conn.fetchval("SELECT pg_jit_available()"):
        pytest.skip("this PostgreSQL has no JIT provider (llvmjit): nothing to turn off")
    # `sum` over a join of the 20,000 results (cost well over 0: compiled at threshold 0).
    statement = (
        "EXPLAIN (ANALYZE, FORMAT JSON) SELECT sum(a.score) FROM evidence a "
        "JOIN evidence b ON b.tenant_id = a.tenant_id AND b.id = a.id"
    )

    async def compiled(run: Any) -> bool:
        await run("SELECT set_config('jit_above_cost', '0', false)")
        plan = await run(statement)
        return "JIT" in str(plan)

    async with conn.transaction():
        assert await compiled(conn.fetchval)  # the server can compile: the test can fail
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.execute(sa.text("SELECT set_config('mastery.tenant_id', '1', false)"))

            async def run(sql: str) -> Any:
                return (await connection.execute(sa.text(sql))).scalar_one()

            assert not await compiled(run)
            assert await run("SHOW plan_cache_mode") == "force_custom_plan"
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_documents_are_not_analysed(loaded: tuple[str, asyncpg.Connection]) -> None:
    """The JSON documents of the tables a server analyses as they grow (decisions and their
    events, audit entries, learning records) carry no statistics: nothing filters on them, and
    they were more than half of ANALYZE's time (0073). Their other columns keep theirs."""
    _, conn = loaded
    rows = await conn.fetch(
        "SELECT c.relname, a.attname, a.atttypid = 'jsonb'::regtype AS document, "
        "a.attstattarget FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "WHERE c.relname = ANY($1::text[]) AND a.attnum > 0 AND NOT a.attisdropped",
        ["decisions", "change_events", "audit_entries", "learning_records"],
    )
    documents = {(r["relname"], r["attname"]) for r in rows if r["document"]}
    assert ("decisions", "state") in documents
    assert ("learning_records", "body") in documents
    analysed = {(r["relname"], r["attname"]) for r in rows if r["attstattarget"] != 0}
    assert not documents & analysed
    assert {("decisions", "student_id"), ("change_events", "tenant_id")} <= analysed


@pytest.mark.postgres
async def test_keyed_lookups_probe_their_own_index_for_a_district_the_statistics_have_not_met(
    loaded: tuple[str, asyncpg.Connection],
) -> None:
    """A district loaded since the last ANALYZE, beside one the statistics know whole (a new
    district of a shared database; the ingest bench's, after its raw insert into another): its
    tenant id was estimated at one row, and each key's probe read the district's whole evidence
    through the narrowest index leading with tenant_id (7.1 s for 1,000 keys at 20,000 rows,
    0081). Each lookup reads its keys through the index made for them."""
    _, conn = loaded
    await _load(conn, 1, "decisions", "users")
    for table in ("evidence", "decisions", "users"):
        await conn.execute(f"ANALYZE {table}")
    other = await conn.fetchval(
        "INSERT INTO tenants (slug, name, created_at) VALUES ('o', 'o', now()) RETURNING id"
    )
    await _load(conn, other, "evidence", "decisions", "users")
    await conn.execute("SELECT set_config('mastery.tenant_id', $1, false)", str(other))
    for table in ("evidence", "decisions", "users"):
        # The statistics have met the first district only: the other's ROWS rows, one.
        plan = await conn.fetchval(
            f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table} WHERE tenant_id = $1", other
        )
        assert json.loads(plan)[0]["Plan"]["Plan Rows"] == 1
    for sql, args, index in (
        (_FIND_BY_KEYS, KEYS, "uq_evidence_tenant_id_source_source_id_competency_id"),
        (_HISTORY_OF_PAIRS, PAIRS, "ix_evidence_tenant_id_student_id_competency_id"),
        (_DECISIONS_OF_PAIRS, PAIRS, "pk_decisions"),
        (_READ, (["c-0"], PAIRS[0], "active", "student"), "pk_users"),
    ):
        plan = await _plan(conn, sql, other, *args)
        assert f"Index Scan using {index} on" in plan, plan
    found = await conn.fetch(_FIND_BY_KEYS, other, *KEYS)
    assert len(found) == 100
    assert {r["tenant_id"] for r in found} == {other}
