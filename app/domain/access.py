"""Tenants (districts), their API clients, the scopes a client holds and the principal of a call."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import NewType

from app.domain.errors import Invalid, Problem

TenantId = NewType("TenantId", int)

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class Scope(StrEnum):
    """What a client may do; a token carries a subset of its client's scopes."""

    ROSTER_READ = "roster:read"
    ROSTER_WRITE = "roster:write"
    FRAMEWORKS_READ = "frameworks:read"
    FRAMEWORKS_WRITE = "frameworks:write"
    EVIDENCE_WRITE = "evidence:write"
    MASTERY_READ = "mastery:read"
    MASTERY_OVERRIDE = "mastery:override"
    REPORTS_READ = "reports:read"
    ADMIN = "admin"
    # The OneRoster 1.2 gradebook scopes, so that a vendor's client asks for what it knows.
    GRADEBOOK_CREATEPUT = "https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.createput"
    GRADEBOOK_READONLY = "https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly"
    GRADEBOOK_DELETE = "https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.delete"


ALL_SCOPES: frozenset[Scope] = frozenset(Scope)

# A scope also grants the narrower scopes it covers: the service's own grant the OneRoster
# gradebook's (evidence:write puts and deletes results, mastery:read reads them). Never the
# other way: a gradebook scope grants exactly the gradebook operations its name says
# (gradebook.delete may not post evidence, gradebook.createput may not void it).
IMPLIES: dict[Scope, frozenset[Scope]] = {
    Scope.EVIDENCE_WRITE: frozenset({Scope.GRADEBOOK_CREATEPUT, Scope.GRADEBOOK_DELETE}),
    Scope.MASTERY_READ: frozenset({Scope.GRADEBOOK_READONLY}),
}


def granting(scope: Scope) -> frozenset[Scope]:
    """Every scope that grants `scope`: itself, admin, and those that map onto it."""
    return frozenset(
        {scope, Scope.ADMIN} | {s for s, implied in IMPLIES.items() if scope in implied}
    )


def parse_scopes(text: str, loc: tuple[str | int, ...] = ("scope",)) -> frozenset[Scope]:
    """Parse a space-separated scope string (RFC 6749 §3.3); unknown scopes are an error."""
    words = text.split()  # OneRoster scope URIs contain no spaces, so they split cleanly
    unknown = [w for w in words if w not in Scope._value2member_map_]
    if unknown:
        raise Invalid(
            "Unknown scope",
            [Problem(loc, f"unknown scope {w!r}; known: {' '.join(Scope)}") for w in unknown],
        )
    return frozenset(Scope(w) for w in words)


def format_scopes(scopes: frozenset[Scope]) -> str:
    """The canonical, sorted, space-separated form of a set of scopes."""
    return " ".join(sorted(scopes))


def validate_slug(slug: str) -> str:
    """A tenant slug is lower-case letters, digits and hyphens, at most 63 characters."""
    if not _SLUG.match(slug):
        raise Invalid(
            "Invalid tenant slug",
            [Problem(("slug",), "use 1-63 lower-case letters, digits or '-', starting alnum")],
        )
    return slug


@dataclass(frozen=True)
class Tenant:
    """A district: the owner of every stored record."""

    id: TenantId
    slug: str
    name: str
    created_at: datetime


@dataclass(frozen=True)
class Client:
    """A system that calls the API on behalf of one tenant; its secret is kept only as a hash."""

    client_id: str
    tenant_id: TenantId
    name: str
    scopes: frozenset[Scope]
    secret_hash: str
    created_at: datetime
    # Set when the client is disabled: its secret earns no token and its tokens stop working.
    revoked_at: datetime | None = None
    # Carried in every token the client is issued; raised when the secret is rotated or the
    # client disabled, so that every token issued before stops working (docs/decisions/
    # 0017-clients-tokens-audit.md).
    token_version: int = 0

    @property
    def active(self) -> bool:
        """Whether the client may still get and use tokens."""
        return self.revoked_at is None

    def rotated(self, secret_hash: str) -> Client:
        """The client with a new secret; every token issued before is revoked."""
        return replace(self, secret_hash=secret_hash, token_version=self.token_version + 1)

    def disabled(self, at: datetime) -> Client:
        """The client refused from `at` on, with every token issued before revoked."""
        return replace(self, revoked_at=self.revoked_at or at, token_version=self.token_version + 1)


@dataclass(frozen=True)
class Principal:
    """Who is calling: a client of one tenant, with the scopes its token carries."""

    client_id: str
    tenant_id: TenantId
    tenant_slug: str
    scopes: frozenset[Scope]
    # The client's token version when the token was issued; a token whose version is no longer
    # the client's current one has been revoked.
    client_version: int = 0

    def allows(self, scope: Scope) -> bool:
        """Whether the token grants `scope`: it carries it, or admin, or a scope mapped onto it."""
        return not granting(scope).isdisjoint(self.scopes)


class ScopeNotGranted(Invalid):
    """A token request asked for more than the client holds (OAuth `invalid_scope`)."""


def grant_scopes(held: frozenset[Scope], requested: frozenset[Scope] | None) -> frozenset[Scope]:
    """The scopes a new token carries: all the client holds, or the requested subset of them."""
    if requested is None or not requested:
        return held
    missing = requested - held
    if missing:
        raise ScopeNotGranted(
            "The client does not hold every requested scope",
            [Problem(("scope",), f"not granted to this client: {format_scopes(missing)}")],
        )
    return requested
