"""The files our pages load, shipped in the package and served at /static.

Third-party files lie under static/vendor/<package>-<version>/ as tools/vendor_assets.py wrote
them from the npm registry; their manifest gives the versions, so a page names them without
repeating a version. A versioned path never changes its bytes, so browsers may keep it for a
year; our own files keep their names across releases, so browsers revalidate them (ETag)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path, PurePosixPath

from fastapi import FastAPI
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

STATIC = Path(__file__).with_name("static")
STATIC_PATH = "/static"
VENDOR = "vendor"
FOREVER = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


@cache
def _vendored_files() -> dict[tuple[str, str], str]:
    """(package, file name) -> its path under static/, from the vendor manifest."""
    manifest = json.loads((STATIC / VENDOR / "manifest.json").read_text(encoding="utf-8"))
    found: dict[tuple[str, str], str] = {}
    for package in manifest["packages"]:
        folder = f"{package['name'].lstrip('@').replace('/', '+')}-{package['version']}"
        for inside in package["files"]:
            name = PurePosixPath(inside).name
            found[package["name"], name] = f"{VENDOR}/{folder}/{name}"
    return found


def vendored(package: str, name: str) -> str:
    """The URL of a vendored file; a file the manifest does not list is a KeyError at once."""
    return f"{STATIC_PATH}/{_vendored_files()[package, name]}"


def own(name: str) -> str:
    """The URL of one of our own files under static/."""
    if not (STATIC / name).is_file():
        raise KeyError(name)
    return f"{STATIC_PATH}/{name}"


class _CachedStaticFiles(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            parts = PurePosixPath(path).parts  # vendor/<package>-<version>/<file>
            versioned = len(parts) == 3 and parts[0] == VENDOR
            response.headers["Cache-Control"] = FOREVER if versioned else REVALIDATE
        return response


def mount_static(
    app: FastAPI, path: str = STATIC_PATH, directory: Path = STATIC, name: str = "static"
) -> None:
    app.mount(path, _CachedStaticFiles(directory=directory), name=name)
