"""Package data: the demo district as a OneRoster 1.2 CSV set (see app/use_cases/demo.py), and
the names the demo is known by, kept here so that the CLI can offer them without loading the
service."""

from __future__ import annotations

from pathlib import Path

DEMO_SLUG = "demo"
# The committed OneRoster CSV set of the demo district.
# (Found beside this file rather than through importlib.resources, which `mastery` would load
# at start-up for this one path.)
DEMO_SET = Path(__file__).with_name("oneroster")
