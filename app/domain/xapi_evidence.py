"""What an xAPI statement (or a Caliper GradeEvent) counts for: evidence of a student on each
competency it names, its score put on a range (decision 0047-xapi-and-caliper).

- The actor is a student when its account's `name` is a student's sourcedId (any homePage) or
  its `mbox` is a student's email on the roster (compared without case).
- Competencies are named by the object's id, any contextActivities entry's id, or our result
  extension COMPETENCY_EXTENSION (an IRI or a list of them): each IRI is tried as a competency
  id or CASE identifier, then by its last path segment (a CFItem URI ends with its identifier).
- The score: raw on min..max (min 0 when left out, max required) shifted to start at 0; else
  `scaled`, with a negative scaled score counted as 0 (mastery scales have no negative levels,
  and "below nothing" is nothing). A statement with no usable score counts for nothing.
- A statement that names no student, no competency or no score is stored and reported as
  unmatched with the reason; it is never refused."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.xapi import number, parse_instant

SOURCE = "xapi"
# Our result extension naming competencies: an identifier, not a locator (like every xAPI IRI).
COMPETENCY_EXTENSION = "https://mastery.example/xapi/competency"


@dataclass(frozen=True)
class Clues:
    """What a statement says of who, what and how well, before the roster and frameworks are
    asked."""

    sourced_id: str | None
    email: str | None
    competency_iris: tuple[str, ...]
    score: tuple[float, float] | None


def lookup_keys(iri: str) -> tuple[str, ...]:
    """The names an IRI may give a competency: itself, then its last path segment."""
    tail = iri.rstrip("/").rsplit("/", 1)[-1].split("#")[-1]
    return (iri, tail) if tail and tail != iri else (iri,)


def score_of(score: object) -> tuple[float, float] | None:
    """(score, max_score) on a range starting at 0, or None without a usable score."""
    if not isinstance(score, Mapping):
        return None
    raw, low, high = number(score.get("raw")), number(score.get("min", 0)), number(score.get("max"))
    if raw is not None and low is not None and high is not None and low <= raw <= high > low:
        return raw - low, high - low
    scaled = number(score.get("scaled"))
    return None if scaled is None else (max(scaled, 0.0), 1.0)


def _ids(listed: object) -> list[str]:
    items = listed if isinstance(listed, list) else [listed]
    return [i["id"] for i in items if isinstance(i, Mapping) and isinstance(i.get("id"), str)]


def statement_clues(statement: Mapping[str, Any]) -> Clues:
    """The clues of a normalised statement."""
    actor = statement.get("actor") or {}
    account = actor.get("account") if isinstance(actor, Mapping) else None
    sourced_id = account.get("name") if isinstance(account, Mapping) else None
    mbox = actor.get("mbox") if isinstance(actor, Mapping) else None
    email = mbox.removeprefix("mailto:") if isinstance(mbox, str) else None
    iris: list[str] = []
    target = statement.get("object") or {}
    if target.get("objectType", "Activity") == "Activity" and isinstance(target.get("id"), str):
        iris.append(target["id"])
    context = statement.get("context") or {}
    for listed in (context.get("contextActivities") or {}).values():
        iris += _ids(listed)
    result = statement.get("result") or {}
    named = (result.get("extensions") or {}).get(COMPETENCY_EXTENSION)
    iris += [n for n in (named if isinstance(named, list) else [named]) if isinstance(n, str)]
    return Clues(
        sourced_id if isinstance(sourced_id, str) else None,
        email,
        tuple(dict.fromkeys(iris)),
        score_of(result.get("score")),
    )


def observed_at(stamp: object, received_at: datetime) -> datetime:
    """When it happened: its timestamp (a Caliper eventTime), or when it was received if that
    is earlier (a clock ahead of ours does not make evidence from the future)."""
    instant = parse_instant(stamp)
    return received_at if instant is None else min(instant, received_at)


@dataclass(frozen=True)
class Match:
    """Whom and what a statement counts for, or why it counts for nothing."""

    student_id: str | None
    competency_ids: tuple[str, ...]
    score: tuple[float, float] | None
    unmatched: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "student_id": self.student_id,
            "competency_ids": list(self.competency_ids),
            "unmatched": self.unmatched,
        }


def _student(
    clues: Clues, students_by_id: set[str], students_by_email: Mapping[str, str]
) -> str | None:
    if clues.sourced_id is not None and clues.sourced_id in students_by_id:
        return clues.sourced_id
    return None if clues.email is None else students_by_email.get(clues.email.lower())


def match(
    clues: Clues,
    *,
    students_by_id: set[str],
    students_by_email: Mapping[str, str],
    competencies: Mapping[str, tuple[str, bool]],
) -> Match:
    """The match of a statement's clues against the roster and frameworks. `competencies`:
    lookup key -> (competency id, whether it takes evidence)."""
    student = _student(clues, students_by_id, students_by_email)
    found: list[str] = []
    retired = False
    for iri in clues.competency_iris:
        for key in lookup_keys(iri):
            if key in competencies:
                cid, active = competencies[key]
                retired |= not active
                if active and cid not in found:
                    found.append(cid)
                break
    reason = None
    if student is None:
        reason = "the actor is not a student on the roster"
    elif not found:
        reason = "a retired competency" if retired else "names no competency of this district"
    elif clues.score is None:
        reason = "no score"
    if reason is not None:
        return Match(student, tuple(found), clues.score, reason)
    return Match(student, tuple(found), clues.score, None)
