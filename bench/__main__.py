"""`make bench`: runs every benchmark module (bench/bench_*.py) against PostgreSQL and writes
bench/RESULTS.md. `python -m bench NAME ...` runs only the named ones (e.g. `ingest`)."""

from __future__ import annotations

import asyncio
import importlib
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import RESULTS, Section, admin_url, machine


def _modules(names: list[str]) -> list[str]:
    found = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    known = [m.removeprefix("bench_") for m in found]
    unknown = [n for n in names if n not in known]
    if unknown:
        # `--help` and a misspelt name run nothing: a run takes minutes and rewrites RESULTS.md.
        sys.exit(f"usage: python -m bench [{' | '.join(known)}] ...  (none: every one)")
    return [m for m in found if not names or m.removeprefix("bench_") in names]


def _previous_sections() -> dict[str, str]:
    if not RESULTS.exists():
        return {}
    sections: dict[str, str] = {}
    current = None
    for line in RESULTS.read_text().splitlines(keepends=True):
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = ""
        if current:
            sections[current] += line
    return sections


def _commit() -> str:
    """The commit measured, with a mark when the work tree differs from it."""
    here = Path(__file__).parent
    git = ["git", "-C", str(here)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        return "unknown commit"
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--", "app", "bench"], capture_output=True, text=True
    ).stdout.strip()
    return head.stdout.strip() + (" with uncommitted changes" if dirty else "")


def _write(sections: dict[str, str], command: str, started: datetime, commit: str) -> None:
    header = (
        "# Benchmark results\n\n"
        f"- Machine: {machine()}\n"
        f"- PostgreSQL: {admin_url()}\n"
        f"- Command: `{command}` on {commit}, started {started:%Y-%m-%d %H:%M} UTC, "
        f"last section written {datetime.now(UTC):%H:%M} UTC\n\n"
    )
    RESULTS.write_text(header + "\n".join(s.rstrip() + "\n" for s in sections.values()))


async def main(names: list[str]) -> None:
    sections = _previous_sections()
    command = "make bench" + (f" (python -m bench {' '.join(names)})" if names else "")
    run_started, commit = datetime.now(UTC), _commit()
    for name in _modules(names):
        module = importlib.import_module(f"bench.{name}")
        started = time.perf_counter()
        section: Section = await module.run()
        # Sections are re-run one at a time, on whichever machine: each says its own.
        took = time.perf_counter() - started
        section.add(f"_({name} took {took:.0f} s on {datetime.now(UTC):%Y-%m-%d}: {machine()})_")
        sections[section.title] = section.render()
        # Written after each section: a full run takes over an hour, and a section that fails
        # late must not lose the ones measured before it.
        _write(sections, command, run_started, commit)
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
