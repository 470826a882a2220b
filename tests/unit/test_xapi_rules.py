"""The xAPI and Caliper rules of the domain, without a database: scores put on a range (zero
kept), the names an IRI gives a competency, the spec's statement equivalence, and whom a
Caliper GradeEvent names."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.caliper import event_clues
from app.domain.errors import ProblemList
from app.domain.xapi import Authority, comparable, normalised
from app.domain.xapi_evidence import lookup_keys, score_of

STORED = datetime(2026, 9, 14, 16, 0, tzinfo=UTC)


def test_scores_are_put_on_a_range_starting_at_zero() -> None:
    assert score_of({"raw": 3, "min": 1, "max": 5}) == (2.0, 4.0)
    assert score_of({"raw": 0, "max": 10}) == (0.0, 10.0)  # min 0 by default; zero is a score
    assert score_of({"scaled": 0}) == (0.0, 1.0)
    assert score_of({"scaled": -0.4}) == (0.0, 1.0)  # a negative scaled score counts as 0
    assert score_of({"raw": 7, "scaled": 0.9}) == (0.9, 1.0)  # raw without max: scaled
    assert score_of({"raw": 7}) is None
    assert score_of({}) is None


def test_an_iri_names_a_competency_by_itself_or_its_last_segment() -> None:
    uri = "https://cases.example/ims/case/v1p0/CFItems/e3f483ee"
    assert lookup_keys(uri) == (uri, "e3f483ee")
    assert lookup_keys("https://lms.example/comp/s-1/") == ("https://lms.example/comp/s-1/", "s-1")
    assert lookup_keys("urn:x") == ("urn:x",)


def _stored(body: dict[str, object]) -> dict[str, object]:
    problems = ProblemList()
    found = normalised(
        body, problems, new_id="unused", stored=STORED, authority=Authority("http://t", "c")
    )
    assert problems.problems == []
    return found


def test_equivalence_ignores_what_the_lrs_sets_and_compares_instants() -> None:
    base = {
        "id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
        "actor": {"mbox": "mailto:A@Example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "http://example.com/a"},
    }
    first = _stored({**base, "timestamp": "2026-09-14T15:00:00Z"})
    assert first["actor"] == {"mbox": "mailto:a@example.org"}
    offset = _stored({**base, "timestamp": "2026-09-14T10:00:00-05:00", "version": "1.0.3"})
    assert comparable(first) == comparable(offset)
    later = _stored({**base, "timestamp": "2026-09-14T15:00:01Z"})
    assert comparable(first) != comparable(later)
    # No timestamp sent: the LRS sets it to `stored`, and a resend stored later is the same.
    unstamped = _stored(base)
    resent = {**unstamped, "stored": "2026-09-15T00:00:00Z", "timestamp": "2026-09-15T00:00:00Z"}
    assert comparable(unstamped) == comparable(resent)


def test_a_grade_event_names_its_assignee_by_sis_sourced_id_first() -> None:
    event = {
        "type": "GradeEvent",
        "object": {
            "assignee": {
                "id": "https://example.edu/users/554433",
                "otherIdentifiers": [{"identifierType": "SisSourcedId", "identifier": "stu-9"}],
                "extensions": {"sourcedId": "stu-8"},
            },
            "assignable": {"learningObjectives": [{"id": "https://lo.example/s-1"}, "s-2"]},
        },
        "generated": {"type": "Score", "scoreGiven": 0, "maxScore": 15},
    }
    clues = event_clues(event)
    assert (clues.sourced_id, clues.competency_iris, clues.score) == (
        "stu-9",
        ("https://lo.example/s-1", "s-2"),
        (0.0, 15.0),
    )
    event["object"]["assignee"].pop("otherIdentifiers")
    assert event_clues(event).sourced_id == "stu-8"
    event["object"]["assignee"].pop("extensions")
    assert event_clues(event).sourced_id == "554433"
    assert event_clues({**event, "type": "ViewEvent"}).score is None
