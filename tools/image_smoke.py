"""Build the production image and run it against PostgreSQL: migrations, /healthz, /readyz, and a
first call (a tenant and a client made with the image's own CLI, a token, GET /v1/orgs).

    python -m tools.image_smoke --database postgresql://postgres@127.0.0.1:5432/postgres

The database URL is an administrator's: the smoke test creates a fresh role (neither superuser
nor BYPASSRLS, as docker/postgres-init.sql makes it) and a fresh database it owns, and drops both
afterwards. The container uses the host's network, so the URL's host is the host's.

Engines: docker or podman (`--engine`). Where no container runtime can start containers (a
sandbox without cgroup or rlimit rights, as where this was written), `--run-with buildah` runs
the built image's command with `buildah run --isolation chroot`: the image's filesystem and
command, without a container runtime's isolation. Extra build arguments come after `--`, e.g.
`-- --isolation chroot --network host --pull=never` (docs/decisions/0031-docker.md)."""

from __future__ import annotations

import argparse
import base64
import json
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGE = "localhost/mastery-service:smoke"


def dockerfile_command(instruction: str) -> list[str]:
    """The Dockerfile's CMD or HEALTHCHECK's command (exec form), as argv: the smoke test runs
    what the image declares, not a copy of it."""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.startswith(f"{instruction} "):
            found: list[str] = json.loads(line.split("CMD ", 1)[1])
            return found
    raise SystemExit(f"the Dockerfile has no {instruction}")


def engine_found(preferred: str | None = None) -> str | None:
    """The first container engine on PATH (docker, podman), or the one asked for."""
    for name in [preferred] if preferred else ["docker", "podman"]:
        if name and shutil.which(name):
            return name
    return None


def _psql(admin_url: str, sql: str, database: str | None = None) -> None:
    url = admin_url if database is None else _with_database(admin_url, database)
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, text=True)


def _with_database(url: str, database: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{database}"))


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new role and database it owns; yields the service's asyncpg URL."""
    name = f"mastery_smoke_{secrets.token_hex(4)}"
    password = secrets.token_hex(12)
    _psql(
        admin_url,
        f"CREATE ROLE {name} LOGIN PASSWORD '{password}' NOSUPERUSER NOBYPASSRLS "
        "NOCREATEDB NOCREATEROLE",
    )
    try:
        _psql(admin_url, f"CREATE DATABASE {name} OWNER {name}")
        parts = urllib.parse.urlsplit(admin_url)
        host = f"{parts.hostname}:{parts.port or 5432}"
        yield f"postgresql+asyncpg://{name}:{password}@{host}/{name}"
    finally:
        _psql(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        _psql(admin_url, f"DROP ROLE IF EXISTS {name}")


def build(engine: str, extra: Sequence[str]) -> None:
    subprocess.run([engine, "build", *extra, "-t", IMAGE, str(ROOT)], check=True)


class Runner:
    """Runs commands in the image and starts its default command in the background."""

    def __init__(self, engine: str, run_with: str, env: dict[str, str]) -> None:
        self.engine, self.run_with, self.env = engine, run_with, env
        self._started: subprocess.Popen[str] | None = None
        self._container: str | None = None

    def _env_args(self) -> list[str]:
        return [a for k, v in self.env.items() for a in ("-e", f"{k}={v}")]

    def _buildah_container(self) -> str:
        if self._container is None:
            found = subprocess.run(
                ["buildah", "from", "--pull-never", IMAGE],
                check=True,
                text=True,
                capture_output=True,
            )
            self._container = found.stdout.strip()
        return self._container

    def command(self, *argv: str) -> list[str]:
        if self.run_with == "buildah":
            env = [a for k, v in self.env.items() for a in ("--env", f"{k}={v}")]
            return [
                "buildah", "run", "--isolation", "chroot", "--network", "host", *env,
                self._buildah_container(), "--", *argv,
            ]  # fmt: skip
        return [self.engine, "run", "--rm", "--network", "host", *self._env_args(), IMAGE, *argv]

    def output(self, *argv: str) -> str:
        return subprocess.run(
            self.command(*argv), check=True, text=True, capture_output=True
        ).stdout

    def start(self) -> None:
        """The image's CMD: migrations, then the server."""
        self._started = subprocess.Popen(self.command(*dockerfile_command("CMD")), text=True)

    def stop(self) -> None:
        if self._started is not None:
            self._started.terminate()
            try:
                self._started.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._started.kill()
        if self._container is not None:
            subprocess.run(["buildah", "rm", self._container], check=False)


def _get(url: str, token: str | None = None) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _token(base: str, client_id: str, secret: str) -> str:
    form = urllib.parse.urlencode({"grant_type": "client_credentials"}).encode()
    request = urllib.request.Request(f"{base}/oauth/token", data=form)
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    request.add_header("Authorization", "Basic " + _basic(client_id, secret))
    with urllib.request.urlopen(request, timeout=10) as answer:
        return str(json.loads(answer.read())["access_token"])


def _basic(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def wait_healthy(base: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            status, body = _get(f"{base}/healthz")
            if status == 200:
                print(f"/healthz {status} {body}")
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"{base}/healthz did not answer in {seconds} s")
        time.sleep(1)


def smoke(engine: str, run_with: str, admin_url: str, port: int, build_args: Sequence[str]) -> None:
    if not shutil.which("psql"):
        raise SystemExit("psql is needed to create the fresh database")
    build(engine, build_args)
    with fresh_database(admin_url) as database_url:
        env = {
            "MASTERY_DATABASE_URL": database_url,
            "MASTERY_SECRET_KEY": secrets.token_urlsafe(48),
            "MASTERY_PORT": str(port),
            "MASTERY_WORKERS": "1",
        }
        runner = Runner(engine, run_with, env)
        base = f"http://127.0.0.1:{port}"
        try:
            runner.start()
            wait_healthy(base)
            # The image's HEALTHCHECK, run in the image (podman's OCI images drop it).
            runner.output(*dockerfile_command("HEALTHCHECK"))
            print("HEALTHCHECK passed")
            status, body = _get(f"{base}/readyz")
            print(f"/readyz {status} {body}")
            assert status == 200, body
            tenant = json.loads(runner.output("mastery", "tenants", "create", "smoke", "--json"))
            print(f"tenant {tenant}")
            made = runner.output(
                "mastery", "clients", "create", "--tenant", "smoke", "--scope", "admin", "--json"
            )
            client = json.loads(made)
            token = _token(base, str(client["client_id"]), str(client["client_secret"]))
            status, orgs = _get(f"{base}/v1/orgs", token)
            print(f"GET /v1/orgs {status} {orgs}")
            assert status == 200, orgs
            assert orgs.get("items") == [], orgs
            print("image smoke test passed")
        finally:
            runner.stop()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="an administrator's PostgreSQL URL")
    parser.add_argument("--engine", default=None, help="docker or podman (the first found)")
    parser.add_argument("--run-with", choices=["engine", "buildah"], default="engine")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("build_args", nargs="*", help="after --: extra build arguments")
    args = parser.parse_args(argv)
    engine = engine_found(args.engine)
    if engine is None:
        raise SystemExit("no container engine (docker, podman) on PATH")
    smoke(engine, args.run_with, args.database, args.port, args.build_args)


if __name__ == "__main__":
    main(sys.argv[1:])
