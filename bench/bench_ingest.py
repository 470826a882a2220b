"""Evidence ingestion through HTTP against the physical limit, on PostgreSQL.

A synthetic district (1,000 students x 50 competencies, 200,000 results in time order) is posted
to a real server process in batches of 1,000 — decisions and rollups included — and, in the same
run, the same rows are inserted with plain asyncpg (INSERT ... SELECT FROM unnest(...), no
decisions). Then: single-result POST latency at 8 concurrent clients against a no-op endpoint,
the class-grid read (30 students x 50 competencies), and the cost of a 1st versus a 500th result
for one student and competency (incremental state keeps it flat)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from app.bootstrap import build
from app.config import Settings
from app.domain.access import ALL_SCOPES, Principal
from app.domain.framework_commands import CalculationSpec, CompetencySpec, CreateFramework
from app.domain.frameworks import CalculationMethod
from app.domain.roster import (
    Course,
    Enrollment,
    EnrollmentRole,
    Org,
    OrgType,
    RosterRecord,
    SchoolClass,
    User,
    UserRole,
)
from bench.common import Section, asyncpg_dsn, percentile, scratch_database
from bench.cpu import CpuMeter
from bench.district import bench_token, demographics

STUDENTS = int(os.environ.get("BENCH_STUDENTS", 1000))
DOMAINS, STANDARDS = 5, 10  # 5 domains x 10 standards = 50 leaf competencies (+5 rollups)
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 4))  # results per student and competency
BATCH = 1000
# Issue 15: BENCH_CATEGORIES=1 puts a 10/20/70 formative/practice/summative split on the
# framework and a category and weight on every result; BENCH_METHOD names the framework's method
# (the means are the ones that read weights), so a run without categories under the same method
# is the baseline to compare with.
CATEGORIES = os.environ.get("BENCH_CATEGORIES") == "1"
METHOD = os.environ.get("BENCH_METHOD")
SPLIT = (("formative", 10.0), ("practice", 20.0), ("summative", 70.0))
SECRET = "bench-ingest-signing-key-0123456789-abcdefgh"
START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _competencies() -> list[str]:
    return [f"std-{d}-{s}" for d in range(DOMAINS) for s in range(STANDARDS)]


async def _district(url: str, slug: str) -> tuple[str, str]:
    """A tenant with students (and their demographics), one class of 30, a 50-standard
    framework; returns (token, class)."""
    container = build(Settings(database_url=url, secret_key=SECRET, token_ttl_seconds=86_400))
    tenant = await container.use_cases.access.create_tenant(slug=slug)
    records: list[RosterRecord] = [
        Org(id="d", name="District", type=OrgType.DISTRICT),
        Org(id="s", name="School", type=OrgType.SCHOOL, parent_id="d"),
        Course(id="c", title="Math", org_id="d"),
        SchoolClass(id="grid-class", title="Math A", course_id="c", school_id="s"),
    ]
    records += [
        User(
            id=f"stu-{n:05d}",
            role=UserRole.STUDENT,
            given_name="S",
            family_name=str(n),
            org_ids=("s",),
            grades=("05",),
        )
        for n in range(STUDENTS)
    ]
    # Their subgroups, as a district's students have them: what the keepers' drains count
    # under (the bench had none until stop 39, which left the drains a quarter of the work).
    records += [demographics(f"stu-{n:05d}", n) for n in range(STUDENTS)]
    records += [
        Enrollment(
            id=f"e-{n}", class_id="grid-class", user_id=f"stu-{n:05d}", role=EnrollmentRole.STUDENT
        )
        for n in range(30)
    ]
    await container.use_cases.roster.put_records(tenant.id, records)
    principal = Principal("bench", tenant.id, tenant.slug, ALL_SCOPES)
    policy: dict[str, Any] = {}
    if METHOD:
        policy["calculation"] = CalculationSpec(CalculationMethod(METHOD))
    if CATEGORIES:
        from app.domain.categories import EvidenceCategory

        policy["categories"] = tuple(EvidenceCategory(name, w) for name, w in SPLIT)
    await container.use_cases.frameworks.create_framework(
        principal,
        CreateFramework(
            **policy,
            id="fw",
            title="Bench framework",
            competencies=tuple(
                CompetencySpec(
                    id=f"dom-{d}",
                    code=f"D{d}",
                    statement=f"Domain {d}",
                    children=tuple(
                        CompetencySpec(
                            id=f"std-{d}-{s}", code=f"D{d}.{s}", statement=f"Standard {d}.{s}"
                        )
                        for s in range(STANDARDS)
                    ),
                )
                for d in range(DOMAINS)
            ),
        ),
    )
    token = await bench_token(container, tenant)
    await container.close()
    return token, "grid-class"


def _graded(k: int) -> dict[str, Any]:
    """A result's category and weight when the run puts categories in use (else nothing)."""
    if not CATEGORIES:
        return {}
    return {"category": SPLIT[k % 3][0], "weight": float(1 + k % 3)}


def _results() -> list[dict[str, Any]]:
    """Every result in time order: round by round, each student's every competency."""
    items = []
    for r in range(ROUNDS):
        for n in range(STUDENTS):
            for i, cid in enumerate(_competencies()):
                items.append(
                    {
                        "student_id": f"stu-{n:05d}",
                        "competency_id": cid,
                        "score": float((n + i + r) % 5),
                        "max_score": 4.0,
                        "observed_at": (START + timedelta(days=r, seconds=n)).isoformat(),
                        "source_id": f"r{r}-{n}-{cid}",
                    }
                )
                if CATEGORIES:
                    items[-1]["category"] = SPLIT[(n + i + r) % 3][0]
                    items[-1]["weight"] = float(1 + (n + r) % 3)
    return items


class _Server:
    def __init__(self, url: str, workers: int = 1) -> None:
        self.port = _free_port()
        env = {
            **os.environ,
            "MASTERY_DATABASE_URL": url,
            "MASTERY_SECRET_KEY": SECRET,
            "MASTERY_LOG_LEVEL": "WARNING",
            "MASTERY_MAX_BODY_BYTES": str(64 * 1024 * 1024),
        }
        mastery = str(Path(sys.executable).with_name("mastery"))
        self.process = subprocess.Popen(
            [mastery, "serve", "--port", str(self.port), "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"

    async def ready(self) -> None:
        async with httpx.AsyncClient() as client:
            for _ in range(300):
                try:
                    if (await client.get(f"{self.base}/healthz")).status_code == 200:
                        return
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
        raise RuntimeError("server did not start")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


async def _http_ingest(
    base: str, token: str, items: list[dict[str, Any]], clients: int = 2
) -> float:
    batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    queue: asyncio.Queue[list[dict[str, Any]]] = asyncio.Queue()
    for b in batches:
        queue.put_nowait(b)
    # RFC 7240: counts, not the ~1,100 decisions a batch changes (a high-volume sender's answer).
    headers = {"Authorization": f"Bearer {token}", "Prefer": "return=minimal"}

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=120) as client:
            while not queue.empty():
                batch = queue.get_nowait()
                response = await client.post("/v1/evidence", json={"items": batch})
                response.raise_for_status()

    started = time.perf_counter()
    # Two per server process: one posts while the other's batch is parsed.
    await asyncio.gather(*(worker() for _ in range(clients)))
    return time.perf_counter() - started


async def _raw_insert(url: str, items: list[dict[str, Any]]) -> float:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    tenant = await conn.fetchval(
        "INSERT INTO tenants (slug, name, created_at) VALUES ($1, $1, now()) RETURNING id",
        f"raw-{uuid.uuid4().hex[:8]}",
    )
    started = time.perf_counter()
    for i in range(0, len(items), BATCH):
        batch = items[i : i + BATCH]
        await conn.execute(
            "INSERT INTO evidence (tenant_id, id, student_id, competency_id, framework_id, score, "
            "max_score, observed_at, source, source_id, kind, received_at, updated_at, version) "
            "SELECT $1, u.id, u.student, u.competency, u.framework, u.score, u.max_score, "
            "u.observed, 'raw', u.sid, 'summative', now(), now(), 1 FROM unnest($2::text[], "
            "$3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::timestamptz[], "
            "$9::text[]) AS u(id, student, competency, framework, score, max_score, observed, sid) "
            "ON CONFLICT DO NOTHING",
            tenant,
            [str(uuid.uuid4()) for _ in batch],
            [b["student_id"] for b in batch],
            [b["competency_id"] for b in batch],
            ["fw"] * len(batch),
            [b["score"] for b in batch],
            [b["max_score"] for b in batch],
            [datetime.fromisoformat(b["observed_at"]) for b in batch],
            [b["source_id"] for b in batch],
        )
    elapsed = time.perf_counter() - started
    await conn.close()
    return elapsed


async def _latencies(base: str, make: Any, total: int, clients: int = 8) -> list[float]:
    timings: list[float] = []
    counter = iter(range(total))

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            for n in counter:
                method, path, kwargs = make(n)
                started = time.perf_counter()
                response = await client.request(method, path, **kwargs)
                timings.append(time.perf_counter() - started)
                response.raise_for_status()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return timings


async def _with_two_processes(items: list[dict[str, Any]], raw_rate: float) -> str:
    """The same results into a fresh district through `mastery serve --workers 2` (issue #14:
    the Python work of a batch spread over processes), 4 clients."""
    async with scratch_database() as url:
        token, _ = await _district(url, "bench")
        server = _Server(url, workers=2)
        try:
            await server.ready()
            seconds = await _http_ingest(server.base, token, items, clients=4)
        finally:
            server.stop()
    rate = len(items) / seconds
    return (
        f"- the same through `mastery serve --workers 2`, 4 clients, into a fresh district: "
        f"{rate:,.0f} results/s ({seconds:.1f} s); ratio to the raw insert "
        f"**{rate / raw_rate:.2f}**"
    )


def _ms(values: list[float], p: float) -> str:
    return f"{percentile(values, p) * 1000:.1f} ms"


async def run() -> Section:
    section = Section("Evidence ingestion (issue 4)")
    async with scratch_database() as url:
        token, class_id = await _district(url, "bench")
        items = _results()
        server = _Server(url)
        try:
            await server.ready()
            batches = len(items) // BATCH
            with CpuMeter(server.process.pid) as raw_cpu:
                raw_seconds = await _raw_insert(url, items)
            with CpuMeter(server.process.pid) as http_cpu:
                http_seconds = await _http_ingest(server.base, token, items)
            raw_rate, http_rate = len(items) / raw_seconds, len(items) / http_seconds
            section.add(
                f"- {STUDENTS} students x {len(_competencies())} competencies, "
                f"{len(items):,} results in batches of {BATCH}, 2 concurrent clients"
                f"{'; method ' + METHOD if METHOD else ''}"
                f"{'; categories 10/20/70 and item weights on every result' if CATEGORIES else ''}"
            )
            section.add(
                f"- HTTP ingest, decisions and rollups included: {http_rate:,.0f} results/s "
                f"({http_seconds:.1f} s)"
            )
            section.add(
                f"- raw asyncpg INSERT ... SELECT FROM unnest (no decisions): "
                f"{raw_rate:,.0f} rows/s ({raw_seconds:.1f} s)"
            )
            section.add(f"- ratio HTTP / raw: **{http_rate / raw_rate:.2f}** (target >= 0.5)")
            section.add(f"  - HTTP: {http_cpu.per(batches, f'a batch of {BATCH}')}")
            section.add(f"  - raw (this process inserts): {raw_cpu.per(batches, 'the same rows')}")
            if not METHOD and not CATEGORIES:
                section.add(await _with_two_processes(items, raw_rate))

            auth = {"Authorization": f"Bearer {token}", "Prefer": "return=minimal"}
            extra = [
                lambda n: (
                    "POST",
                    "/v1/evidence",
                    {
                        "headers": auth,
                        "json": {
                            "items": [
                                {
                                    "student_id": f"stu-{n % STUDENTS:05d}",
                                    "competency_id": "std-0-0",
                                    "score": 3.0,
                                    "observed_at": (
                                        START + timedelta(days=30, seconds=n)
                                    ).isoformat(),
                                    "source_id": f"single-{n}",
                                    **_graded(n),
                                }
                            ]
                        },
                    },
                ),
                lambda n: ("GET", "/healthz", {}),
            ]
            with CpuMeter(server.process.pid) as post_cpu:
                posts = await _latencies(server.base, extra[0], 2000)
            with CpuMeter(server.process.pid) as noop_cpu:
                noops = await _latencies(server.base, extra[1], 2000)
            ratio = percentile(posts, 99) / percentile(noops, 99)
            section.add(
                f"- single-result POST at 8 clients: p50 {_ms(posts, 50)}, "
                f"p99 {_ms(posts, 99)}; no-op GET /healthz: p50 {_ms(noops, 50)}, "
                f"p99 {_ms(noops, 99)}; p99 ratio **{ratio:.1f}x** "
                "(target <= 3x)"
            )
            section.add(f"  - a POST: {post_cpu.per(len(posts))}")
            section.add(f"  - a no-op: {noop_cpu.per(len(noops))}")

            grid = await _latencies(
                server.base,
                lambda n: (
                    "GET",
                    f"/v1/classes/{class_id}/mastery",
                    {"headers": auth, "params": {"framework_id": "fw"}},
                ),
                200,
                clients=1,
            )
            section.add(
                f"- class grid 30 x 55 (50 standards + 5 rollups): p50 {_ms(grid, 50)}, "
                f"p95 {_ms(grid, 95)}"
            )

            firsts, lasts = await _first_versus_500th(server.base, auth)
            section.add(
                f"- one result for a student/competency with 0 earlier results: median "
                f"{statistics.median(firsts) * 1000:.1f} ms; with 499 earlier: median "
                f"{statistics.median(lasts) * 1000:.1f} ms (in-order results extend the "
                "stored state: no history is read)"
            )
        finally:
            server.stop()
    for line in LIMITS:
        section.add(line)
    return section


# What limits the figures above, from a per-stage timer around the ingest use case (1,000
# results a batch, 1,000 distinct student/competency pairs, in-process, 2026-11-23).
LIMITS = [
    "",
    "**Where it stands and what limits it.** A batch of 1,000 new results writes three tables "
    "where the raw baseline writes one: the evidence (about the baseline's own cost), the "
    "~1,100 decisions it changes (leaves and rollups: a 21-column upsert with three JSONB "
    "columns and two indexes) and their history rows. Timed per stage, the SQL of the "
    "decisions and history statement alone takes about twice the raw insert of the same "
    "batch; the rest is Python (validating 1,000 items, deciding, next score to master; the "
    "bench asks `Prefer: return=minimal`, so the ~1,100 changed decisions are not serialised "
    "into the answer: decision 0057). Round trips were cut from 15 to 5 per request besides "
    "BEGIN, the tenant's setting and COMMIT (the owners, the students' standing and their "
    "locks in one statement, 0077; the crosswalk's matches and the reassessment windows from "
    "memory kept by a revision, 0076; one read of the decisions and their rollup "
    "neighbourhood; decisions and history in one statement; no pre-ping), and a batch of up "
    "to ten results lets PostgreSQL reuse its plans (0078). That is what a single-result POST "
    "pays for. At 8 clients on 2 cores its latency follows the CPU a request costs the whole "
    'machine (the lines "a POST" and "a no-op" above, measured in the same run): a POST about '
    "5 ms (the server about 2.3, PostgreSQL about 1.5 for its eight statements, the load "
    "generator 1.1), a no-op under 1 ms, nearly all of it the load generator's. So 3x the "
    "no-op's p99 needs the whole POST under about 3 ms: with the load generator's 1.1, the "
    "server and PostgreSQL together under 2 ms, half of what they take now. The batch "
    "ingest's split (the lines under its ratio) says what bounds the 0.5: a batch of 1,000 "
    "costs PostgreSQL 115-140 ms of CPU against 17-24 ms for the raw insert of the same rows, "
    "and the server 80-110 ms (Intel Xeon and AMD EPYC, stops 38-39). With every statement "
    "logged (0073, 0080): the decisions and history statement is about a third of "
    "PostgreSQL's time, the evidence insert with its change events a quarter, the keyed "
    "lookups a tenth, the keepers' drains and ANALYZE a fifth. Measured and not enough alone: "
    "the drains a third cheaper (0080: PostgreSQL about 7% less a batch); decisions updated "
    "in place (fillfactor 70: 43% of the updates HOT, the same CPU); the capture triggers and "
    "drains left out altogether (about 20 ms a batch: the price of counts kept on write); "
    "the decisions statement without its three JSON documents (in isolation 48 -> 36 ms). On "
    "2 cores even a server that cost nothing would leave the ratio near 0.4; 0.5 needs "
    "PostgreSQL's work a batch under about 45 ms, a third of what the three tables, their "
    "change feed and their counts take now. Until stop 39 the run above also paid for a "
    "planner that took this district for a one-row one beside the raw insert's (0081: "
    "PostgreSQL 275 -> 127 ms a batch).",
]


async def _first_versus_500th(base: str, auth: dict[str, str]) -> tuple[list[float], list[float]]:
    firsts: list[float] = []
    lasts: list[float] = []
    async with httpx.AsyncClient(base_url=base, headers=auth, timeout=60) as client:
        for pair in range(10):
            student = f"stu-{STUDENTS - 1 - pair:05d}"

            def item(k: int, student: str = student, pair: int = pair) -> dict[str, Any]:
                return {
                    "student_id": student,
                    "competency_id": "std-4-9",
                    "score": 2.0 + k % 2,
                    **_graded(k),
                    "observed_at": (START + timedelta(days=60, minutes=k)).isoformat(),
                    "source_id": f"long-{pair}-{k}",
                }

            started = time.perf_counter()
            (await client.post("/v1/evidence", json={"items": [item(0)]})).raise_for_status()
            firsts.append(time.perf_counter() - started)
            for k in range(1, 499, 166):
                chunk = [item(j) for j in range(k, min(k + 166, 499))]
                (await client.post("/v1/evidence", json={"items": chunk})).raise_for_status()
            started = time.perf_counter()
            (await client.post("/v1/evidence", json={"items": [item(499)]})).raise_for_status()
            lasts.append(time.perf_counter() - started)
    return firsts, lasts
