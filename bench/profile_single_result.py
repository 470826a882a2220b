"""What one single-result POST costs the service in CPU (issue #14's p99 target): `python -m
bench.profile_single_result [ROUNDS]` loads bench_ingest's district, settles garbage collection
as a server does, records 500 single results, then times ROUNDS rounds (default 5) of 1,000
single results through the evidence use case in this process, without HTTP, and prints each
round's CPU and wall time a result, then the cProfile of one more round.

The bench's p99 at 8 clients moves by a third from run to run on a shared machine; the CPU a
result in process moves by a tenth, which is what a change to the write path needs to show
(stop 37: 3.0-3.5 ms of CPU a result on a 2-core EPYC, about half of it the 12 statements)."""

from __future__ import annotations

import asyncio
import cProfile
import io
import pstats
import sys
import time
from datetime import timedelta

from app.adapters.garbage_collection import settle_after_start_up, space_out_collections
from app.bootstrap import build
from app.config import Settings
from app.domain.access import ALL_SCOPES, Principal
from app.domain.evidence_acceptance import EvidenceInput
from app.use_cases.evidence import EvidenceRecords
from bench.bench_ingest import SECRET, START, STUDENTS, _district
from bench.common import scratch_database

PER_ROUND = 1000


def _result(n: int) -> EvidenceInput:
    """The n-th single result: a student's newest result on one standard (in order)."""
    return EvidenceInput(
        student_id=f"stu-{n % STUDENTS:05d}",
        competency_id="std-0-0",
        score=3.0,
        observed_at=START + timedelta(days=30, seconds=n),
        source_id=f"single-{n}",
    )


async def _round(
    evidence: EvidenceRecords, principal: Principal, first: int, count: int = PER_ROUND
) -> None:
    """Results `first` to `first + count - 1`, each a POST of its own."""
    for n in range(first, first + count):
        await evidence.record_evidence(principal, [_result(n)])


async def main(rounds: int) -> None:
    async with scratch_database() as url:
        await _district(url, "bench")
        container = build(Settings(database_url=url, secret_key=SECRET))
        space_out_collections()
        settle_after_start_up()
        tenant = await container.use_cases.access.tenant_by_slug("bench")
        principal = Principal("bench", tenant.id, tenant.slug, ALL_SCOPES)
        evidence = container.use_cases.evidence
        await _round(evidence, principal, 0, count=500)  # a warm-up round, untimed
        for r in range(1, rounds + 1):
            cpu, wall = time.process_time(), time.perf_counter()
            await _round(evidence, principal, 100_000 * r)
            per_cpu = (time.process_time() - cpu) / PER_ROUND * 1000
            per_wall = (time.perf_counter() - wall) / PER_ROUND * 1000
            print(f"round {r}: {per_cpu:.3f} ms of CPU, {per_wall:.3f} ms of wall time a result")
        profile = cProfile.Profile()
        profile.enable()
        await _round(evidence, principal, 100_000 * (rounds + 1))
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(30)
        print(out.getvalue())
        await container.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
