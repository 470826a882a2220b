"""A GraphQL Mastery reads its plain fields from its decision when asked (types/mastery.py):
each plain field needs its read, or every Mastery would lack it. The values themselves are
asserted end to end in tests/api/test_graphql.py (status, score, level, override, computed,
method, nextScoreToMaster)."""

from __future__ import annotations

import pytest

from app.api.graphql.types import mastery


def test_every_plain_field_has_its_read() -> None:
    mastery._read_when_asked()  # as at import: no refusal


def test_a_plain_field_without_a_read_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = dict(mastery._READS)
    del reads["score"]
    monkeypatch.setattr(mastery, "_READS", reads)
    with pytest.raises(TypeError, match=r"without a read: \['score'\]; reads of no field: \[\]"):
        mastery._read_when_asked()


def test_a_read_for_no_field_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mastery, "_READS", {**mastery._READS, "grade": lambda m: None})
    with pytest.raises(TypeError, match=r"without a read: \[\]; reads of no field: \['grade'\]"):
        mastery._read_when_asked()
