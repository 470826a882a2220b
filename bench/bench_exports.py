"""CSV export of a long list against the physical limit, on PostgreSQL.

200,000 results are loaded with plain asyncpg (the export reads, it does not decide), then
`GET /v1/evidence?format=csv` is read from a real server process, streamed, while the server's
resident memory is sampled; in the same run PostgreSQL's own `COPY (SELECT ...) TO STDOUT
WITH CSV HEADER` of the same columns is the limit. Flat memory is the pass mark: the export
holds one page (500 results) at a time, however long the list."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import asyncpg
import httpx

from bench.bench_ingest import _district, _raw_insert, _results, _Server
from bench.common import Section, asyncpg_dsn, scratch_database

COLUMNS = "id, student_id, competency_id, score, max_score, observed_at, source_id, comment"


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _copy_seconds(url: str) -> tuple[float, int]:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    size = 0

    async def sink(chunk: bytes) -> None:
        nonlocal size
        size += len(chunk)

    started = time.perf_counter()
    await conn.copy_from_query(
        f"SELECT {COLUMNS} FROM evidence ORDER BY seq", output=sink, format="csv", header=True
    )
    seconds = time.perf_counter() - started
    await conn.close()
    return seconds, size


async def run() -> Section:
    section = Section("CSV export (issue 12)")
    async with scratch_database() as url:
        token, _ = await _district(url, "export")
        items = _results()
        await _raw_insert(url, items)
        conn = await asyncpg.connect(asyncpg_dsn(url))
        # The plain insert writes to a tenant of its own: hand its rows to the district's.
        await conn.execute(
            "UPDATE evidence SET tenant_id = (SELECT id FROM tenants WHERE slug = 'export')"
        )
        await conn.execute("ANALYZE")
        rows = await conn.fetchval("SELECT count(*) FROM evidence")
        await conn.close()
        server = _Server(url)
        try:
            await server.ready()
            rss = [_rss_mib(server.process.pid)]
            size = lines = 0
            started = time.perf_counter()
            headers = {"Authorization": f"Bearer {token}", "Accept": "text/csv"}
            async with (
                httpx.AsyncClient(base_url=server.base, timeout=600) as client,
                client.stream("GET", "/v1/evidence", headers=headers) as response,
            ):
                response.raise_for_status()
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    lines += chunk.count(b"\n")
                    if lines % 20_000 < chunk.count(b"\n") + 1:
                        rss.append(_rss_mib(server.process.pid))
            http_seconds = time.perf_counter() - started
            rss.append(_rss_mib(server.process.pid))
        finally:
            server.stop()
        copy_seconds, copy_size = await _copy_seconds(url)
    section.add(
        f"- {rows:,} results (tenant of 1,000 students x 50 competencies, loaded by plain insert)"
    )
    section.add(
        f"- `GET /v1/evidence` as CSV, streamed: {http_seconds:.1f} s, {rows / http_seconds:,.0f} "
        f"rows/s, {size / 2**20:.1f} MiB, {lines - 1:,} data lines"
    )
    section.add(
        f"- PostgreSQL `COPY (SELECT ...) TO STDOUT CSV` of {COLUMNS.count(',') + 1} columns: "
        f"{copy_seconds:.1f} s, {rows / copy_seconds:,.0f} rows/s, {copy_size / 2**20:.1f} MiB"
    )
    section.add(f"- ratio HTTP / COPY (rows/s): **{copy_seconds / http_seconds:.2f}**")
    section.add(
        f"- server RSS during the export: start {rss[0]:.0f} MiB, peak {max(rss):.0f} MiB, "
        f"end {rss[-1]:.0f} MiB ({len(rss)} samples)"
    )
    if os.environ.get("BENCH_VERBOSE"):
        section.add(f"- samples: {', '.join(f'{r:.0f}' for r in rss)}")
    return section


if __name__ == "__main__":
    print(asyncio.run(run()).render())
