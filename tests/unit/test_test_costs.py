"""The suite's cost summary (tools/test_costs.py) adds each file's tests up as worked by hand."""

from __future__ import annotations

import json
from pathlib import Path

from tools.test_costs import Cost, by_file, read_costs, report


def test_each_file_is_summed_and_the_costliest_cpu_comes_first(tmp_path: Path) -> None:
    rows = [
        {
            "test": "tests/e2e/test_a.py::test_one",
            "wall": 10.0,
            "own": 1.0,
            "children": 6.0,
        },
        {"test": "tests/e2e/test_a.py::test_two", "wall": 5.0, "own": 0.5, "children": 2.5},
        {"test": "tests/api/test_b.py::test_three", "wall": 9.0, "own": 8.0, "children": 0.0},
    ]
    # Two workers' files, as xdist leaves them.
    (tmp_path / "101.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:2]))
    (tmp_path / "102.jsonl").write_text(json.dumps(rows[2]) + "\n")
    costs = read_costs(tmp_path)
    assert len(costs) == 3
    # test_a.py: own 1.0 + 0.5, children 6.0 + 2.5 = 10.0 of CPU; test_b.py: 8.0.
    assert by_file(costs) == [
        ("tests/e2e/test_a.py", 2, Cost("tests/e2e/test_a.py", 15.0, 1.5, 8.5)),
        ("tests/api/test_b.py", 1, Cost("tests/api/test_b.py", 9.0, 8.0, 0.0)),
    ]
    text = report(costs)
    assert text.splitlines()[0] == (
        "3 tests: wall 24 s, own CPU 10 s, child processes' CPU 8 s"  # 9.5 and 8.5, rounded
    )
    # The costliest single test is test_b's (8.0 of CPU against 7.0 and 3.0).
    assert text.splitlines()[-3].endswith("tests/api/test_b.py::test_three")
