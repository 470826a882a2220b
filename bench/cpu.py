"""Where the CPU of a stretch of a bench went, from /proc (Linux): the server process, this
process (the load generator) and the rest of the machine (PostgreSQL, mostly). A latency
target at 8 clients on a 2-core machine is set by all three together, not the server alone
(stop 38: a fifth less server CPU a POST moved the single-result p50 by 4%)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import TracebackType

_TICK = os.sysconf("SC_CLK_TCK")


def _process_seconds(pid: int) -> float:
    # utime and stime, fields 14 and 15 of /proc/<pid>/stat, after the command's parentheses.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def _machine_seconds() -> float:
    # Busy time of every core: user, nice, system, irq, softirq (not idle, iowait or steal).
    first = Path("/proc/stat").read_text().splitlines()[0]
    user, nice, system, _idle, _iowait, irq, softirq = map(int, first.split()[1:8])
    return (user + nice + system + irq + softirq) / _TICK


class CpuMeter:
    """`with CpuMeter(server_pid) as cpu: ...`, then `cpu.per(n)`: milliseconds of CPU an
    operation, by whom."""

    def __init__(self, server_pid: int) -> None:
        self._pid = server_pid
        self._start: list[float] = []
        self._spent: list[float] = []

    def _now(self) -> list[float]:
        return [_process_seconds(self._pid), time.process_time(), _machine_seconds()]

    def __enter__(self) -> CpuMeter:
        self._start = self._now()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _exc: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self._spent = [b - a for a, b in zip(self._start, self._now(), strict=True)]

    def per(self, operations: int, what: str = "a request") -> str:
        server, here, machine = (s / operations * 1000 for s in self._spent)
        rest = max(machine - server - here, 0.0)
        return (
            f"{machine:.2f} ms of CPU {what} on the machine: the server {server:.2f}, "
            f"the load generator {here:.2f}, the rest (PostgreSQL) {rest:.2f}"
        )
