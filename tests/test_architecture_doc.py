"""docs/architecture.md names files and folders of this repository: each must exist, so the
map cannot drift from the code it describes."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
# A path in backquotes: under one of the repository's top folders, a file or a folder.
_PATH = re.compile(r"`((?:app|tests|tools|docs|bench|openapi)/[\w./-]*)`")


def test_every_path_the_architecture_page_names_exists() -> None:
    named = sorted(set(_PATH.findall(DOC.read_text(encoding="utf-8"))))
    assert len(named) > 40  # the page is a map: it names the files of every rule
    missing = [p for p in named if not (ROOT / p).exists()]
    assert missing == []
