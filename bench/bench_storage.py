"""Bytes on disk per stored row and per result (issue #14; the figures docs/scaling.md plans
from): the ingest bench's district loaded through HTTP, so the decisions, rollups, history and
change events are the ones the service writes; then each table's total size (heap, TOAST and
indexes) over its rows, after VACUUM ANALYZE. A district's storage per year is these bytes per
result times its results per year."""

from __future__ import annotations

import asyncio
import os

import asyncpg

from bench.bench_ingest import _district, _http_ingest, _results, _Server
from bench.common import Section, asyncpg_dsn, scratch_database, table_size

STUDENTS = int(os.environ.get("BENCH_STORAGE_STUDENTS", 200))
TABLES = (
    "evidence",
    "evidence_versions",
    "decisions",
    "decision_history",
    "change_events",
    # The read models kept on write (0056, 0061), as the server's keeper left them.
    "summary_counts",
    "trend_counts",
    # Each decision a trend drain has read: its last entry, where the next drain begins (0084).
    "trend_tails",
)
# A large district (NYC, about 900,000 students): results per year, order of magnitude (#14).
RESULTS_PER_YEAR = 500_000_000


# The capture queues the server's keeper drains into the counts every 5 s (0056, 0061).
QUEUES = ("decision_status_changes", "summary_roster_changes", "trend_history_changes")


async def _drained(url: str, within: float = 120.0) -> None:
    """Waits until the server's keeper has drained what the load captured, so that the counts
    and the trend tails are the ones a running server keeps (stopped at once, the last drain
    was cut short and the counts measured empty)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        waited = 0.0
        pending = " UNION ALL ".join(f"SELECT 1 FROM {q}" for q in QUEUES)
        while await conn.fetchval(f"SELECT EXISTS ({pending})"):
            if waited >= within:
                raise RuntimeError(f"the keeper left captured changes after {within:.0f} s")
            await asyncio.sleep(0.5)
            waited += 0.5
    finally:
        await conn.close()


async def run() -> Section:
    section = Section("Storage per result (issue 14)")
    async with scratch_database() as url:
        token, _ = await _district(url, "storage")
        wanted = {f"stu-{n:05d}" for n in range(STUDENTS)}
        items = [i for i in _results() if i["student_id"] in wanted]
        server = _Server(url)
        try:
            await server.ready()
            await _http_ingest(server.base, token, items)
            await _drained(url)
        finally:
            server.stop()
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            await conn.execute(f"VACUUM ANALYZE {', '.join(TABLES)}")
            rows = []
            for table in TABLES:
                count = await conn.fetchval(f"SELECT count(*) FROM {table}")
                total, heap = await table_size(conn, table)
                rows.append((table, count, total, heap))
        finally:
            await conn.close()
    results = len(items)
    section.add(
        f"{STUDENTS} students x 50 standards (+5 rollups), {results:,} results through "
        "POST /v1/evidence in batches of 1,000; sizes after VACUUM ANALYZE."
    )
    section.add("")
    section.add(
        "| table | rows | rows per result | total MiB | heap bytes/row | total bytes/row "
        "| bytes per result |"
    )
    section.add("|---|---:|---:|---:|---:|---:|---:|")
    per_result = 0.0
    for table, count, total, heap in rows:
        share = total / results
        per_result += share
        section.add(
            f"| {table} | {count:,} | {count / results:.2f} | {total / 2**20:.1f} "
            f"| {heap / max(count, 1):.0f} | {total / max(count, 1):.0f} | {share:.0f} |"
        )
    section.add(f"| **all** | | | | | | **{per_result:.0f}** |")
    section.add("")
    by_table = {table: total / results for table, _, total, _ in rows}
    growing = by_table["evidence"] + by_table["evidence_versions"] + by_table["decision_history"]
    decision_row = next(total / max(count, 1) for t, count, total, _ in rows if t == "decisions")
    section.add(
        f"What grows with results: evidence and history, **{growing:.0f} bytes per result**; "
        f"at {RESULTS_PER_YEAR:,} results a year (a district of about 900,000 students) "
        f"**{growing * RESULTS_PER_YEAR / 2**30:,.0f} GiB a year** before WAL and backups. "
        f"Decisions grow with students x standards ({decision_row:,.0f} bytes per row on disk "
        "here, dead versions from updates included), not with results; change events are kept "
        "`MASTERY_CHANGES_RETENTION_DAYS` (30) and then deleted. The summary and trend counts "
        "grow with groups (schools x grades x subgroups x competencies) and, for trends, with "
        "weeks and months of history, not with results as such; this small district has few "
        "groups, so their share here says little about a large one (see the scale bench). The "
        "trend tails grow with decisions, as the decisions do (a row for each decision whose "
        "history a drain has read, rewritten in place)."
    )
    return section
