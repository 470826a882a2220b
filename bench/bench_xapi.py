"""xAPI statement ingestion through HTTP on PostgreSQL, evidence and decisions included.

The ingest benchmark's district (1,000 students x 50 competencies) receives one statement per
student and competency (50,000), each naming its student by account name and its competency by
the object id's last segment, scored `scaled`: posted to a real server process at /xapi/statements
in batches of 1,000 by 2 concurrent clients. In the same run the same statements are inserted
into learning_records with plain asyncpg (INSERT ... SELECT FROM unnest, nothing else)."""

from __future__ import annotations

import asyncio
import json
import os
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx

from bench.bench_ingest import STUDENTS, _competencies, _district, _Server
from bench.common import Section, asyncpg_dsn, scratch_database

BATCH = int(os.environ.get("BENCH_XAPI_BATCH", 1000))
START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
VERSION = {"X-Experience-API-Version": "1.0.3"}


def _statements() -> list[dict[str, Any]]:
    found = []
    for n in range(STUDENTS):
        for i, cid in enumerate(_competencies()):
            found.append(
                {
                    "id": str(uuid.uuid4()),
                    "actor": {
                        "objectType": "Agent",
                        "account": {"homePage": "https://sis.example", "name": f"stu-{n:05d}"},
                    },
                    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                    "object": {"objectType": "Activity", "id": f"https://lms.example/items/{cid}"},
                    "result": {"score": {"scaled": ((n + i) % 5) / 4}},
                    "timestamp": (START + timedelta(seconds=n)).isoformat(),
                }
            )
    return found


async def _http(base: str, token: str, statements: list[dict[str, Any]]) -> float:
    queue: asyncio.Queue[list[dict[str, Any]]] = asyncio.Queue()
    for i in range(0, len(statements), BATCH):
        queue.put_nowait(statements[i : i + BATCH])
    headers = {"Authorization": f"Bearer {token}", **VERSION}

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=300) as client:
            while not queue.empty():
                response = await client.post("/xapi/statements", json=queue.get_nowait())
                response.raise_for_status()

    started = time.perf_counter()
    await asyncio.gather(worker(), worker())
    return time.perf_counter() - started


def _as_evidence(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same results as /v1/evidence items: the control of the same run."""
    return [
        {
            "student_id": s["actor"]["account"]["name"],
            "competency_id": s["object"]["id"].rsplit("/", 1)[-1],
            "score": s["result"]["score"]["scaled"],
            "max_score": 1.0,
            "observed_at": s["timestamp"],
            "source_id": s["id"],
        }
        for s in statements
    ]


async def _evidence(base: str, token: str, items: list[dict[str, Any]]) -> float:
    queue: asyncio.Queue[list[dict[str, Any]]] = asyncio.Queue()
    for i in range(0, len(items), BATCH):
        queue.put_nowait(items[i : i + BATCH])
    headers = {"Authorization": f"Bearer {token}"}

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=300) as client:
            while not queue.empty():
                response = await client.post("/v1/evidence", json={"items": queue.get_nowait()})
                response.raise_for_status()

    started = time.perf_counter()
    await asyncio.gather(worker(), worker())
    return time.perf_counter() - started


async def _raw(url: str, statements: list[dict[str, Any]]) -> float:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    tenant = await conn.fetchval(
        "INSERT INTO tenants (slug, name, created_at) VALUES ($1, $1, now()) RETURNING id",
        f"raw-{uuid.uuid4().hex[:8]}",
    )
    started = time.perf_counter()
    for i in range(0, len(statements), BATCH):
        batch = statements[i : i + BATCH]
        await conn.execute(
            "INSERT INTO learning_records (tenant_id, kind, id, stored_at, client_id, voided, "
            "student_id, competency_ids, body) SELECT $1, 'xapi', u.id, now(), 'raw', false, "
            "u.student, '[]'::jsonb, u.body::jsonb FROM unnest($2::text[], $3::text[], "
            "$4::text[]) AS u(id, student, body) ON CONFLICT DO NOTHING",
            tenant,
            [s["id"] for s in batch],
            [s["actor"]["account"]["name"] for s in batch],
            [json.dumps(s) for s in batch],
        )
    elapsed = time.perf_counter() - started
    await conn.close()
    return elapsed


async def run() -> Section:
    section = Section("xAPI statement ingestion (issue 17)")
    async with scratch_database() as url:
        token, _ = await _district(url, "bench")
        control, _ = await _district(url, "control")
        statements = _statements()
        server = _Server(url)
        try:
            await server.ready()
            raw_seconds = await _raw(url, statements)
            http_seconds = await _http(server.base, token, statements)
            evidence_seconds = await _evidence(server.base, control, _as_evidence(statements))
        finally:
            server.stop()
        conn = await asyncpg.connect(asyncpg_dsn(url))
        evidence = await conn.fetchval("SELECT count(*) FROM evidence WHERE source = 'xapi'")
        await conn.close()
    total = len(statements)
    http_rate, raw_rate = total / http_seconds, total / raw_seconds
    section.add(
        f"- {STUDENTS} students x {len(_competencies())} competencies: {total:,} statements in "
        f"batches of {BATCH}, 2 concurrent clients, Bearer auth, X-Experience-API-Version 1.0.3"
    )
    section.add(
        f"- HTTP POST /xapi/statements, stored + matched + evidence + decisions and rollups: "
        f"**{http_rate:,.0f} statements/s** ({http_seconds:.1f} s; {evidence:,} evidence rows)"
    )
    section.add(
        f"- raw asyncpg INSERT ... SELECT FROM unnest into learning_records (no validation, "
        f"no evidence): {raw_rate:,.0f} rows/s ({raw_seconds:.1f} s)"
    )
    section.add(
        f"- control, the same results as POST /v1/evidence (another tenant, same server): "
        f"{total / evidence_seconds:,.0f} results/s ({evidence_seconds:.1f} s); time of the "
        f"statements / time of the plain evidence: {http_seconds / evidence_seconds:.2f}"
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    section.add(f"- load average at the end (1, 5, 15 min): {load} on {os.cpu_count()} cores")
    section.add(f"- ratio HTTP / raw: {http_rate / raw_rate:.2f}; target >= 2,000 statements/s")
    return section
