"""The one way the e2e tests start a real `mastery` process that listens: on a free loopback
port, its output piped or written to a file, returned once it answers /healthz. The CLI tests,
the fault tests, the logs test and the README test all start their servers through it."""

from __future__ import annotations

import os
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from threading import Thread
from typing import IO

import httpx

MASTERY = str(Path(sys.executable).with_name("mastery"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# Bytecode of the processes under test, shared by every test and worker of a run: a `mastery`
# process spends a tenth of its start compiling the service's modules again where the
# environment forbids writing bytecode (PYTHONDONTWRITEBYTECODE), and the suite starts hundreds.
# Kept outside the checkout; Python writes each file atomically and checks it against its source.
_BYTECODE = Path(tempfile.gettempdir()) / "mastery-e2e-bytecode"


def e2e_env(database_url: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a process under test: its own database and state folder, a fixed
    signing key, cheap secret hashing (Argon2 at its production cost is slow on CI), and
    bytecode cached for the next process."""
    inherited = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **inherited,
        "PYTHONPYCACHEPREFIX": str(_BYTECODE),
        "MASTERY_DATABASE_URL": database_url,
        "MASTERY_SECRET_KEY": "e2e-signing-key-0123456789-abcdefghijklmno",
        "MASTERY_STATE_DIR": str(tmp_path / "state"),
        "MASTERY_SECRET_HASH_TIME_COST": "1",
        "MASTERY_SECRET_HASH_MEMORY_KIB": "64",
    }


def mastery_run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`mastery ARGS`, however it ends."""
    return subprocess.run(
        [MASTERY, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def mastery(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`mastery ARGS`, which must succeed."""
    done = mastery_run(env, *args)
    assert done.returncode == 0, f"mastery {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def prepare(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`mastery ARGS` for a test's set-up (migrate, a tenant, a client), which must succeed: the
    same command with the same settings and output, run in this process by Typer's runner.

    A new process spends 1.5-2.5 s of CPU importing the service before it does anything, and
    the e2e tests' set-up started some seventy (decision 0075). Where the CLI itself is what
    a test checks, `mastery()` starts the real process. The command runs on a thread of its own
    because it runs its own event loop, and a test may be inside one (Playwright's)."""
    from typer.testing import CliRunner, Result

    from app.cli import cli

    ran: list[Result] = []
    runner = Thread(target=lambda: ran.append(CliRunner().invoke(cli, args, env=env)))
    runner.start()
    runner.join(timeout=120)
    assert ran, f"mastery {' '.join(args)} did not finish within 120 s"
    done = ran[0]
    failure = "".join(traceback.format_exception(done.exception)) if done.exception else ""
    assert done.exit_code == 0, (
        f"mastery {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}\n{failure}"
    )
    return subprocess.CompletedProcess([MASTERY, *args], done.exit_code, done.stdout, done.stderr)


def bearer(base: str, credentials: dict[str, str]) -> dict[str, str]:
    """The Authorization header of a token for a client's credentials (`client_id`,
    `client_secret`), from the server at `base`."""
    token = httpx.post(
        f"{base}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(credentials["client_id"], credentials["client_secret"]),
        timeout=30,
    )
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


@dataclass
class Server:
    """A running server process and where it answers."""

    process: subprocess.Popen[str]
    base: str
    port: int
    log: Path | None = None
    _sink: IO[str] | None = field(default=None, repr=False)

    def kill(self) -> None:
        """SIGKILL: no shutdown hook runs, nothing is flushed or waited for."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self._close()

    def kill_when(self, seen: Callable[[], bool], seconds: float, what: str) -> None:
        """SIGKILL the server at a moment when `seen()` holds: it is frozen (SIGSTOP) while
        the database is looked at, so what was seen is exactly what it leaves behind."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.process.send_signal(signal.SIGSTOP)
            if seen():
                self.kill()
                return
            self.process.send_signal(signal.SIGCONT)
            time.sleep(0.005)
        raise AssertionError(f"never saw {what} within {seconds} s")

    def stop(self, *, clean: bool = True) -> str:
        """SIGTERM, then everything the process wrote (which, if `clean`, holds no traceback)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            output = self.process.communicate(timeout=30)[0] or ""
        except subprocess.TimeoutExpired:
            # Say what the process was doing when it would not stop, not only that it did not.
            self.process.kill()
            output = self.process.communicate()[0] or ""
            self._close()
            raise AssertionError(
                "the server did not stop within 30 s of SIGTERM; its last output:\n"
                + output[-6000:]
            ) from None
        self._close()
        if self.log is not None:
            output = self.log.read_text()
        assert not clean or "Traceback" not in output, output
        return output

    def _close(self) -> None:
        if self._sink is not None:
            self._sink.close()
            self._sink = None


def launch(
    env: dict[str, str],
    *,
    command: tuple[str, ...] = ("serve",),
    log: Path | None = None,
    seconds: float = 60,
    program: tuple[str, ...] = (MASTERY,),
    port: int | None = None,
    tls: ssl.SSLContext | None = None,
) -> Server:
    """`mastery COMMAND --host 127.0.0.1 --port <free>` once it answers /healthz (within
    `seconds`: `mastery dev` migrates and loads the demo first). Its output is piped, or written
    to `log` when given: at DEBUG a pipe nobody reads until the end would fill and stall it.
    Another `program` (uvicorn itself, to serve over TLS) takes the same options; with `tls`
    (the client's context, trusting the server's certificate) it is reached over https."""
    port = port or free_port()
    sink = log.open("w") if log is not None else None
    process = subprocess.Popen(
        [*program, *command, "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=sink or subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    scheme = "https" if tls else "http"
    server = Server(process, f"{scheme}://127.0.0.1:{port}", port, log, sink)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if (
                httpx.get(f"{server.base}/healthz", timeout=1, verify=tls or True).status_code
                == 200
            ):
                return server
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    output = process.communicate()[0] or ""
    server._close()
    raise AssertionError(
        f"mastery {' '.join(command)} did not answer /healthz within {seconds:g} s:\n"
        f"{log.read_text() if log is not None else output}"
    )


@contextmanager
def serving(
    env: dict[str, str],
    *,
    log: Path | None = None,
    command: tuple[str, ...] = ("serve",),
    clean: bool = True,
) -> Iterator[tuple[str, list[str]]]:
    """A server until the block ends; then its output is in the list (checked for tracebacks
    if `clean`)."""
    server = launch(env, command=command, log=log)
    output: list[str] = []
    try:
        yield server.base, output
    finally:
        output.append(server.stop(clean=clean))
