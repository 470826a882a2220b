"""Where a OneRoster import's time goes (issue #14): `python -m bench.profile_oneroster
[STUDENTS]` generates a set as bench_oneroster does (default 6,000 students), imports it twice
(into an empty roster, then unchanged) on a scratch PostgreSQL database, and prints for each run
the wall time, the time spent waiting on SQL statements grouped by their first words, and the
cProfile of the Python side (internal time), for the next engineer. PROFILE_EXPLAIN=1 also has
PostgreSQL's auto_explain log the plans of statements over 3 s, with their triggers' times (the
foreign-key checks), in the server's log."""

from __future__ import annotations

import asyncio
import cProfile
import io
import os
import pstats
import sys
import time
import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import event

from app.adapters.garbage_collection import settle_after_start_up
from app.bootstrap import build
from app.config import Settings
from bench.bench_oneroster import DATA, generate
from bench.common import scratch_database


def _explain_slow(dbapi_connection: Any, _: Any) -> None:
    cursor = dbapi_connection.cursor()
    for setting in (
        "LOAD 'auto_explain'",
        "SET auto_explain.log_min_duration = '3s'",
        "SET auto_explain.log_nested_statements = on",
        "SET auto_explain.log_analyze = on",
        "SET auto_explain.log_triggers = on",
    ):
        cursor.execute(setting)
    cursor.close()


def _statement_key(statement: str) -> str:
    words = " ".join(statement.split())[:90]
    return words


async def main(students: int) -> None:
    folder = DATA / f"oneroster-profile-{students}"
    counts = generate(folder, students=students, teachers=max(1, students // 25))
    print(f"set: {sum(counts.values()):,} rows {counts}")
    async with scratch_database("mastery_profile") as url:
        container = build(Settings(database_url=url, secret_key="profile-oneroster-key-0123456789"))
        settle_after_start_up()  # the collector as in the server and the worker that import
        waits: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
        started_at: dict[int, float] = {}

        def before(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
            started_at[id(cursor)] = time.perf_counter()

        def after(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
            spent = time.perf_counter() - started_at.pop(id(cursor), time.perf_counter())
            entry = waits[_statement_key(statement)]
            entry[0] += spent
            entry[1] += 1

        engine = container.engine.sync_engine
        if os.environ.get("PROFILE_EXPLAIN"):  # slow statements' plans, in the server's log
            event.listen(engine, "connect", _explain_slow)
        event.listen(engine, "before_cursor_execute", before)
        event.listen(engine, "after_cursor_execute", after)
        try:
            slug = f"p-{uuid.uuid4().hex[:8]}"
            tenant = await container.use_cases.access.create_tenant(slug=slug)
            for label in ("into an empty roster", "again, nothing changed"):
                waits.clear()
                source = container.adapters.roster_files.open(folder)
                profile = cProfile.Profile()
                started = time.perf_counter()
                profile.enable()
                await container.use_cases.roster_imports.import_roster(tenant.id, source)
                profile.disable()
                elapsed = time.perf_counter() - started
                await source.close()
                sql = sum(v[0] for v in waits.values())
                print(f"\n=== import {label}: {elapsed:.2f} s, {sql:.2f} s in SQL statements")
                for key, (spent, n) in sorted(waits.items(), key=lambda kv: -kv[1][0])[:25]:
                    print(f"{spent:8.3f} s {n:6d}x  {key}")
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
                print(out.getvalue())
        finally:
            await container.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 6000))
