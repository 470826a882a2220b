"""The production image built and run against PostgreSQL (tools/image_smoke.py): migrations,
/healthz, the image's HEALTHCHECK, /readyz and a first authenticated call. Building takes
minutes and needs the base image, so it runs only when asked (MASTERY_TEST_IMAGE=1), with
MASTERY_TEST_IMAGE_ARGS for the engine's needs (docs/decisions/0031-docker.md), e.g.
`--engine podman --run-with buildah -- --isolation chroot --network host --pull=never`."""

from __future__ import annotations

import os
import shlex

import pytest

from tools.image_smoke import engine_found, main


def test_the_image_serves_on_postgresql() -> None:
    if os.environ.get("MASTERY_TEST_IMAGE") != "1":
        pytest.skip("building the image takes minutes: set MASTERY_TEST_IMAGE=1 to run it")
    args = shlex.split(os.environ.get("MASTERY_TEST_IMAGE_ARGS", ""))
    engine = args[args.index("--engine") + 1] if "--engine" in args else None
    if engine_found(engine) is None:
        pytest.skip("no container engine (docker, podman) on PATH")
    url = os.environ.get("MASTERY_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("MASTERY_TEST_POSTGRES_URL names no PostgreSQL server")
    main(["--database", url.replace("postgresql+asyncpg://", "postgresql://", 1), *args])
