"""A registered LMS platform and its deployments: what the service knows of an LMS before any
launch (LTI Core 1.3 §3.1.2-3.1.3; 1EdTech Security Framework 1.0 §5.1)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from app.domain.access import TenantId
from app.domain.errors import Problem


@dataclass(frozen=True)
class Platform:
    """One registration of the tool in one LMS, keyed by (issuer, client_id). The URLs are the
    platform's: where a login redirects (OIDC auth), where service tokens come from, and its
    public keys. `token_audience` is the `aud` of our client assertion when the platform asks for
    one other than its token URL (Brightspace does)."""

    issuer: str
    client_id: str
    auth_login_url: str
    token_url: str
    jwks_url: str
    token_audience: str | None = None

    @property
    def assertion_audience(self) -> str:
        return self.token_audience or self.token_url


@dataclass(frozen=True)
class Deployment:
    """A platform's deployment of the tool (an account, a school, a course), and the district
    (tenant) whose data its launches see."""

    issuer: str
    client_id: str
    deployment_id: str
    tenant_id: TenantId


@dataclass(frozen=True)
class Registration:
    """A platform as a district registered it: its id in the service (for the admin API), the
    district that owns it and every deployment whose launches it accepts."""

    id: str
    tenant_id: TenantId
    platform: Platform
    deployment_ids: tuple[str, ...]


# What the registry stores (app/adapters/db/lti_tables.py): identifiers and URLs within these.
MAX_ID = 255
MAX_URL = 2048


def registration_problems(platform: Platform, deployment_ids: tuple[str, ...]) -> list[Problem]:
    """Every way a registration breaks the registry's rules, whoever asks for it (the admin API,
    the CLI, a platform registering itself)."""
    found: list[Problem] = []
    for name in ("issuer", "client_id"):
        value = getattr(platform, name)
        if not value or len(value) > MAX_ID:
            found.append(Problem((name,), f"must have 1 to {MAX_ID} characters"))
    for name in ("issuer", "auth_login_url", "token_url", "jwks_url", "token_audience"):
        value = getattr(platform, name)
        if value is None and name == "token_audience":
            continue
        parts = urlsplit(value or "")
        if parts.scheme not in ("http", "https") or not parts.netloc or len(value) > MAX_URL:
            found.append(
                Problem((name,), f"must be an http(s) URL of at most {MAX_URL} characters")
            )
    if not deployment_ids:
        found.append(Problem(("deployment_ids",), "must name at least one deployment"))
    for i, deployment in enumerate(deployment_ids):
        if not deployment or len(deployment) > MAX_ID:
            found.append(Problem(("deployment_ids", i), f"must have 1 to {MAX_ID} characters"))
    return found
