"""Caliper Analytics 1.2 (and 1.1) envelopes as an endpoint receives them: checked, split into
events, and a GradeEvent read for the evidence it carries (decision 0047-xapi-and-caliper).

- An envelope has `sensor`, `sendTime`, `dataVersion` (the 1.1 or 1.2 context) and `data`, an
  array of events; each event an `id` that is a `urn:uuid:` and a `type`.
- A GradeEvent's student is the Attempt's `assignee` (the actor is whoever graded): its
  SisSourcedId in `otherIdentifiers` (1.2's SystemIdentifier), else `extensions.sourcedId`, else
  the last path segment of its id. Its competencies are the assignable's `learningObjectives`
  ids (and `extensions` COMPETENCY_EXTENSION), tried like xAPI IRIs. Its score is the generated
  Score's `scoreGiven` of `maxScore`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.errors import ProblemList
from app.domain.xapi import is_iri, number, parse_instant, statement_uuid
from app.domain.xapi_evidence import COMPETENCY_EXTENSION, Clues, lookup_keys

DATA_VERSIONS = (
    "http://purl.imsglobal.org/ctx/caliper/v1p2",
    "http://purl.imsglobal.org/ctx/caliper/v1p1",
)
GRADE_EVENT = "GradeEvent"


def _score(event: Mapping[str, Any], index: int, problems: ProblemList) -> None:
    generated = event.get("generated")
    if not isinstance(generated, Mapping) or generated.get("type") != "Score":
        return
    given, most = number(generated.get("scoreGiven")), number(generated.get("maxScore"))
    loc = ("data", index, "generated")
    if "scoreGiven" in generated and given is None:
        problems.add((*loc, "scoreGiven"), "must be a number")
    if "maxScore" in generated and (most is None or most <= 0):
        problems.add((*loc, "maxScore"), "must be a number above 0")
    if given is not None and given < 0:
        problems.add((*loc, "scoreGiven"), "must not be negative")
    if given is not None and most is not None and given > most:
        problems.add((*loc, "scoreGiven"), "must be at most maxScore")


def _event(event: dict[str, Any], index: int, problems: ProblemList) -> dict[str, Any]:
    raw_id = event.get("id")
    canonical = (
        statement_uuid(raw_id[9:])
        if isinstance(raw_id, str) and raw_id.lower().startswith("urn:uuid:")
        else None
    )
    if canonical is None:
        problems.add(("data", index, "id"), "must be a urn:uuid: id")
    if not isinstance(event.get("type"), str):
        problems.add(("data", index, "type"), "is required")
    if "eventTime" in event and parse_instant(event["eventTime"]) is None:
        problems.add(("data", index, "eventTime"), "must be an ISO 8601 timestamp")
    _score(event, index, problems)
    return {**event, "id": f"urn:uuid:{canonical or raw_id}"}


def events_of(envelope: object, problems: ProblemList) -> list[dict[str, Any]]:
    """The events of an envelope, each with its id canonical (`urn:uuid:` lower-case); its
    problems added to `problems`, located in it."""
    if not isinstance(envelope, dict):
        problems.add((), "must be an envelope object")
        return []
    if not is_iri(envelope.get("sensor")):
        problems.add(("sensor",), "must be an IRI")
    if parse_instant(envelope.get("sendTime")) is None:
        problems.add(("sendTime",), "must be an ISO 8601 timestamp")
    if envelope.get("dataVersion") not in DATA_VERSIONS:
        problems.add(("dataVersion",), f"must be one of {', '.join(DATA_VERSIONS)}")
    data = envelope.get("data")
    if not isinstance(data, list) or not data:
        problems.add(("data",), "must be an array of events")
        return []
    events: list[dict[str, Any]] = []
    for index, event in enumerate(data):
        if not isinstance(event, dict):
            problems.add(("data", index), "must be an event object")
            continue
        events.append(_event(event, index, problems))
    return events


def _sourced_id(person: object) -> str | None:
    if not isinstance(person, Mapping):
        return None
    for other in person.get("otherIdentifiers") or []:
        if isinstance(other, Mapping) and other.get("identifierType") == "SisSourcedId":
            found = other.get("identifier")
            if isinstance(found, str):
                return found
    extension = (person.get("extensions") or {}).get("sourcedId")
    if isinstance(extension, str):
        return extension
    pid = person.get("id")
    return lookup_keys(pid)[-1] if isinstance(pid, str) else None


def event_clues(event: Mapping[str, Any]) -> Clues:
    """The clues of a GradeEvent (none for any other event: it is stored, counted for nothing)."""
    if event.get("type") != GRADE_EVENT:
        return Clues(None, None, (), None)
    attempt = event.get("object") or {}
    assignable = attempt.get("assignable") if isinstance(attempt, Mapping) else None
    iris: list[str] = []
    if isinstance(assignable, Mapping):
        for objective in assignable.get("learningObjectives") or []:
            if isinstance(objective, Mapping) and isinstance(objective.get("id"), str):
                iris.append(objective["id"])
            elif isinstance(objective, str):
                iris.append(objective)
        named = (assignable.get("extensions") or {}).get(COMPETENCY_EXTENSION)
        iris += [n for n in (named if isinstance(named, list) else [named]) if isinstance(n, str)]
    generated = event.get("generated") or {}
    given, most = number(generated.get("scoreGiven")), number(generated.get("maxScore"))
    score = (given, most) if given is not None and most is not None else None
    assignee = attempt.get("assignee") if isinstance(attempt, Mapping) else None
    return Clues(_sourced_id(assignee), None, tuple(dict.fromkeys(iris)), score)
