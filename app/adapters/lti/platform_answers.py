"""A platform's service answers (token endpoint, NRPS, AGS) read the same way everywhere:
failures named by host, status and path, never by what the platform sent back (it may echo
names of students)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.adapters.http import Answer, OutboundError, RefusedAddress, RefusedUrl, TooLarge
from app.domain.errors import DomainError, Invalid, Problem, SourceUnavailable


def unanswered(error: OutboundError, field: str) -> DomainError:
    """No answer: a URL the service does not send to is the registration's mistake (4xx); a
    platform that cannot be reached is unavailable (502)."""
    if isinstance(error, RefusedUrl | RefusedAddress):
        return Invalid(
            "The platform's service URL is one the service does not send requests to",
            [Problem((field,), str(error))],
        )
    if isinstance(error, TooLarge):
        return Invalid("The platform's answer is too large", [Problem((field,), str(error))])
    return SourceUnavailable(
        "The platform cannot be reached",
        [Problem((field,), f"cannot reach {error.host}: {error.reason}")],
    )


def refused(answer: Answer, field: str, who: str) -> DomainError:
    """An answer of a status the service cannot use (the platform failed: 502)."""
    return SourceUnavailable(
        "The platform refused or failed the request",
        [Problem((field,), f"{who} answered {answer.status} at {answer.url.path}")],
    )


def json_object(answer: Answer, field: str, what: str) -> Mapping[str, Any]:
    """The answer's JSON object, or a 502 naming what was expected."""
    try:
        body = answer.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise not_standard(answer, field, what)
    return body


def json_objects(answer: Answer, field: str, what: str) -> list[Mapping[str, Any]]:
    """The answer's JSON array of objects (AGS containers are arrays), or a 502."""
    try:
        body = answer.json()
    except ValueError:
        body = None
    if not isinstance(body, list) or not all(isinstance(x, dict) for x in body):
        raise not_standard(answer, field, what)
    return body


def not_standard(answer: Answer, field: str, what: str) -> SourceUnavailable:
    return SourceUnavailable(
        "The platform's answer is not what the standard says",
        [Problem((field,), f"the answer at {answer.url.path} is not {what}")],
    )
