"""A wheel carries every file the browser pages need: the package-data globs in pyproject.toml
cover each template and static file under app/api/pages (a new folder they miss fails here, not
in a district's install, where the page would load without its scripts)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "app" / "api" / "pages"


def test_the_package_data_globs_cover_every_page_file() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = settings["tool"]["setuptools"]["package-data"]["app.api.pages"]
    shipped = {path for pattern in globs for path in PAGES.glob(pattern) if path.is_file()}
    needed = {
        path
        for path in PAGES.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert len(needed) > 20  # the templates, our scripts and the vendored files
    assert needed - shipped == set()
