"""The LTI services' pure rules, with values worked by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.errors import Problem
from app.domain.lti.deep_linking import Picked, acceptance_problems
from app.domain.lti.grades import (
    aligned_item,
    competency_named,
    gradebook_result_id,
    next_timestamp,
    read_result,
)
from app.domain.lti.launch import DEEP_LINKING_REQUEST, Launch
from app.domain.lti.memberships import read_members
from app.domain.lti.people import person_id

ISS = "https://lms.example"


def test_members_become_teachers_and_students_and_others_are_skipped() -> None:
    problems: list[Problem] = []
    members = read_members(
        ISS,
        [
            {"user_id": "a", "roles": ["Instructor"], "name": "Ada King Byron"},
            {
                "user_id": "b",
                "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
                "status": "Inactive",
                "lis_person_sourcedid": "sis-b",
                "given_name": " Bo ",
            },
            {"user_id": "c", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"]},
            {"user_id": "d"},
            "not a member",
        ],
        problems,
    )
    assert [(m.person_id, m.role, m.active, m.given_name, m.family_name) for m in members] == [
        (person_id(ISS, "a"), "teacher", True, "Ada", "King Byron"),
        ("sis-b", "student", False, "Bo", ""),
    ]
    assert problems == [
        Problem(("members", 3), "has no user_id or no roles list"),
        Problem(("members", 4), "is not an object"),
    ]


@pytest.mark.parametrize(
    ("line_item", "competency"),
    [
        ({"resourceId": "s-1", "tag": "mastery:s-2"}, "s-1"),
        ({"resourceId": " ", "tag": "mastery:s-2"}, "s-2"),
        ({"tag": "mastery"}, None),
        ({"tag": "mastery:"}, None),
        ({"tag": "quiz"}, None),
    ],
)
def test_the_competency_a_line_item_names(
    line_item: dict[str, str], competency: str | None
) -> None:
    assert competency_named(line_item) == competency


def test_a_result_is_put_on_its_line_items_maximum() -> None:
    item = aligned_item({"id": "u/1", "resourceId": "s-1", "scoreMaximum": 20})
    assert item is not None
    assert item.label == "s-1"  # no label: the competency names it
    # 3 of 4 on a 20-point item: 15
    found = read_result({"userId": "u", "resultScore": 3, "resultMaximum": 4}, item)
    assert found is not None
    assert found.score == 15.0
    # resultMaximum defaults to 1: 0.25 of 1 is 5 of 20
    found = read_result({"userId": "u", "resultScore": 0.25}, item)
    assert found is not None
    assert found.score == 5.0
    assert read_result({"userId": "u"}, item) is None  # not graded yet
    assert read_result({"userId": "u", "resultScore": True}, item) is None
    assert aligned_item({"id": "u/2", "resourceId": "s-1", "scoreMaximum": 0}) is None
    assert gradebook_result_id("u/1", "a") != gradebook_result_id("u/1", "b")
    assert gradebook_result_id("u/1", "a") == gradebook_result_id("u/1", "a")


def test_a_timestamp_is_always_after_the_last_one_sent() -> None:
    now = datetime(2026, 9, 1, 9, 0, 0, 123_456, tzinfo=UTC)
    assert next_timestamp(None, now) == now.replace(microsecond=123_000)
    later = now + timedelta(seconds=2)
    assert next_timestamp(now.replace(microsecond=123_000), later) == later.replace(
        microsecond=123_000
    )
    # sent at .123 and the clock reads .123456 (same millisecond) or earlier: .124
    last = now.replace(microsecond=123_000)
    assert next_timestamp(last, now) == last + timedelta(milliseconds=1)
    assert next_timestamp(last, now - timedelta(hours=1)) == last + timedelta(milliseconds=1)


def _request(**more: object) -> Launch:
    base: dict[str, object] = {
        "issuer": ISS,
        "client_id": "c",
        "deployment_id": "d",
        "sub": "t",
        "message_type": DEEP_LINKING_REQUEST,
        "roles": ("Instructor",),
        "target_link_uri": "https://tool.test/lti/launch",
    }
    return Launch(**(base | more))  # type: ignore[arg-type]


def test_what_the_platform_accepts() -> None:
    two = [Picked("s-1", "1", "One"), Picked("s-2", "2", "Two")]
    assert acceptance_problems(_request(), two) == []
    assert acceptance_problems(_request(deep_link_accept_types=("link", "file")), []) == [
        Problem(("competency_ids",), "choose at least one competency or a domain"),
        Problem(("accept_types",), "the LMS does not accept resource links here"),
    ]
    assert acceptance_problems(_request(deep_link_accept_multiple=False), two) == [
        Problem(("competency_ids",), "the LMS accepts one item here: choose one competency")
    ]
