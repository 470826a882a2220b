"""Package data: the demo district as a OneRoster 1.2 CSV set (see app/use_cases/demo.py), and
the names the demo is known by, kept here so that the CLI can offer them without loading the
service."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DEMO_SLUG = "demo"
# The committed OneRoster CSV set of the demo district.
DEMO_SET = Path(str(files(__name__).joinpath("oneroster")))
