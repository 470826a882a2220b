"""Where a GraphQL page's time goes (issue #14): `python -m bench.profile_graphql [STUDENTS]`
loads a district (default 2,000 students x 200 competencies) as bench_graphql does, with its
summary counts built, settles garbage collection as a server does, times the class grid, the
pages of 100 students x 50 and x 200 decisions, the summary SCHOOL x COMPETENCY and the simple
query with the garbage collections they caused, and prints each one's cProfile (by internal
and by cumulative time) for the next engineer.

`python -m bench.profile_graphql STUDENTS --gc 20000/10/10 100000/100/10 ...` compares garbage
collector thresholds instead (young/middle/old, each after `settle_after_start_up`): the page
of 100 x 200 is timed under each in turn, round after round, so that the machine's load falls
on all alike."""

from __future__ import annotations

import asyncio
import cProfile
import gc
import io
import pstats
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

import httpx

from app.adapters.garbage_collection import settle_after_start_up
from app.api.app import create_app
from app.bootstrap import build
from bench import district
from bench.bench_graphql import GRID, PAGE, PAGE_200, SIMPLE, SUMMARY, bench_settings
from bench.common import scratch_database

RUNS = 5
QUERIES = {
    "grid 30x50": GRID,
    "100x50": PAGE,
    "100x200": PAGE_200,
    "summary SCHOOL x COMPETENCY": SUMMARY.format(
        dims="SCHOOL, COMPETENCY", key="school { id } competency { id }"
    ),
    # The simple query's cost is the service's own per request (auth, limits, middleware).
    "simple query": SIMPLE,
}


@contextmanager
def collections() -> Iterator[list[tuple[int, float]]]:
    """Each garbage collection while inside: its generation and milliseconds."""
    found: list[tuple[int, float]] = []
    started = [0.0]

    def timed(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            found.append((info["generation"], (time.perf_counter() - started[0]) * 1000))

    gc.callbacks.append(timed)
    try:
        yield found
    finally:
        gc.callbacks.remove(timed)


@asynccontextmanager
async def served_district(students: int) -> AsyncIterator[tuple[httpx.AsyncClient, dict[str, str]]]:
    """A loaded district behind the app in process, the collector settled as a server settles
    it: a client and the headers of a token that reads it."""
    async with scratch_database("mastery_profile") as url:
        container = build(bench_settings(url))
        try:
            big = await district.build(container, url, "district", students, 200, grid=True)
            await district.build_counts(container, big.tenant)
            await district.finish(url)
            app = create_app(use_cases=container.use_cases)
            settle_after_start_up()
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://b") as client:
                token = await district.bench_token(container, big.tenant)
                yield client, {"Authorization": f"Bearer {token}"}
        finally:
            await container.close()


async def main(students: int) -> None:
    async with served_district(students) as (client, headers):
        for name, query in QUERIES.items():
            body = {"query": query}
            for _ in range(2):  # warm: plans, caches
                await client.post("/graphql", json=body, headers=headers, timeout=600)
            times = []
            with collections() as collected:
                for _ in range(RUNS):
                    started = time.perf_counter()
                    await client.post("/graphql", json=body, headers=headers, timeout=600)
                    times.append((time.perf_counter() - started) * 1000)
            print(f"{name}: ms {sorted(round(t) for t in times)}")
            print(
                f"  garbage collection per request: {len(collected) / RUNS:.1f} "
                f"collections, {sum(ms for _, ms in collected) / RUNS:.1f} ms; by "
                f"generation {sorted(Counter(g for g, _ in collected).items())}"
            )
            profile = cProfile.Profile()
            profile.enable()
            await client.post("/graphql", json=body, headers=headers, timeout=600)
            profile.disable()
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out)
            stats.sort_stats("tottime").print_stats(20)
            stats.sort_stats("cumulative").print_stats(40)
            print(out.getvalue())


async def compare_thresholds(students: int, thresholds: list[tuple[int, int, int]]) -> None:
    times: dict[tuple[int, int, int], list[float]] = {t: [] for t in thresholds}
    collected_ms: dict[tuple[int, int, int], list[float]] = {t: [] for t in thresholds}
    async with served_district(students) as (client, headers):
        body = {"query": PAGE_200}
        for _ in range(2):  # warm: plans, caches
            await client.post("/graphql", json=body, headers=headers, timeout=600)
        for _ in range(RUNS * 4):
            for threshold in thresholds:
                gc.set_threshold(*threshold)
                with collections() as collected:
                    started = time.perf_counter()
                    await client.post("/graphql", json=body, headers=headers, timeout=600)
                    times[threshold].append((time.perf_counter() - started) * 1000)
                collected_ms[threshold].append(sum(ms for _, ms in collected))
    for threshold in thresholds:
        ms = sorted(times[threshold])
        print(
            f"thresholds {threshold}: page 100x200 p50 {ms[len(ms) // 2]:.0f} ms, "
            f"p95 {ms[int(len(ms) * 0.95)]:.0f} ms, max {ms[-1]:.0f} ms; garbage "
            f"collection {sum(collected_ms[threshold]) / len(ms):.1f} ms per request"
        )


if __name__ == "__main__":
    arguments = sys.argv[1:]
    size = int(arguments[0]) if arguments and arguments[0].isdigit() else 2000
    if "--gc" in arguments:
        given = arguments[arguments.index("--gc") + 1 :]
        compared = [tuple(int(n) for n in t.split("/")) for t in given]
        asyncio.run(compare_thresholds(size, compared))  # type: ignore[arg-type]
    else:
        asyncio.run(main(size))
