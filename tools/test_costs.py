"""What each test costs: a pytest plugin, and its summary (decision 0074).

The suite's wall time on 2 cores is its CPU time over two, and most of that CPU is not spent in
the pytest workers but in the `mastery` commands and servers the tests start. This plugin
records, for every test, its wall time, the worker's own CPU and the CPU of the child processes
it reaped, so that a slow suite can be read test by test:

    PYTHONPATH=. PYTEST_ADDOPTS="-p tools.test_costs" make test
    .venv/bin/python -m tools.test_costs          # by file, then the costliest tests

Each worker appends to its own file under MASTERY_TEST_COSTS (default: the temporary folder's
`mastery-test-costs`); remove the folder before a run. A server a module's fixture keeps is
counted when it is reaped, in the test whose teardown stops it."""

from __future__ import annotations

import functools
import json
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest


def costs_folder() -> Path:
    default = Path(tempfile.gettempdir()) / "mastery-test-costs"
    return Path(os.environ.get("MASTERY_TEST_COSTS", default))


@dataclass(frozen=True)
class Cost:
    """One test's wall time and CPU seconds: the worker's own, and its reaped children's."""

    test: str
    wall: float
    own: float
    children: float

    @property
    def file(self) -> str:
        return self.test.split("::", 1)[0]


def _now() -> tuple[float, float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        time.perf_counter(),
        own.ru_utime + own.ru_stime,
        children.ru_utime + children.ru_stime,
    )


@functools.cache
def _records() -> IO[str]:
    """This worker's file, opened at its first test."""
    folder = costs_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return (folder / f"{os.getpid()}.jsonl").open("a", encoding="utf-8")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None]:
    before = _now()
    yield
    after = _now()
    wall, own, children = (b - a for a, b in zip(before, after, strict=True))
    record = {"test": item.nodeid, "wall": wall, "own": own, "children": children}
    _records().write(json.dumps(record) + "\n")
    _records().flush()


def read_costs(folder: Path) -> list[Cost]:
    return [
        Cost(**json.loads(line))
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]


def by_file(costs: Iterable[Cost]) -> list[tuple[str, int, Cost]]:
    """Each file's tests summed (its name, how many, their total), the costliest CPU first."""
    files: dict[str, list[Cost]] = defaultdict(list)
    for c in costs:
        files[c.file].append(c)
    rows = [(f, len(cs), _sum(f, cs)) for f, cs in files.items()]
    return sorted(rows, key=lambda r: -(r[2].own + r[2].children))


def _sum(name: str, costs: list[Cost]) -> Cost:
    return Cost(
        name,
        sum(c.wall for c in costs),
        sum(c.own for c in costs),
        sum(c.children for c in costs),
    )


def report(costs: list[Cost], top: int = 30) -> str:
    run = _sum("the run", costs)
    lines = [
        f"{len(costs)} tests: wall {run.wall:.0f} s, own CPU {run.own:.0f} s, child processes' "
        f"CPU {run.children:.0f} s",
        "",
        "   wall     own  children     n  file",
    ]
    for name, n, c in by_file(costs)[:top]:
        lines.append(f"{c.wall:7.1f} {c.own:7.1f} {c.children:9.1f} {n:5d}  {name}")
    lines += ["", "   wall     own  children  test"]
    for c in sorted(costs, key=lambda c: -(c.own + c.children))[:top]:
        lines.append(f"{c.wall:7.1f} {c.own:7.1f} {c.children:9.1f}  {c.test}")
    return "\n".join(lines)


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else costs_folder()
    print(report(read_costs(folder)))
