"""The server's collector settings (decision 0044): what is alive after start-up is frozen,
and young and middle collections are spaced out (0058, 0064); the old generation keeps its
threshold. A command that runs once spaces them out too (0069)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from app.adapters.garbage_collection import (
    MIDDLE_THRESHOLD,
    YOUNG_THRESHOLD,
    settle_after_start_up,
)
from app.cli.support import with_use_cases
from app.use_cases.catalog import UseCases


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


def test_a_command_spaces_collections_out_without_freezing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A `mastery` command (an import, a demo load) runs with a server's thresholds; it does
    # not pay for the collection and freeze a long-lived process does once.
    monkeypatch.setenv("MASTERY_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("MASTERY_STATE_DIR", str(tmp_path / "state"))
    before = gc.get_threshold()
    alive = {"command": ["rows"]}

    async def thresholds(_: UseCases) -> tuple[int, int, int]:
        return gc.get_threshold()

    try:
        gc.set_threshold(700, 10, before[2])  # CPython's defaults, as a new process has them
        during = with_use_cases(thresholds)
        assert during == (YOUNG_THRESHOLD, MIDDLE_THRESHOLD, before[2])
        assert any(o is alive for o in gc.get_objects())  # nothing frozen
    finally:
        gc.set_threshold(*before)
