"""The garbage collector set for a long-running server process (measured by `python -m bench
lti`: docs/decisions/0044-garbage-collector.md).

A page that renders a class's grid allocates tens of thousands of short-lived objects. With
CPython's defaults a young collection runs every 700 allocations, survivors are promoted, and
every so often a full collection walks every object the process holds: the modules, the
framework caches, the app's routes. Those full walks, not the page's work, made the slowest
pages (p95) four times the typical one (p50). Two standard remedies: objects alive once the
process has started are moved out of the collector's sight (`gc.freeze`, CPython ≥ 3.7, what
Instagram's servers do), and young collections run less often, so that a request's temporaries
mostly die before any collection sees them."""

from __future__ import annotations

import gc

# Allocations between two young collections (CPython's default is 700), and young collections
# between two of the middle generation (default 10); the old generation's is left as it is.
# Measured with `python -m bench.profile_graphql 2000 --gc 50000/50/10 200000/25/10 ...` on the
# page of 100 students x 200 decisions. The count is of objects allocated and not yet freed.
# 0058 chose 50,000/50 (22 ms of collections per page, against 49 ms at 20,000/10), when each
# page's decisions were left in a cycle for the collector. Now that a request frees them when
# it is answered (0064), a page's peak stays under 200,000: at 200,000/25 no collection runs
# during the page (0 ms, p50 247 ms, against 35 ms and p50 286 ms at 50,000/50 in the same
# run). Any cyclic garbage waits for at most 200,000 allocations: a few tens of megabytes.
YOUNG_THRESHOLD = 200_000
MIDDLE_THRESHOLD = 25


def settle_after_start_up() -> None:
    """Collect once, freeze what survives (modules, caches, wiring: alive for the process's
    life), and space the young and middle collections out: a server's and a worker's."""
    gc.collect()
    gc.freeze()
    space_out_collections()


def space_out_collections() -> None:
    """Young and middle collections spaced out, for a command that runs once (the collection
    and freeze above would cost it 60 ms). With CPython's defaults, reading a million
    enrollments of a roster import spent 1.2 s of its 3.0 s in 17 full collections, each
    walking the chunks being read (decision 0069)."""
    _, _, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, MIDDLE_THRESHOLD, old)
