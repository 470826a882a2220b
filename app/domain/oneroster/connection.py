"""A district's connection to its SIS's OneRoster REST provider, and how far it has synced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from urllib.parse import SplitResult, urlsplit

from app.domain.errors import Problem


class ProviderAuth(StrEnum):
    """How the provider authenticates the service: OAuth 2.0 client credentials (1.2, many
    1.1 providers), or OAuth 1.0a request signing with HMAC-SHA256 (the 1.1 standard's)."""

    OAUTH2 = "oauth2"
    OAUTH1 = "oauth1"


class OneRosterVersion(StrEnum):
    V1_1 = "1.1"
    V1_2 = "1.2"


@dataclass(frozen=True, kw_only=True)
class RosterConnection:
    """Where the provider is and how to sign in; the secret is kept sealed (encrypted).
    `synced_through` is the newest dateLastModified a sync has read: the next sync asks only
    for records changed after it."""

    base_url: str
    version: OneRosterVersion
    auth: ProviderAuth
    client_id: str
    client_secret_sealed: str
    token_url: str | None = None
    scopes: tuple[str, ...] = ()
    synced_through: datetime | None = None
    updated_at: datetime | None = None

    def problems(self) -> list[Problem]:
        """Settings that cannot work, one problem each."""
        found = []
        for field in ("base_url", "token_url"):
            url = getattr(self, field)
            if url is not None and origin(url) is None:
                found.append(Problem((field,), "must be an http or https URL"))
        parts = _split(self.base_url)
        if parts is not None and (parts.query or parts.fragment or "#" in self.base_url):
            # The OneRoster paths are appended to the base URL: after a ? or # they would be
            # part of the query or fragment, and every request would go to the base itself.
            found.append(Problem(("base_url",), "must not have a query or fragment"))
        if self.auth == ProviderAuth.OAUTH2 and not self.token_url:
            found.append(Problem(("token_url",), "is required with OAuth 2.0 client credentials"))
        if not self.client_id.strip():
            found.append(Problem(("client_id",), "must not be empty"))
        return found

    def moves_forward_to(self, newest: datetime | None) -> bool:
        """Whether a sync that read changes up to `newest` moves the next starting point: it
        only ever moves forward (an older or empty read leaves it where it is)."""
        return newest is not None and (self.synced_through is None or newest > self.synced_through)

    def secret_origins(self) -> set[Origin]:
        """Where the secret, or what it earns (tokens, signatures), is sent: the origins of
        the base URL and the token URL."""
        urls = (self.base_url, self.token_url)
        return {o for o in (origin(u) for u in urls if u is not None) if o is not None}


Origin = tuple[str, str, int]
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> Origin | None:
    """The URL's origin (RFC 6454: scheme, host, port), or None when it is no http(s) URL."""
    parts = _split(url)
    if parts is None or parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    # Credentials, backslashes and blanks are where URL parsers disagree on the host; refused,
    # so that the origin judged here is the one the HTTP client connects to.
    if "@" in parts.netloc or any(c == "\\" or c.isspace() or not c.isprintable() for c in url):
        return None
    try:
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
    except ValueError:  # a port that is not a number, or out of range
        return None
    return parts.scheme, parts.hostname.rstrip("."), port


def secret_problems(
    stored: RosterConnection | None, revised: RosterConnection, *, secret_entered: bool
) -> list[Problem]:
    """A stored secret is sent only to the origins it was entered for: a revision that moves
    the base URL or the token URL to another origin must enter the secret again."""
    if secret_entered or stored is None:
        return []
    trusted = stored.secret_origins()
    found = []
    for field in ("base_url", "token_url"):
        url = getattr(revised, field)
        if url is not None and origin(url) is not None and origin(url) not in trusted:
            found.append(
                Problem(("client_secret",), f"is required when the {field}'s origin changes")
            )
    return found


def _split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url.strip())
    except ValueError:  # an unbalanced [ in an IPv6 host
        return None
