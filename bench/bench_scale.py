"""District scale (issue #14, "Benchmarks at scale"): a district of 50,000 students and 200
competencies, 10M decisions, 50M results and their history, loaded in bulk (bench.district and
bench.evidence_load: COPY and INSERT … SELECT, not HTTP); then the reads a district makes of it,
each beside its limit: the plain SQL of the same answer on the same data, in the same run.

MASTERY_BENCH_SCALE_STUDENTS (default 50,000) and MASTERY_BENCH_SCALE_RESULTS (results per
decision, default 5) size it; the section says which sizes ran."""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from app.adapters.db import migrate
from app.adapters.db.engine import session_factory
from app.adapters.db.queries import SqlReadModels
from app.adapters.garbage_collection import settle_after_start_up
from app.api.app import create_app
from app.bootstrap import build
from app.domain.access import ALL_SCOPES, Principal
from app.domain.report_scope import ReportFilter
from app.domain.reporting import Dimension, Interval
from bench import district, evidence_load
from bench.bench_graphql import (
    GRID,
    PLAIN_SCHOOL_COMPETENCY,
    SUMMARY,
    _query,
    _times,
    bench_settings,
)
from bench.common import (
    Section,
    admin_url,
    asyncpg_dsn,
    percentile,
    scratch_database,
    table_size,
)

STUDENTS = int(os.environ.get("MASTERY_BENCH_SCALE_STUDENTS", "50000"))
RESULTS = int(os.environ.get("MASTERY_BENCH_SCALE_RESULTS", "5"))
COMPETENCIES = 200
RUNS = 10
KEEP = os.environ.get("MASTERY_BENCH_SCALE_KEEP", "")
STUDENT = "s000007"

TREND = """{ masteryTrend(frameworkId: "fw", groupBy: [SCHOOL], from: "2026-07-01T00:00:00Z",
  to: "2026-10-01T00:00:00Z", interval: MONTH) { points { periodStart rows {
  key { school { id } } students mastered notYet insufficientEvidence } } } }"""
# A school's grades over time: counted live (the trend counts keep no school x grade rows).
SCHOOL_GRADES = TREND.replace(
    "groupBy: [SCHOOL]", 'groupBy: [GRADE], filter: {schoolId: "school-0"}'
)
SCHOOL_GRADES = SCHOOL_GRADES.replace("key { school { id } }", "key { grade }")
GRID_200 = GRID.replace('"grid"', '"fw"')

# Each answer as a person would write it by hand, over the same rows.
PLAIN_TREND = """
SELECT cut, o.id, s.status, count(*)
FROM unnest($2::timestamptz[]) AS cut
CROSS JOIN LATERAL (
    SELECT DISTINCT ON (h.student_id, h.competency_id) h.student_id, h.status
    FROM decision_history h
    WHERE h.tenant_id = $1 AND h.framework_id = 'fw' AND h.valid_from < cut
    ORDER BY h.student_id, h.competency_id, h.seq DESC
) AS s
JOIN users u ON u.tenant_id = $1 AND u.id = s.student_id AND u.role = 'student'
    AND u.status = 'active'
JOIN user_orgs uo ON uo.tenant_id = $1 AND uo.user_id = s.student_id
JOIN orgs o ON o.tenant_id = $1 AND o.id = uo.org_id AND o.type = 'school' AND o.status = 'active'
GROUP BY 1, 2, 3"""
PLAIN_SCHOOL_GRADES = """
SELECT cut, g.grade, s.status, count(*)
FROM unnest($2::timestamptz[]) AS cut
CROSS JOIN LATERAL (
    SELECT DISTINCT ON (h.student_id, h.competency_id) h.student_id, h.status
    FROM decision_history h
    JOIN user_orgs uo ON uo.tenant_id = $1 AND uo.user_id = h.student_id
        AND uo.org_id = 'school-0'
    WHERE h.tenant_id = $1 AND h.framework_id = 'fw' AND h.valid_from < cut
    ORDER BY h.student_id, h.competency_id, h.seq DESC
) AS s
JOIN users u ON u.tenant_id = $1 AND u.id = s.student_id AND u.role = 'student'
    AND u.status = 'active'
JOIN user_grades g ON g.tenant_id = $1 AND g.user_id = s.student_id
GROUP BY 1, 2, 3"""
PLAIN_STUDENT = """SELECT * FROM decisions
WHERE tenant_id = $1 AND student_id = $2 AND framework_id = 'fw' ORDER BY competency_id"""
PLAIN_RESULTS = """SELECT * FROM evidence WHERE tenant_id = $1 AND student_id = $2
ORDER BY seq LIMIT 100"""
PLAIN_HISTORY = """SELECT * FROM decision_history WHERE tenant_id = $1 AND student_id = $2
AND competency_id = 'fw-c001' ORDER BY seq"""
PLAIN_GRID = """SELECT d.* FROM enrollments e
JOIN decisions d ON d.tenant_id = e.tenant_id AND d.student_id = e.user_id
WHERE e.tenant_id = $1 AND e.class_id = 'class-0' AND e.role = 'student'
    AND e.status = 'active' AND d.framework_id = 'fw'"""
CUTS = [f"2026-{m:02d}-01T00:00:00+00:00" for m in (7, 8, 9, 10)]


def _get(client: httpx.AsyncClient, token: str, path: str) -> Callable[[], Awaitable[Any]]:
    async def run() -> Any:
        response = await client.get(path, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text
        return response.json()

    return run


def _plain(conn: asyncpg.Connection, sql: str, *args: Any) -> Callable[[], Awaitable[Any]]:
    async def run() -> Any:
        return await conn.fetch(sql, *args)

    return run


async def run() -> Section:
    section = Section("District scale: 50M results (issue 14)")
    async with _database() as (url, fresh):
        container = build(bench_settings(url))
        try:
            started = time.perf_counter()
            if fresh:
                big = await district.build(
                    container, url, "district", STUDENTS, COMPETENCIES, grid=True
                )
                written = await evidence_load.load(url, big.tenant.id, "fw", RESULTS)
                await district.finish(url)
                loaded = f"loaded in bulk in {time.perf_counter() - started:.0f} s"
            else:
                tenant = await container.use_cases.access.tenant_by_slug("district")
                big = district.District(tenant, STUDENTS, COMPETENCIES, STUDENTS // 1000)
                written = await _counted(url)
                loaded = f"loaded in bulk by an earlier run ({KEEP})"
            section.add(
                f"District: {big.students:,} students in {big.schools} schools, "
                f"{big.competencies} competencies, {big.students * big.competencies:,} decisions, "
                f"{written['evidence']:,} results and {written['decision_history']:,} history "
                f"entries, {loaded} (COPY and INSERT … SELECT, indexes built after, VACUUM "
                "ANALYZE). Reads through the ASGI app in process (httpx: auth, use cases, "
                f"JSON), {RUNS} runs each (3 for a read of seconds) after one warm-up; the "
                "limit is the plain SQL of the same answer over one open asyncpg connection."
            )
            started = time.perf_counter()
            refreshed = await container.summary_refresher.refresh(big.tenant.id)
            built = "built from the decisions" if refreshed.rebuilt else "brought up to date"
            section.add(
                f"Summary and trend counts (docs/decisions/0056, 0061) {built} in "
                f"{time.perf_counter() - started:.0f} s before the reads."
            )
            await _measure(section, container, url, big)
        finally:
            await container.close()
    return section


@asynccontextmanager
async def _database() -> AsyncIterator[tuple[str, bool]]:
    """A scratch database, dropped after; or, with MASTERY_BENCH_SCALE_KEEP=name, that database
    kept between runs (loaded the first time, migrated to the code's head every time): the
    load takes half an hour, the reads minutes."""
    if not KEEP:
        async with scratch_database("mastery_bench_scale") as url:
            yield url, True
        return
    admin = await asyncpg.connect(asyncpg_dsn(admin_url()))
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", KEEP)
        if not exists:
            await admin.execute(f'CREATE DATABASE "{KEEP}"')
    finally:
        await admin.close()
    url = make_url(admin_url()).set(database=KEEP).render_as_string(hide_password=False)
    await migrate.upgrade(url)
    yield url, not exists


async def _counted(url: str) -> dict[str, int]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return {
            table: int(await conn.fetchval(f"SELECT count(*) FROM {table}"))
            for table in ("evidence", "decision_history")
        }
    finally:
        await conn.close()


async def _measure(section: Section, container: Any, url: str, big: district.District) -> None:
    app = create_app(use_cases=container.use_cases)
    settle_after_start_up()
    section.add()
    section.add("| read | p50 ms | p95 ms | plain SQL p50 ms | p95 ms | ratio (p50) |")
    section.add("|---|---:|---:|---:|---:|---:|")
    tenant = big.tenant.id
    conn = await asyncpg.connect(asyncpg_dsn(url))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://bench", timeout=600
    ) as client:
        token = await district.bench_token(container, big.tenant)
        summary = SUMMARY.format(dims="SCHOOL, COMPETENCY", key="school { id } competency { id }")
        cuts = [datetime.fromisoformat(c) for c in CUTS]
        by_grade = _trend_use_case(container, big, grades=True)
        notes: list[str] = []
        reads = [
            (
                "summary SCHOOL x COMPETENCY (GraphQL)",
                _query(client, token, summary),
                _plain(conn, PLAIN_SCHOOL_COMPETENCY, tenant),
            ),
            (
                "trend by SCHOOL, 3 months (GraphQL)",
                _within_budget(client, token, TREND, _trend_use_case(container, big), notes),
                _plain(conn, PLAIN_TREND, tenant, cuts),
            ),
            (
                "trend by GRADE within a school, 3 months (GraphQL, counted live)",
                _within_budget(client, token, SCHOOL_GRADES, by_grade, notes),
                _plain(conn, PLAIN_SCHOOL_GRADES, tenant, cuts),
            ),
            (
                "student page: 200 decisions (REST)",
                _get(client, token, f"/v1/students/{STUDENT}/mastery?framework_id=fw"),
                _plain(conn, PLAIN_STUDENT, tenant, STUDENT),
            ),
            (
                "a student's first 100 results (REST)",
                _get(client, token, f"/v1/evidence?student_id={STUDENT}&limit=100"),
                _plain(conn, PLAIN_RESULTS, tenant, STUDENT),
            ),
            (
                "one decision's history (REST)",
                _get(client, token, f"/v1/students/{STUDENT}/mastery/fw-c001/history"),
                _plain(conn, PLAIN_HISTORY, tenant, STUDENT),
            ),
            (
                "class grid 30 x 200 (GraphQL)",
                _query(client, token, GRID_200),
                _plain(conn, PLAIN_GRID, tenant),
            ),
        ]
        # The trend's use case over the kept counts against the live as-of read it replaced.
        reads.append(
            (
                "trend by SCHOOL, 3 months, in process: kept counts against the live read",
                _trend_use_case(container, big),
                _trend_use_case(container, big, live=True),
            )
        )
        try:
            for name, ours, limit in reads:
                runs = await _runs(ours)
                mine, plain = await _times(ours, runs), await _times(limit, runs)
                ratio = percentile(mine, 50) / percentile(plain, 50)
                section.add(
                    f"| {name} | {percentile(mine, 50):.1f} | {percentile(mine, 95):.1f} | "
                    f"{percentile(plain, 50):.1f} | {percentile(plain, 95):.1f} | {ratio:.1f} |"
                )
        finally:
            await conn.close()
    section.add()
    for note in dict.fromkeys(notes):
        section.add(note)
        section.add()
    size = await _sizes(url)
    section.add(f"On disk after the load: {size}.")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    section.add(f"Load average at the end: {load}.")


def _within_budget(
    client: httpx.AsyncClient,
    token: str,
    query: str,
    direct: Callable[[], Awaitable[Any]],
    notes: list[str],
) -> Callable[[], Awaitable[Any]]:
    """The GraphQL query; once GraphQL has stopped it at its time budget, the same answer
    through the use case in process (so the bench still says how long it takes), with a note."""
    stopped: list[bool] = []

    async def run() -> Any:
        if stopped:
            return await direct()
        response = await client.post(
            "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}
        )
        body = response.json()
        codes = {(e.get("extensions") or {}).get("code") for e in body.get("errors") or ()}
        if "TIME_BUDGET_EXCEEDED" in codes:
            stopped.append(True)
            notes.append(
                "The trend ran past GraphQL's time budget (MASTERY_GRAPHQL_TIME_BUDGET_SECONDS, "
                "15 s) and was stopped: its row times the same trend through the use case in "
                "process (Reports.mastery_trend), without the budget."
            )
            return await direct()
        assert response.status_code == 200, body
        assert not codes, body
        return body

    return run


def _trend_use_case(
    container: Any, big: district.District, *, live: bool = False, grades: bool = False
) -> Callable[[], Awaitable[Any]]:
    """Reports.mastery_trend by school (`grades`: by grade within school-0); `live`: over read
    models without the kept counts (the live as-of read of the whole history, as before
    decision 0061)."""
    principal = Principal("bench", big.tenant.id, big.tenant.slug, ALL_SCOPES)
    reports = container.use_cases.reports
    if live:
        sessions = session_factory(container.engine)
        reports = replace(reports, reads=lambda tenant: SqlReadModels(sessions, tenant))

    async def run() -> Any:
        return await reports.mastery_trend(
            principal,
            "fw",
            [Dimension.GRADE if grades else Dimension.SCHOOL],
            datetime.fromisoformat(CUTS[0]),
            datetime.fromisoformat(CUTS[-1]),
            Interval.MONTH,
            ReportFilter(school_id="school-0" if grades else None),
        )

    return run


async def _runs(read: Callable[[], Awaitable[Any]]) -> int:
    """RUNS, or 3 for a read that takes seconds (a trend over 50M rows): the bench must end."""
    started = time.perf_counter()
    await read()
    return RUNS if time.perf_counter() - started < 2 else 3


async def _sizes(url: str) -> str:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        tables = ("decisions", "decision_history", "evidence", "summary_counts", "trend_counts")
        sizes = {table: await table_size(conn, table) for table in tables}
        rows = {t: int(await conn.fetchval(f"SELECT count(*) FROM {t}")) for t in tables[3:]}
    finally:
        await conn.close()
    return "; ".join(
        f"{table}{f' ({rows[table]:,} rows)' if table in rows else ''} {total / 2**20:,.0f} MiB "
        f"({heap / 2**20:,.0f} MiB heap, the rest indexes)"
        for table, (total, heap) in sizes.items()
    )
