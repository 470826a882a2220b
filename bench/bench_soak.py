"""Soak: evidence ingested at 80% of the measured maximum for ten minutes against PostgreSQL.

A real server process over a scratch database; first the maximum rate is measured (closed loop:
four clients posting batches of 100 back to back for a minute), then batches of 100 results are
sent open-loop at 80% of that rate (a batch leaves on schedule whether or not earlier ones have
answered, so a server that slows down shows it as latency, not as a lower offered load). Every
minute: requests, errors, p50 and p99 latency, and the server's resident memory. Flat p99 and
RSS over the run is the pass mark; any error fails it."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.bench_ingest import START, STUDENTS, _competencies, _district, _Server
from bench.common import Section, percentile, scratch_database

SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", 600))
LOAD_SHARE = 0.8
BATCH = 100
PROBE_SECONDS = int(os.environ.get("BENCH_SOAK_PROBE_SECONDS", 60))
PROBE_CLIENTS = 4
MINUTE = 60.0


def _stream(first_round: int = 0) -> Iterator[dict[str, Any]]:
    """Results in time order, round after round, without end."""
    competencies = _competencies()
    r = first_round
    while True:
        for n in range(STUDENTS):
            for i, cid in enumerate(competencies):
                yield {
                    "student_id": f"stu-{n:05d}",
                    "competency_id": cid,
                    "score": float((n + i + r) % 5),
                    "max_score": 4.0,
                    "observed_at": (START + timedelta(days=r, seconds=n)).isoformat(),
                    "source_id": f"soak-r{r}-{n}-{cid}",
                }
        r += 1


def _take(stream: Iterator[dict[str, Any]], size: int) -> list[dict[str, Any]]:
    return [next(stream) for _ in range(size)]


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class _Minute:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    rss_mib: float = 0.0


async def _maximum(base: str, token: str, stream: Iterator[dict[str, Any]]) -> float:
    """Results per second with the soak's batch size, clients posting back to back (closed
    loop: the server is never idle and never queues more than the clients)."""
    headers = {"Authorization": f"Bearer {token}"}
    posted = 0
    started = time.perf_counter()

    async def client_loop() -> None:
        nonlocal posted
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=120) as client:
            while time.perf_counter() - started < PROBE_SECONDS:
                response = await client.post("/v1/evidence", json={"items": _take(stream, BATCH)})
                response.raise_for_status()
                posted += BATCH

    await asyncio.gather(*(client_loop() for _ in range(PROBE_CLIENTS)))
    return posted / (time.perf_counter() - started)


async def _soak(
    server: _Server, token: str, stream: Iterator[dict[str, Any]], rate: float
) -> list[_Minute]:
    interval = BATCH / rate
    minutes = [_Minute() for _ in range(max(1, round(SOAK_SECONDS / MINUTE)))]
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    started = time.perf_counter()
    tasks: set[asyncio.Task[None]] = set()
    async with httpx.AsyncClient(
        base_url=server.base,
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
        limits=limits,
    ) as client:

        async def post(items: list[dict[str, Any]], minute: _Minute) -> None:
            sent = time.perf_counter()
            try:
                response = await client.post("/v1/evidence", json={"items": items})
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            minute.latencies.append(time.perf_counter() - sent)
            minute.errors += not ok

        sent = 0
        while (elapsed := time.perf_counter() - started) < SOAK_SECONDS:
            index = min(int(elapsed // MINUTE), len(minutes) - 1)
            task = asyncio.create_task(post(_take(stream, BATCH), minutes[index]))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            sent += 1
            minutes[index].rss_mib = _rss_mib(server.process.pid)
            await asyncio.sleep(max(0.0, started + sent * interval - time.perf_counter()))
        await asyncio.gather(*tasks)
    return minutes


async def run() -> Section:
    section = Section("Soak: ingest at 80% of the maximum (issue 11)")
    stream = _stream()
    async with scratch_database() as url:
        token, _ = await _district(url, "soak")
        server = _Server(url)
        try:
            await server.ready()
            maximum = await _maximum(server.base, token, stream)
            rate = maximum * LOAD_SHARE
            section.add(
                f"- maximum measured first: {maximum:,.0f} results/s ({PROBE_CLIENTS} clients "
                f"back to back, batches of {BATCH}, {PROBE_SECONDS} s); offered load "
                f"{rate:,.0f} results/s ({rate / BATCH:.1f} requests/s, open loop) for "
                f"{SOAK_SECONDS} s"
            )
            minutes = await _soak(server, token, stream, rate)
        finally:
            server.stop()
    section.add("")
    section.add("| minute | requests | errors | p50 ms | p99 ms | server RSS MiB |")
    section.add("|---:|---:|---:|---:|---:|---:|")
    for n, m in enumerate(minutes, 1):
        if not m.latencies:
            continue
        section.add(
            f"| {n} | {len(m.latencies)} | {m.errors} | "
            f"{percentile(m.latencies, 50) * 1000:.0f} | {percentile(m.latencies, 99) * 1000:.0f} "
            f"| {m.rss_mib:.0f} |"
        )
    full = [m for m in minutes if m.latencies]
    errors = sum(m.errors for m in full)
    first, last = full[0], full[-1]
    section.add("")
    section.add(
        f"- errors: **{errors}**; p99 first minute "
        f"{percentile(first.latencies, 99) * 1000:.0f} ms, "
        f"last minute {percentile(last.latencies, 99) * 1000:.0f} ms; RSS first minute "
        f"{first.rss_mib:.0f} MiB, last {last.rss_mib:.0f} MiB"
    )
    return section
