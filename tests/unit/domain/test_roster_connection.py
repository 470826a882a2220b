"""The rule that keeps a district's SIS secret with the origins it was entered for, and the URL
checks it relies on. Origins are written out by hand (RFC 6454: scheme, host, port)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from app.domain.errors import Problem
from app.domain.oneroster.connection import (
    OneRosterVersion,
    ProviderAuth,
    RosterConnection,
    origin,
    secret_problems,
)

STORED = RosterConnection(
    base_url="https://sis.example/api",
    version=OneRosterVersion.V1_2,
    auth=ProviderAuth.OAUTH2,
    client_id="district",
    client_secret_sealed="sealed",
    token_url="https://auth.sis.example/oauth/token",
)


def _revised(**changes: str | None) -> RosterConnection:
    fields = {"base_url": STORED.base_url, "token_url": STORED.token_url, **changes}
    return RosterConnection(
        base_url=fields["base_url"] or "",
        version=STORED.version,
        auth=STORED.auth,
        client_id=STORED.client_id,
        client_secret_sealed=STORED.client_secret_sealed,
        token_url=fields["token_url"],
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://sis.example/api", ("https", "sis.example", 443)),
        ("https://SIS.Example:443/x", ("https", "sis.example", 443)),
        ("https://sis.example.:8443", ("https", "sis.example", 8443)),
        ("http://sis.example", ("http", "sis.example", 80)),
        ("http://[fd00::1]:8080/x", ("http", "fd00::1", 8080)),
        ("ftp://sis.example", None),
        ("sis.example", None),
        ("https://sis.example:99999", None),
        ("https://[::1", None),
        ("https://user:pw@sis.example", None),  # credentials: where URL parsers disagree
        ("https://evil.example\\@sis.example", None),
        ("https://sis.example /x", None),
    ],
)
def test_the_origin_of_a_url(url: str, expected: tuple[str, str, int] | None) -> None:
    assert origin(url) == expected


REQUIRED = "is required when the {}'s origin changes"


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({}, []),
        ({"base_url": "https://sis.example/v2/other"}, []),  # a new path, the same origin
        ({"token_url": "https://auth.sis.example/oauth2/token"}, []),
        ({"token_url": "https://sis.example/token"}, []),  # the base URL's origin is trusted too
        ({"token_url": None}, []),
        ({"token_url": "https://collector.example/token"}, ["token_url"]),
        ({"token_url": "https://auth.sis.example:8443/oauth/token"}, ["token_url"]),
        ({"token_url": "http://auth.sis.example/oauth/token"}, ["token_url"]),
        ({"base_url": "https://collector.example/api"}, ["base_url"]),
        (
            {"base_url": "https://a.example", "token_url": "https://b.example/t"},
            ["base_url", "token_url"],
        ),
    ],
)
def test_moving_a_url_to_another_origin_needs_the_secret_entered_again(
    changes: dict[str, str | None], fields: list[str]
) -> None:
    revised = _revised(**changes)
    assert secret_problems(STORED, revised, secret_entered=False) == [
        Problem(("client_secret",), REQUIRED.format(field)) for field in fields
    ]
    assert secret_problems(STORED, revised, secret_entered=True) == []
    assert secret_problems(None, revised, secret_entered=True) == []


def test_a_base_url_with_a_query_or_fragment_cannot_work() -> None:
    for url in ("https://sis.example/api#", "https://sis.example/api?x=1"):
        assert _revised(base_url=url).problems() == [
            Problem(("base_url",), "must not have a query or fragment")
        ]
    assert _revised(base_url="https://[::1").problems() == [
        Problem(("base_url",), "must be an http or https URL")
    ]


def test_the_next_sync_starts_after_the_newest_change_read_and_never_moves_back() -> None:
    monday, tuesday = datetime(2026, 9, 14, tzinfo=UTC), datetime(2026, 9, 15, tzinfo=UTC)
    never = STORED
    assert never.moves_forward_to(monday)
    assert not never.moves_forward_to(None)  # a sync that read nothing new
    synced = replace(STORED, synced_through=monday)
    assert synced.moves_forward_to(tuesday)
    assert not synced.moves_forward_to(monday)
    assert not synced.moves_forward_to(datetime(2026, 9, 13, tzinfo=UTC))
