"""The server's collector settings (decision 0044): what is alive after start-up is frozen,
and young and middle collections are spaced out (0058, 0064); the old generation keeps its
threshold."""

from __future__ import annotations

import gc

from app.adapters.garbage_collection import (
    MIDDLE_THRESHOLD,
    YOUNG_THRESHOLD,
    settle_after_start_up,
)


def test_start_up_objects_are_frozen_and_young_collections_spaced_out() -> None:
    before = gc.get_threshold()
    alive = {"framework": ["cache"]}  # an object alive at start-up (tracked: it holds others)
    try:
        gc.unfreeze()
        assert any(o is alive for o in gc.get_objects())  # the collector walks it
        settle_after_start_up()
        assert not any(o is alive for o in gc.get_objects())  # frozen: no collection walks it
        assert gc.get_threshold() == (YOUNG_THRESHOLD, MIDDLE_THRESHOLD, before[2])
        assert (YOUNG_THRESHOLD, MIDDLE_THRESHOLD) == (200_000, 25)  # as measured in 0064
        later = {"request": ["page"]}
        assert any(o is later for o in gc.get_objects())  # what a request allocates is seen
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
