"""xAPI 1.0.3 statements as an LRS receives them: validated (every problem, located), normalised
(lower-case mbox, arrays of context activities), compared by the spec's equivalence, and read
for the evidence they carry (app.domain.xapi_evidence).

The rules are the spec's (xAPI 1.0.3, Part Two, §2.2 and §2.4; 2.0.0 §2.2 for comparison):
an id is a UUID, an Agent has exactly one inverse functional identifier, IRIs are absolute,
a score's `scaled` lies in -1..1 and its `raw` within min..max with min < max. Zero is a
score like any other."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain.errors import Location, ProblemList

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
VERSION = "1.0.3"
# Versions of the X-Experience-API-Version header this LRS accepts; 2.0.0 statements use the
# same statement resource (xAPI 2.0 = IEEE 9274.1.1).
ACCEPTED_VERSIONS = ("1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0")

_TOP = frozenset(
    {
        "id",
        "actor",
        "verb",
        "object",
        "result",
        "context",
        "timestamp",
        "stored",
        "authority",
        "version",
        "attachments",
    }
)
_IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
_CONTEXT_KINDS = frozenset({"parent", "grouping", "category", "other"})
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_SHA1 = re.compile(r"^[0-9a-fA-F]{40}$")
# The LRS sets these: a statement sent again is the same whatever they say (2.0.0 §2.2.1).
_NOT_COMPARED = ("stored", "authority", "version")


def is_iri(value: object) -> bool:
    """An absolute IRI: a scheme, a colon, and no whitespace."""
    return isinstance(value, str) and _IRI.match(value) is not None


def statement_uuid(value: object) -> str | None:
    """The canonical (lower-case, hyphenated) form of a UUID, or None."""
    if not isinstance(value, str) or len(value) != 36:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def parse_instant(value: object) -> datetime | None:
    """An ISO 8601 timestamp with its offset (one without is read as UTC)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def number(value: object) -> float | None:
    """A JSON number (not a boolean) as a float, else None."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _identifiers(agent: dict[str, Any], loc: Location, problems: ProblemList) -> None:
    """Check an Agent's identifiers, and lower-case its mbox."""
    if "mbox" in agent:
        mbox = agent["mbox"]
        if not isinstance(mbox, str) or not mbox.lower().startswith("mailto:") or "@" not in mbox:
            problems.add((*loc, "mbox"), "must be a mailto: IRI")
        else:
            agent["mbox"] = mbox.lower()
    if "mbox_sha1sum" in agent and not (
        isinstance(agent["mbox_sha1sum"], str) and _SHA1.match(agent["mbox_sha1sum"])
    ):
        problems.add((*loc, "mbox_sha1sum"), "must be 40 hexadecimal digits")
    if "openid" in agent and not is_iri(agent["openid"]):
        problems.add((*loc, "openid"), "must be an IRI")
    if "account" in agent:
        account = agent["account"]
        if (
            not isinstance(account, dict)
            or not is_iri(account.get("homePage"))
            or not isinstance(account.get("name"), str)
            or set(account) - {"homePage", "name"}
        ):
            problems.add((*loc, "account"), "must have an IRI homePage and a name, nothing else")


def _agent(value: object, loc: Location, problems: ProblemList, *, group_ok: bool) -> Any:
    """An Agent or Group, normalised (mbox lower-case, `objectType` kept as sent)."""
    if not isinstance(value, dict):
        problems.add(loc, "must be an Agent or Group object")
        return value
    kind = value.get("objectType", "Agent")
    if kind not in ("Agent", "Group") or (kind == "Group" and not group_ok):
        problems.add((*loc, "objectType"), "must be Agent" + (" or Group" if group_ok else ""))
        return value
    agent = dict(value)
    ifis = [k for k in _IFIS if k in agent]
    members = agent.get("member")
    if kind == "Agent" and len(ifis) != 1:
        problems.add(loc, f"must have exactly one inverse functional identifier, has {len(ifis)}")
    if kind == "Group" and (len(ifis) > 1 or (not ifis and not isinstance(members, list))):
        problems.add(loc, "a Group has at most one identifier, and members when it has none")
    _identifiers(agent, loc, problems)
    if kind == "Group" and members is not None:
        if not isinstance(members, list):
            problems.add((*loc, "member"), "must be an array of Agents")
        else:
            agent["member"] = [
                _agent(m, (*loc, "member", i), problems, group_ok=False)
                for i, m in enumerate(members)
            ]
    return agent


def _object(value: object, problems: ProblemList, *, sub: bool = False) -> Any:
    loc: Location = ("object",)
    if not isinstance(value, dict):
        problems.add(loc, "is required: an Activity, Agent, Group, StatementRef or SubStatement")
        return value
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        if not is_iri(value.get("id")):
            problems.add((*loc, "id"), "must be an IRI")
        return dict(value)
    if kind in ("Agent", "Group"):
        return _agent(value, loc, problems, group_ok=True)
    if kind == "StatementRef":
        target = statement_uuid(value.get("id"))
        if target is None:
            problems.add((*loc, "id"), "must be a UUID")
            return dict(value)
        return {**value, "id": target}
    if kind == "SubStatement" and not sub:
        inner = ProblemList()
        _core(value, inner, sub=True)
        for p in inner.problems:
            problems.add((*loc, *p.loc), p.msg)
        return dict(value)
    problems.add((*loc, "objectType"), "is not an object type a statement may have")
    return value


def _score(score: object, problems: ProblemList) -> None:
    loc: Location = ("result", "score")
    if not isinstance(score, dict):
        problems.add(loc, "must be an object")
        return
    for key in ("scaled", "raw", "min", "max"):
        if key in score and not _number(score[key]):
            problems.add((*loc, key), "must be a number")
    if set(score) - {"scaled", "raw", "min", "max"}:
        problems.add(loc, "may hold only scaled, raw, min and max")
    scaled, raw = number(score.get("scaled")), number(score.get("raw"))
    low, high = number(score.get("min")), number(score.get("max"))
    if scaled is not None and not -1 <= scaled <= 1:
        problems.add((*loc, "scaled"), "must be between -1 and 1")
    if low is not None and high is not None and not low < high:
        problems.add((*loc, "max"), "must be greater than min")
    if raw is not None and low is not None and raw < low:
        problems.add((*loc, "raw"), "must be at least min")
    if raw is not None and high is not None and raw > high:
        problems.add((*loc, "raw"), "must be at most max")


def _result(result: object, problems: ProblemList) -> None:
    if not isinstance(result, dict):
        problems.add(("result",), "must be an object")
        return
    if "score" in result:
        _score(result["score"], problems)
    for key in ("success", "completion"):
        if key in result and not isinstance(result[key], bool):
            problems.add(("result", key), "must be true or false")


def _context(value: object, problems: ProblemList) -> Any:
    if not isinstance(value, dict):
        problems.add(("context",), "must be an object")
        return value
    context = dict(value)
    activities = context.get("contextActivities")
    if activities is None:
        return context
    if not isinstance(activities, dict) or set(activities) - _CONTEXT_KINDS:
        problems.add(("context", "contextActivities"), "may hold parent, grouping, category, other")
        return context
    arrays: dict[str, Any] = {}
    for kind, listed in activities.items():
        # A single Activity is an array of one (1.0.3 Part Two §2.4.6.2).
        listed = listed if isinstance(listed, list) else [listed]
        for i, activity in enumerate(listed):
            if not isinstance(activity, dict) or not is_iri(activity.get("id")):
                problems.add(("context", "contextActivities", kind, i, "id"), "must be an IRI")
        arrays[kind] = listed
    context["contextActivities"] = arrays
    return context


def _core(value: Mapping[str, Any], problems: ProblemList, *, sub: bool = False) -> dict[str, Any]:
    statement = dict(value)
    allowed = _TOP - {"id", "stored", "authority", "version"} | {"objectType"} if sub else _TOP
    for key in sorted(set(statement) - allowed):
        problems.add((key,), "is not a property of a statement")
    for key in sorted(k for k, v in statement.items() if v is None and k in allowed):
        problems.add((key,), "must not be null")
    statement["actor"] = _agent(statement.get("actor"), ("actor",), problems, group_ok=True)
    verb = statement.get("verb")
    if not isinstance(verb, dict) or not is_iri(verb.get("id")):
        problems.add(("verb", "id"), "must be an IRI")
    statement["object"] = _object(statement.get("object"), problems, sub=sub)
    if statement.get("result") is not None:
        _result(statement["result"], problems)
    if "context" in statement:
        statement["context"] = _context(statement["context"], problems)
    if "timestamp" in statement and parse_instant(statement["timestamp"]) is None:
        problems.add(("timestamp",), "must be an ISO 8601 timestamp")
    return statement


@dataclass(frozen=True)
class Authority:
    """Who the LRS records as vouching for a statement: the client that sent it."""

    home_page: str
    client_id: str

    def agent(self) -> dict[str, Any]:
        return {
            "objectType": "Agent",
            "account": {"homePage": self.home_page, "name": self.client_id},
        }


def normalised(
    value: object,
    problems: ProblemList,
    *,
    new_id: str,
    stored: datetime,
    authority: Authority,
) -> dict[str, Any]:
    """The statement as this LRS keeps it (`new_id` when it has no id; `stored`, `authority`
    and `version` set here); its problems are added to `problems`, located in it."""
    if not isinstance(value, dict):
        problems.add((), "must be a statement object")
        return {}
    statement = _core(value, problems)
    given = statement.get("id", new_id)
    canonical = statement_uuid(given)
    if canonical is None:
        problems.add(("id",), "must be a UUID")
    statement["id"] = canonical or str(given)
    version = statement.get("version", "1.0.0")
    if not isinstance(version, str) or not version.startswith(("1.0.", "2.0.")):
        problems.add(("version",), "must be 1.0.x or 2.0.x")
    statement["version"] = version
    statement["stored"] = stored.isoformat().replace("+00:00", "Z")
    statement.setdefault("timestamp", statement["stored"])
    statement["authority"] = authority.agent()
    verb = statement.get("verb")
    target = statement.get("object")
    if (
        isinstance(verb, dict)
        and verb.get("id") == VOIDED
        and (not isinstance(target, dict) or target.get("objectType") != "StatementRef")
    ):
        problems.add(("object", "objectType"), "a voiding statement's object is a StatementRef")
    return statement


def comparable(statement: Mapping[str, Any]) -> dict[str, Any]:
    """What makes two statements with one id the same: everything but what the LRS sets, the
    timestamp compared as an instant."""
    kept = {k: v for k, v in statement.items() if k not in _NOT_COMPARED}
    instant = parse_instant(kept.get("timestamp"))
    if instant is not None and instant == parse_instant(statement.get("stored")):
        # Set by the LRS to `stored` (none was sent): a resend without one is the same.
        del kept["timestamp"]
    elif instant is not None:
        kept["timestamp"] = instant.astimezone(UTC).isoformat()
    return kept


def voided_target(statement: Mapping[str, Any]) -> str | None:
    """The id of the statement a voiding statement voids; None for any other statement."""
    verb, target = statement.get("verb"), statement.get("object")
    if isinstance(verb, dict) and verb.get("id") == VOIDED and isinstance(target, dict):
        found = target.get("id")
        return found if isinstance(found, str) else None
    return None
