"""A district's connection to its SIS's OneRoster REST provider, and how far it has synced."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from urllib.parse import urlsplit

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
            if url is not None and not _is_http_url(url):
                found.append(Problem((field,), "must be an http or https URL"))
        if self.auth == ProviderAuth.OAUTH2 and not self.token_url:
            found.append(Problem(("token_url",), "is required with OAuth 2.0 client credentials"))
        if not self.client_id.strip():
            found.append(Problem(("client_id",), "must not be empty"))
        return found


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
