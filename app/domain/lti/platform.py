"""A registered LMS platform and its deployments: what the service knows of an LMS before any
launch (LTI Core 1.3 §3.1.2-3.1.3; 1EdTech Security Framework 1.0 §5.1)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import TenantId


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
