"""Which media type a request's Accept header prefers among those a route offers
(app.api.exports.negotiation.preferred): by q-value, the route's default on a tie or when none
is accepted."""

from __future__ import annotations

import pytest

from app.api.exports.negotiation import CSV, JSON, PARQUET, export_format, preferred

HTML = "text/html"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),
        ("", JSON),
        (HTML, HTML),
        ("text/html, application/json", JSON),  # both q=1: the default wins the tie
        ("application/json, text/html", JSON),
        ("text/html;q=0.5, application/json;q=0.9", JSON),
        ("application/json;q=0.2, text/html;q=0.8", HTML),
        ("TEXT/HTML", HTML),
        ("*/*", JSON),  # no wildcard matching: the default
        ("text/html;q=0", JSON),  # refused outright
        ("text/html;q=oops", JSON),  # an unreadable weight counts as refused
        ("image/png", JSON),
    ],
)
def test_the_accept_header_chooses_by_weight(accept: str | None, expected: str) -> None:
    assert preferred(accept, [JSON, HTML], JSON) == expected


def test_html_wins_over_json_only_when_weighed_higher() -> None:
    # A browser's own header: text/html at q=1, */* at 0.8.
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert preferred(browser, [JSON, HTML], JSON) == HTML


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        ([("format", "csv")], PARQUET, "csv"),  # format= decides over Accept
        ([("format", "xml")], CSV, "json"),  # an unknown format: JSON
        ([], f"{CSV};q=0.4, {PARQUET};q=0.7", "parquet"),
        ([], CSV, "csv"),
        ([], None, "json"),
    ],
)
def test_exports_choose_their_format(
    query: list[tuple[str, str]], accept: str | None, expected: str
) -> None:
    assert export_format(query, accept) == expected
