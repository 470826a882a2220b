"""Whether a JSON value a client sent may be stored as it is (a vendor's free-form metadata):
both databases keep JSON with 64-bit integers at most (SQLite's and our encoder's limit) and
text in valid Unicode (PostgreSQL refuses a lone surrogate, `"\\ud800"`)."""

from __future__ import annotations

from typing import Any

LARGEST = 2**63 - 1


def unstorable(value: Any) -> str | None:
    """Why the value cannot be stored, or None."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, bool):
            continue
        elif isinstance(item, int) and not -LARGEST - 1 <= item <= LARGEST:
            return "holds an integer beyond 64 bits"
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return "holds text that is not valid Unicode (a lone surrogate)"
    return None
