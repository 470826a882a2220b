"""The schema is ready to be distributed by tenant (issue #14, "a schema ready for Citus"): in
the migrated PostgreSQL catalogue, every table with a tenant_id is either distributed by it —
each primary key, unique constraint or index and foreign key leads with tenant_id, so Citus
can co-locate a district's rows and check them on one node — or named below as a table looked
up before the district is known (a reference table there), with the reason.

Citus itself is not installed on these machines; its rules for distributed tables are the ones
checked (docs/scaling.md says how the move is made)."""

from __future__ import annotations

import asyncpg
import pytest

from app.adapters.db import migrate
from tests.conftest import asyncpg_dsn

# Tables with a tenant_id that are read by a key naming no district: they would be reference
# tables (copied to every node), which is right for small tables read on every request.
LOOKED_UP_BEFORE_THE_TENANT = {
    "clients": "a token request names the client alone",
    "lti_platforms": "a launch names the platform (issuer, client_id) before the district",
    "lti_deployments": "a launch names the deployment of a platform",
    "lti_registration_tokens": "a dynamic registration names its token alone",
}
# Tables of no district: the tenants themselves (the distribution's root), the service's own
# keys and one-time values, the job queue's library tables, Alembic's.
WITHOUT_TENANT = {
    "alembic_version",
    "tenants",
    "lti_tool_keys",
    "lti_states",
    "lti_nonces",
    "credential_issuer_keys",
}

_KEYS = """
SELECT c.relname AS "table", i.relname AS "name",
       array_agg(a.attname ORDER BY k.ord) AS "columns"
FROM pg_index x
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
WHERE n.nspname = current_schema() AND x.indisunique
GROUP BY c.relname, i.relname
UNION ALL
SELECT c.relname, o.conname, array_agg(a.attname ORDER BY k.ord)
FROM pg_constraint o
JOIN pg_class c ON c.oid = o.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(o.conkey) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
WHERE n.nspname = current_schema() AND o.contype = 'f'
GROUP BY c.relname, o.conname
"""


async def test_every_key_of_a_district_table_leads_with_tenant_id(empty_database: str) -> None:
    if not empty_database.startswith("postgresql"):
        pytest.skip("Citus distributes PostgreSQL tables; the embedded SQLite is one node")
    await migrate.upgrade(empty_database)
    conn = await asyncpg.connect(asyncpg_dsn(empty_database))
    try:
        tables = {
            r["table_name"]: r["tenant"]
            for r in await conn.fetch(
                "SELECT table_name, bool_or(column_name = 'tenant_id') AS tenant "
                "FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name NOT LIKE 'procrastinate%' GROUP BY table_name"
            )
        }
        keys = await conn.fetch(_KEYS)
    finally:
        await conn.close()
    # Every table is accounted for: with a tenant_id, or named as having none.
    assert {t for t, tenant in tables.items() if not tenant} == WITHOUT_TENANT
    assert set(LOOKED_UP_BEFORE_THE_TENANT) <= {t for t, tenant in tables.items() if tenant}
    distributed = {t for t, tenant in tables.items() if tenant} - set(LOOKED_UP_BEFORE_THE_TENANT)
    assert {"evidence", "decisions", "decision_history", "users", "enrollments"} <= distributed
    wrong = sorted(
        f"{k['table']}.{k['name']} ({', '.join(k['columns'])})"
        for k in keys
        if k["table"] in distributed and k["columns"][0] != "tenant_id"
    )
    assert wrong == []
