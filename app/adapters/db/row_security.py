"""Row-level security on PostgreSQL: a second fence behind the tenant predicate every query
carries. (SQLite has no row-level security; there the predicates are the only fence.)

Every table with a `tenant_id` gets two policies, forced on the table's owner too:
`tenant_isolation` shows and accepts the rows of the tenant named by the transaction-local
setting `mastery.tenant_id`, and `all_tenants` shows every row when `mastery.all_tenants` is
`on`, a scope only code that spans tenants by design opens (the tenant and client directory,
migrations, job recovery). A session that sets neither sees no rows at all. Sessions say which
they are through `session.info`, and each transaction they begin on PostgreSQL sets it.
See docs/decisions/0012-row-level-security-and-logs.md."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session, SessionTransaction

from app.domain.access import TenantId

TENANT_SETTING = "mastery.tenant_id"
ALL_TENANTS_SETTING = "mastery.all_tenants"
TENANT_POLICY = "tenant_isolation"
ALL_TENANTS_POLICY = "all_tenants"

_TENANT = "mastery_tenant"
_ALL_TENANTS = "mastery_all_tenants"
# Driver SQL (asyncpg's placeholders), not sa.text: every transaction pays for this statement,
# and skipping SQLAlchemy's compilation halves its cost (measured: +310 us per unit of work
# through sa.text, +180 us this way, over a bare round trip of 83 us).
_SET_TENANT = f"SELECT set_config('{TENANT_SETTING}', $1, true)"
_SET_ALL_TENANTS = f"SELECT set_config('{ALL_TENANTS_SETTING}', 'on', true)"
# The engine has PostgreSQL plan every statement anew (`force_custom_plan`, engine.py): a plan
# made for a few rows can be ruinous for thousands. A unit of work of a few rows (a single
# result's) lets it reuse one in the same statement: planning was about 0.6 ms of PostgreSQL's
# CPU a single result (docs/decisions/0078-plans-reused-for-a-few-rows.md).
_FEW_ROWS = "mastery_few_rows"
_SET_TENANT_FEW_ROWS = f"{_SET_TENANT}, set_config('plan_cache_mode', 'auto', true)"

log = logging.getLogger("mastery.db")


class ScopedSession(Session):
    """A session that names, at the start of each of its transactions, whose rows it may see."""


@event.listens_for(ScopedSession, "after_begin")
def _scope_transaction(
    session: Session, _transaction: SessionTransaction, connection: Connection
) -> None:
    if connection.dialect.name != "postgresql":
        return
    tenant = session.info.get(_TENANT)
    if tenant is not None:
        scope = _SET_TENANT_FEW_ROWS if session.info.get(_FEW_ROWS) else _SET_TENANT
        connection.exec_driver_sql(scope, (str(tenant),))
    elif session.info.get(_ALL_TENANTS):
        connection.exec_driver_sql(_SET_ALL_TENANTS)


def tenant_session(
    sessions: async_sessionmaker[AsyncSession], tenant: TenantId, *, few_rows: bool = False
) -> AsyncSession:
    """A session that sees one tenant's rows (`few_rows`: UnitOfWorkFactory's)."""
    return sessions(info={_TENANT: tenant, _FEW_ROWS: few_rows})


def all_tenants_session(sessions: async_sessionmaker[AsyncSession]) -> AsyncSession:
    """A session that sees every tenant's rows: only for work that spans tenants by design."""
    return sessions(info={_ALL_TENANTS: True})


def open_to_all_tenants(connection: Connection) -> None:
    """Let this connection's transaction see every tenant's rows (migrations)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(_SET_ALL_TENANTS)


# --- the policies, for migrations -------------------------------------------------------------

_TENANT_TABLES = sa.text(
    """
    SELECT c.relname, format_type(a.atttypid, a.atttypmod)
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      AND a.attname = 'tenant_id' AND NOT a.attisdropped
    ORDER BY c.relname
    """
)


def tenant_tables(connection: Connection) -> list[tuple[str, str]]:
    """Every table of the schema with a `tenant_id` column, with that column's type, as the
    database has them now (so a migration protects the tables of its own revision)."""
    return [(name, kind) for name, kind in connection.execute(_TENANT_TABLES).all()]


def protect(connection: Connection, table: str, tenant_type: str) -> None:
    """Enable and force row-level security on a tenant table, with both policies."""
    quoted = connection.dialect.identifier_preparer.quote(table)
    # Each a scalar subquery: PostgreSQL evaluates it once per query (an InitPlan), not once
    # per row (measured on 1M decisions, a tenant's GROUP BY: 227 ms without RLS, 341 ms with
    # the bare expressions, 231 ms with these). NULLIF: once a session has set the setting,
    # it reads '' (not NULL) after the transaction, and ''::integer would fail the query.
    tenant = f"(SELECT NULLIF(current_setting('{TENANT_SETTING}', true), '')::{tenant_type})"
    everyone = f"(SELECT current_setting('{ALL_TENANTS_SETTING}', true) = 'on')"
    for statement in (
        f"ALTER TABLE {quoted} ENABLE ROW LEVEL SECURITY",
        # The owner is exempt unless forced, and the service may well own its tables.
        f"ALTER TABLE {quoted} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY {TENANT_POLICY} ON {quoted} "
        f"USING (tenant_id = {tenant}) WITH CHECK (tenant_id = {tenant})",
        f"CREATE POLICY {ALL_TENANTS_POLICY} ON {quoted} "
        f"USING ({everyone}) WITH CHECK ({everyone})",
    ):
        connection.exec_driver_sql(statement)


def unprotect(connection: Connection, table: str) -> None:
    """Undo `protect`."""
    quoted = connection.dialect.identifier_preparer.quote(table)
    for statement in (
        f"DROP POLICY IF EXISTS {ALL_TENANTS_POLICY} ON {quoted}",
        f"DROP POLICY IF EXISTS {TENANT_POLICY} ON {quoted}",
        f"ALTER TABLE {quoted} NO FORCE ROW LEVEL SECURITY",
        f"ALTER TABLE {quoted} DISABLE ROW LEVEL SECURITY",
    ):
        connection.exec_driver_sql(statement)


# --- the role the service connects as ---------------------------------------------------------

_ROLE = sa.text("SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")


async def warn_if_row_security_is_bypassed(engine: AsyncEngine) -> bool:
    """Log a warning when the service's PostgreSQL role bypasses row-level security (a
    superuser, or BYPASSRLS); True when it does."""
    if engine.dialect.name != "postgresql":
        return False
    try:
        # Start-up must not wait on a database that is down: readiness reports that.
        async with asyncio.timeout(5), engine.connect() as conn:
            row: Any = (await conn.execute(_ROLE)).one()
    except (TimeoutError, OSError, sa.exc.DBAPIError) as exc:
        log.warning("the PostgreSQL role was not checked for row-level security", exc_info=exc)
        return False
    if not (row.rolsuper or row.rolbypassrls):
        return False
    log.warning(
        "the PostgreSQL role %r is %s: row-level security does not apply to it, so tenant "
        "isolation rests on the queries alone; serve as a role with NOSUPERUSER NOBYPASSRLS",
        row.rolname,
        "a superuser" if row.rolsuper else "BYPASSRLS",
    )
    return True
