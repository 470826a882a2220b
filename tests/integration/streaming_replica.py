"""A PostgreSQL primary and its streaming replica, started from the PostgreSQL binaries on this
machine in a folder of their own (never the machine's own cluster, whose pg_hba.conf refuses
replication connections), on free loopback ports; stopped and removed at the end.

PostgreSQL refuses to run as root, as the tests do in CI: the servers then run as the
`postgres` user (runuser), which owns their folder."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
BINARIES = Path(_BINARIES[-1]) if _BINARIES else None
MISSING = (
    "the PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) are not installed"
    if BINARIES is None or not (BINARIES / "pg_basebackup").exists()
    else None
)


@dataclass(frozen=True)
class Pair:
    primary_port: int
    replica_port: int

    def url(self, port: int) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres"

    @property
    def primary_url(self) -> str:
        return self.url(self.primary_port)

    @property
    def replica_url(self) -> str:
        return self.url(self.replica_port)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(folder: Path) -> tuple[list[str], dict[str, str]]:
    """The command prefix that runs a server binary, and its environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    if os.geteuid() != 0:
        return [], env
    owner = pwd.getpwnam("postgres")
    os.chown(folder, owner.pw_uid, owner.pw_gid)
    return ["runuser", "-u", "postgres", "--"], env


def _run(prefix: list[str], env: dict[str, str], *args: str) -> None:
    assert BINARIES is not None
    command = [*prefix, str(BINARIES / args[0]), *args[1:]]
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)


@contextmanager
def streaming_pair() -> Iterator[Pair]:
    """A primary with one streaming replica (hot standby, replaying as it receives)."""
    folder = Path(tempfile.mkdtemp(prefix="mastery-replica-", dir="/tmp"))
    prefix, env = _as_owner(folder)
    primary, replica = folder / "primary", folder / "replica"
    pair = Pair(_free_port(), _free_port())
    started: list[Path] = []
    try:
        _run(
            prefix,
            env,
            "initdb",
            "-D",
            str(primary),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
        )
        (primary / "pg_hba.conf").write_text(
            "local all all trust\n"
            "host all all 127.0.0.1/32 trust\n"
            "host replication all 127.0.0.1/32 trust\n"
        )
        settings = (
            f"-p {pair.primary_port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={folder} -c autovacuum=off -c fsync=off"
        )
        _run(
            prefix,
            env,
            "pg_ctl",
            "-D",
            str(primary),
            "-o",
            settings,
            "-w",
            "-l",
            str(folder / "primary.log"),
            "start",
        )
        started.append(primary)
        _run(
            prefix,
            env,
            "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            str(pair.primary_port),
            "-U",
            "postgres",
            "-D",
            str(replica),
            "-R",
            "-X",
            "stream",
        )
        replica_settings = (
            f"-p {pair.replica_port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={folder} -c hot_standby=on"
        )
        _run(
            prefix,
            env,
            "pg_ctl",
            "-D",
            str(replica),
            "-o",
            replica_settings,
            "-w",
            "-l",
            str(folder / "replica.log"),
            "start",
        )
        started.append(replica)
        yield pair
    finally:
        for data in reversed(started):
            # One already stopped fails to stop: the folder goes anyway.
            with contextlib.suppress(subprocess.CalledProcessError):
                _run(prefix, env, "pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)
