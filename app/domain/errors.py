"""Domain errors: every error carries all the problems found, so a client fixes them in one go."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a request: where (a path into the input) and what."""

    loc: Location
    msg: str


@dataclass
class DomainError(Exception):
    """Base of every error the core raises on purpose; the API maps `kind` to a status."""

    detail: str
    problems: list[Problem] = field(default_factory=list)
    kind: str = "error"

    def __post_init__(self) -> None:
        super().__init__(self.detail)

    def __str__(self) -> str:
        if not self.problems:
            return self.detail
        listed = "; ".join(f"{'.'.join(map(str, p.loc))}: {p.msg}" for p in self.problems)
        return f"{self.detail} ({listed})"


@dataclass
class NotFound(DomainError):
    """The thing does not exist for this tenant (another tenant's things do not exist either)."""

    kind: str = "not_found"


@dataclass
class Invalid(DomainError):
    """The input breaks a rule; `problems` lists every broken rule."""

    kind: str = "invalid"


@dataclass
class InvalidQuery(Invalid):
    """A request's query parameters cannot be followed (a sort or filter a collection does not
    have): a bad request, not bad data."""

    kind: str = "invalid_query"


@dataclass
class Conflict(DomainError):
    """The input contradicts what is stored (a duplicate, a concurrent change)."""

    kind: str = "conflict"


@dataclass
class Forbidden(DomainError):
    """The caller may not do this."""

    kind: str = "forbidden"


@dataclass
class SourceUnavailable(DomainError):
    """Another system we depend on (a CASE provider, a SIS) could not be reached or failed."""

    kind: str = "source_unavailable"


@dataclass
class Busy(DomainError):
    """The service cannot take this write now: another write holds the database longer than a
    request may wait (on SQLite, one writer at a time). The same request may succeed later."""

    kind: str = "busy"
    retry_after_seconds: int = 1


class ProblemList:
    """Collects problems while validating, then raises them all at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, loc: Location, msg: str) -> None:
        """Record one problem."""
        self.problems.append(Problem(loc, msg))

    def extend(self, problems: Iterable[Problem], prefix: Location = ()) -> None:
        """Record problems found in a nested part of the input, under `prefix`."""
        self.problems.extend(Problem(prefix + p.loc, p.msg) for p in problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self, detail: str) -> None:
        """Raise `Invalid` with every problem collected so far, if there is any, each once (a
        gradebook result's one score read for two objectives is one problem, not two)."""
        if self.problems:
            raise Invalid(detail, list(dict.fromkeys(self.problems)))


@dataclass
class Unauthorized(DomainError):
    """The caller could not be authenticated (unknown client, wrong secret, bad token)."""

    kind: str = "unauthorized"
