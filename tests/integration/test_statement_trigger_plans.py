"""The statement triggers that read a statement's transition tables plan them at each call, with
their real sizes (app/adapters/db/statement_triggers.py, docs/decisions/0072): after a first
call of one row on a connection, a call of many rows is not run with a plan made for one.

PostgreSQL's auto_explain sends each nested statement's plan to the client as a NOTICE, with
the planner's estimate for every transition table it scans: the test reads those. Planned once
per connection, as before migration 0041, the second call's scans were estimated at one row,
and the summary capture joined old and new rows in a nested loop (1.21 million comparisons
for an ingest batch of 1,100 decisions)."""

from __future__ import annotations

import os
import re

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from app.adapters.db import migrate
from tests.conftest import POSTGRES_ENV, asyncpg_dsn

MANY = 400


async def _plans_of_calls(url: str, statements: list[str]) -> list[list[str]]:
    """For each statement, the plans auto_explain reported for the triggers it fired. As the
    server's administrator (only a superuser loads auto_explain), on the test's database."""
    admin = make_url(os.environ[POSTGRES_ENV]).set(database=make_url(url).database)
    conn = await asyncpg.connect(asyncpg_dsn(admin.render_as_string(hide_password=False)))
    notices: list[str] = []
    conn.add_log_listener(lambda _c, message: notices.append(message.message))
    try:
        for setting in (
            "SET mastery.all_tenants = 'on'",
            "LOAD 'auto_explain'",
            "SET auto_explain.log_min_duration = 0",
            "SET auto_explain.log_nested_statements = on",
            "SET auto_explain.log_level = notice",
        ):
            await conn.execute(setting)
        await conn.execute(
            "INSERT INTO tenants (id, slug, name, created_at) VALUES (1, 't', 'T', now())"
        )
        plans: list[list[str]] = []
        for statement in statements:
            notices.clear()
            await conn.execute(statement)
            plans.append([n for n in notices if "Tuplestore Scan" in n])
        return plans
    finally:
        await conn.close()


def _estimates(plans: list[str]) -> list[int]:
    """The planner's row estimates of every transition table scanned in these plans."""
    return [
        int(rows)
        for plan in plans
        for rows in re.findall(r"Named Tuplestore Scan[^\n]*?rows=(\d+)", plan)
    ]


def _users(first: int, last: int) -> str:
    return (
        "INSERT INTO users (tenant_id, id, status, updated_at, role, given_name, family_name, "
        "org_ids, grades, enabled, roles) SELECT 1, 'u' || g, 'active', now(), 'student', 'G', "
        f"'F', '[]', '[]', true, '[]' FROM generate_series({first}, {last}) g"
    )


async def test_a_call_of_many_rows_after_one_of_one_is_planned_for_many(
    empty_database: str,
) -> None:
    if not empty_database.startswith("postgresql"):
        pytest.skip("SQLite's triggers are row-level: no transition table to size")
    await migrate.upgrade(empty_database)
    classes = (
        "INSERT INTO classes (tenant_id, id, status, updated_at, title, course_id, school_id, "
        "session_ids, grades, subjects) VALUES (1, 'k1', 'active', now(), 'K', 'c', 's', "
        "'[]', '[]', '[]')"
    )
    enrollments = (
        "INSERT INTO enrollments (tenant_id, id, status, updated_at, class_id, user_id, role, "
        "\"primary\") SELECT 1, 'e' || g, 'active', now(), 'k1', 'u' || g, 'student', false "
        "FROM generate_series({first}, {last}) g"
    )
    plans = await _plans_of_calls(
        empty_database,
        [
            _users(1, MANY),
            classes,
            # First calls of one row, on this connection...
            "UPDATE users SET role = 'teacher' WHERE id = 'u1'",
            enrollments.format(first=1, last=1),
            # ... then of many: the summary capture's join of old and new users, and the
            # roster links' check of the enrollments inserted.
            "UPDATE users SET role = 'guardian'",
            enrollments.format(first=2, last=MANY),
        ],
    )
    one_user, one_enrollment, every_user, the_other_enrollments = plans[2:]
    assert _estimates(one_user) == [1, 1]  # the join: old and new rows, one each
    assert set(_estimates(one_enrollment)) == {1}
    assert _estimates(every_user) == [MANY, MANY]
    estimated = _estimates(the_other_enrollments)
    assert estimated
    assert set(estimated) == {MANY - 1}
    assert not any("Nested Loop" in plan for plan in every_user)
