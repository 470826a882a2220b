"""Which answer each kind of domain error gets: one table, read by every error format.

problem+json (app.api.problems), OneRoster's imsx_StatusInfo (app.api.standards.imsx), CASE's
status info (app.api.standards.case) and GraphQL's error extensions each keep their own wire
format, but the HTTP status (and GraphQL's `extensions.code`) of a domain error is decided
here, so that the same mistake answers the same status whichever door it came through."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.api.unsupported_media import UnsupportedMediaType
from app.domain.errors import (
    Busy,
    Conflict,
    DomainError,
    Forbidden,
    Invalid,
    InvalidQuery,
    NotFound,
    SourceUnavailable,
    Unauthorized,
)


@dataclass(frozen=True)
class ErrorAnswer:
    """The HTTP status of an error kind, and its code in GraphQL's error extensions."""

    status: int
    code: str


# Looked up by the error's class, then its bases: a subclass (an import rejected, a scope not
# granted) answers as its kind unless it has a row of its own.
ANSWERS: Mapping[type[DomainError], ErrorAnswer] = {
    NotFound: ErrorAnswer(404, "NOT_FOUND"),
    Invalid: ErrorAnswer(422, "INVALID"),
    # Query parameters a collection cannot follow: a bad request, not bad data.
    InvalidQuery: ErrorAnswer(400, "INVALID_QUERY"),
    Conflict: ErrorAnswer(409, "CONFLICT"),
    Forbidden: ErrorAnswer(403, "FORBIDDEN"),
    Unauthorized: ErrorAnswer(401, "UNAUTHORIZED"),
    # Another system this service depends on failed: the gateway's fault, not the client's.
    SourceUnavailable: ErrorAnswer(502, "SOURCE_UNAVAILABLE"),
    # The database is held by another write: the service's state, not the request, is the
    # cause, and it passes (with `Retry-After`, see `headers_of`).
    Busy: ErrorAnswer(503, "BUSY"),
    UnsupportedMediaType: ErrorAnswer(415, "UNSUPPORTED_MEDIA_TYPE"),
    DomainError: ErrorAnswer(400, "ERROR"),
}


def answer_for(error: DomainError) -> ErrorAnswer:
    """The answer of the nearest class of `error` in the table."""
    for kind in type(error).__mro__:
        if kind in ANSWERS:
            return ANSWERS[kind]
    raise AssertionError("DomainError is in the table")  # pragma: no cover


def headers_of(error: DomainError) -> dict[str, str]:
    """The headers every format's answer to `error` carries: when to try again, if it passes."""
    if isinstance(error, Busy):
        return {"Retry-After": str(error.retry_after_seconds)}
    if isinstance(error, UnsupportedMediaType) and error.patch:  # RFC 5789 section 2.2
        return {"Accept-Patch": ", ".join(error.accepted)}
    return {}


def status_of(error: DomainError) -> int:
    """The HTTP status that answers `error`."""
    return answer_for(error).status
