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

# Allocations between two young collections (CPython's default is 700); the older
# generations' thresholds are left as they are.
YOUNG_THRESHOLD = 20_000


def settle_after_start_up() -> None:
    """Collect once, freeze what survives (modules, caches, wiring: alive for the process's
    life), and space the young collections out."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
