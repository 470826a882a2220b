"""Reading the Prefer header (RFC 7240): only `return=minimal` changes an answer."""

from __future__ import annotations

import pytest

from app.api.prefer import prefers_minimal


@pytest.mark.parametrize(
    ("header", "minimal"),
    [
        ("return=minimal", True),
        ("Return=Minimal", True),
        ('return="minimal"', True),
        ("respond-async, return=minimal; foo=bar", True),
        (" return = minimal ", True),
        ("return=representation", False),
        ("return=representation, return=minimal", False),  # the first one wins
        ("handling=lenient", False),
        ("return", False),
        ("", False),
        (None, False),
    ],
)
def test_prefers_minimal(header: str | None, minimal: bool) -> None:
    assert prefers_minimal(header) is minimal
