"""OneRoster collection queries: the filter grammar, typed values, sort and paging."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.oneroster.query import (
    MAX_LIMIT,
    FieldKind,
    Filter,
    InvalidFilter,
    InvalidQuery,
    Op,
    Predicate,
    collection_query,
    parse_filter,
)

FIELDS = {
    "title": FieldKind.TEXT,
    "dateLastModified": FieldKind.INSTANT,
    "score": FieldKind.NUMBER,
    "class.sourcedId": FieldKind.TEXT,
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title='Quiz'", Filter((Predicate("title", Op.EQ, "Quiz"),))),
        ("title = 'a b'", Filter((Predicate("title", Op.EQ, "a b"),))),
        ("title~'AND OR'", Filter((Predicate("title", Op.CONTAINS, "AND OR"),))),
        (
            "dateLastModified>'2026-09-01' AND score<='7.5'",
            Filter(
                (
                    Predicate("dateLastModified", Op.GT, datetime(2026, 9, 1, tzinfo=UTC)),
                    Predicate("score", Op.LE, 7.5),
                )
            ),
        ),
        (
            "class.sourcedId='c-1' or class.sourcedId!='c-2' OR score>='1'",
            Filter(
                (
                    Predicate("class.sourcedId", Op.EQ, "c-1"),
                    Predicate("class.sourcedId", Op.NE, "c-2"),
                    Predicate("score", Op.GE, 1.0),
                ),
                any_of=True,
            ),
        ),
        (
            "dateLastModified<'2026-09-01T10:00:00+02:00'",
            Filter((Predicate("dateLastModified", Op.LT, datetime(2026, 9, 1, 8, tzinfo=UTC)),)),
        ),
    ],
)
def test_filters_parse_into_typed_predicates(text: str, expected: Filter) -> None:
    assert parse_filter(text, FIELDS) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("grade='4'", "'grade' is not a field to filter on"),
        ("title='a' AND title='b' OR title='c'", "use one kind of logical operator"),
        ("title='a' title='b'", "expected AND or OR"),
        ("title=a", "write predicates as field op 'value'"),
        ("score~'1'", "~ (contains) compares text"),
        ("score>'many'", "score compares with a number"),
        ("dateLastModified>'soon'", "dateLastModified compares with a date or date-time"),
        ("title='a' AND", "write predicates as field op 'value'"),
    ],
)
def test_bad_filters_are_invalid_filter_fields(text: str, message: str) -> None:
    with pytest.raises(InvalidFilter) as raised:
        parse_filter(text, FIELDS)
    assert [p.loc for p in raised.value.problems] == [("filter",)]
    assert message in raised.value.problems[0].msg


def test_collection_query_defaults_caps_and_ignores_unknown_sort_fields() -> None:
    query = collection_query(
        filter_text=" ", sort="height", order_by="DESC", offset=5, limit=5000, fields=FIELDS
    )
    assert (query.filter, query.sort, query.descending, query.offset, query.limit) == (
        None,
        None,
        True,
        5,
        MAX_LIMIT,
    )


def test_collection_query_problems_are_a_bad_request() -> None:
    with pytest.raises(InvalidQuery) as raised:
        collection_query(
            filter_text=None, sort=None, order_by="up", offset=-1, limit=0, fields=FIELDS
        )
    assert [p.loc for p in raised.value.problems] == [("offset",), ("limit",), ("orderBy",)]
