"""What every benchmark shares: a scratch PostgreSQL database, timing helpers and the report."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from app.adapters.db import migrate

RESULTS = Path(__file__).parent / "RESULTS.md"
DEFAULT_ADMIN_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


def admin_url() -> str:
    return os.environ.get("MASTERY_BENCH_POSTGRES_URL", DEFAULT_ADMIN_URL)


def asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@asynccontextmanager
async def scratch_database(prefix: str = "mastery_bench") -> AsyncIterator[str]:
    """A migrated PostgreSQL database for one benchmark, dropped afterwards."""
    admin = admin_url()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(asyncpg_dsn(admin))
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        await migrate.upgrade(url)
        yield url
    finally:
        conn = await asyncpg.connect(asyncpg_dsn(admin))
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) by linear interpolation."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


@dataclass
class Section:
    """One benchmark's part of RESULTS.md."""

    title: str
    lines: list[str] = field(default_factory=list)

    def add(self, line: str = "") -> None:
        self.lines.append(line)
        print(line, flush=True)

    def render(self) -> str:
        return "\n".join([f"## {self.title}", "", *self.lines, ""])


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        ram = f"{int(memory) / 1024 / 1024:.0f} GiB RAM"
    except (OSError, IndexError, ValueError):
        ram = "unknown RAM"
    try:
        pg = subprocess.run(["psql", "--version"], capture_output=True, text=True, check=False)
        postgres = pg.stdout.strip()
    except OSError:
        postgres = "psql not found"
    return (
        f"{os.cpu_count()} cores ({cpu}), {ram}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {postgres}"
    )


async def table_size(conn: Any, table: str) -> tuple[int, int]:
    """(total, heap) bytes of a table over an asyncpg connection, summed over its partitions
    (a partitioned table's own size is 0, decision 0060; a plain table is in no tree)."""
    row = await conn.fetchrow(
        "SELECT coalesce((SELECT sum(pg_total_relation_size(relid)) "
        "FROM pg_partition_tree($1::regclass)), pg_total_relation_size($1::regclass)) "
        "AS total, coalesce((SELECT sum(pg_relation_size(relid)) FROM "
        "pg_partition_tree($1::regclass)), pg_relation_size($1::regclass)) AS heap",
        table,
    )
    return int(row["total"]), int(row["heap"])
