"""Record ids are version-4 UUIDs in their usual spelling, as uuid.uuid4() gives them."""

from __future__ import annotations

import uuid

from app.adapters.security.secrets import RandomIds


def test_ids_are_distinct_version_4_uuids() -> None:
    ids = [RandomIds().new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for text in ids:
        parsed = uuid.UUID(text)
        assert str(parsed) == text  # lower case, dashes where uuid puts them
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
    # Every variant digit occurs (the two random bits under it are kept).
    assert {text[19] for text in ids} == set("89ab")
