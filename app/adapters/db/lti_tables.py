"""The LTI tool's tables: registered platforms and their deployments (a district's), the tool's
own keys, the one-time login state and nonces, the LTI users met at launch, and verified
launches kept for a page session's life (docs/decisions/0037-lti-launch.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant, _json, _tenant_fk
from app.adapters.db.types import JsonValue

# Issuers and client ids are URLs or opaque strings chosen by the LMS; 255 covers the ones seen.
_ID = 255
_URL = 2048


class LtiPlatformRow(SQLModel, table=True):
    """One registration of the tool in an LMS, owned by the district whose admin made it. The
    key (issuer, client_id) is unique across districts: a launch names no tenant, so the
    registration is how the service learns whose launch it is."""

    __tablename__ = "lti_platforms"
    __table_args__ = (sa.UniqueConstraint("issuer", "client_id"),)

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=64)
    issuer: str = Field(max_length=_ID)
    client_id: str = Field(max_length=_ID)
    auth_login_url: str = Field(max_length=_URL)
    token_url: str = Field(max_length=_URL)
    token_audience: str | None = Field(default=None, max_length=_URL)
    jwks_url: str = Field(max_length=_URL)
    created_at: datetime = _instant()


class LtiDeploymentRow(SQLModel, table=True):
    __tablename__ = "lti_deployments"
    __table_args__ = (
        sa.UniqueConstraint("platform_id", "deployment_id"),
        sa.ForeignKeyConstraint(
            ["tenant_id", "platform_id"],
            ["lti_platforms.tenant_id", "lti_platforms.id"],
            ondelete="CASCADE",
        ),
    )

    tenant_id: int = _tenant_fk()
    platform_id: str = Field(primary_key=True, max_length=64)
    deployment_id: str = Field(primary_key=True, max_length=_ID)


class LtiUserRow(SQLModel, table=True):
    """An LTI user (issuer, sub) of a district, linked to the roster person it is."""

    __tablename__ = "lti_users"

    tenant_id: int = _tenant_fk()
    issuer: str = Field(primary_key=True, max_length=_ID)
    sub: str = Field(primary_key=True, max_length=_ID)
    person_id: str = Field(max_length=_ID)
    roles: list[str] = _json()
    seen_at: datetime = _instant()


class LtiLaunchRow(SQLModel, table=True):
    __tablename__ = "lti_launches"
    __table_args__ = (sa.Index("ix_lti_launches_expires_at", "expires_at"),)

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=64)
    launch: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
    expires_at: datetime = _instant()


class LtiToolKeyRow(SQLModel, table=True):
    """The tool's RSA keys (not a district's: every platform sees the same JWKS)."""

    __tablename__ = "lti_tool_keys"

    kid: str = Field(primary_key=True, max_length=64)
    state: str = Field(max_length=16)
    public_jwk: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
    # The PKCS#8 PEM, sealed with the service key (SecretBox): a database dump signs nothing.
    sealed_private_key: str = Field(sa_type=sa.Text, nullable=False)
    created_at: datetime = _instant()


class LtiStateRow(SQLModel, table=True):
    """A login's `state`, one-time: deleted as it is used (DELETE ... RETURNING)."""

    __tablename__ = "lti_states"
    __table_args__ = (sa.Index("ix_lti_states_expires_at", "expires_at"),)

    state: str = Field(primary_key=True, max_length=128)
    platform_id: str = Field(max_length=64)
    # SHA-256 (hex) of the secret the browser keeps: the state is honoured from it only.
    binding: str = Field(max_length=64)
    expires_at: datetime = _instant()


class LtiRegistrationTokenRow(SQLModel, table=True):
    """A one-time token of ours in a Dynamic Registration URL: which district the platform
    that opens it registers for. Kept as a SHA-256 digest (the URL is the secret)."""

    __tablename__ = "lti_registration_tokens"

    tenant_id: int = Field(foreign_key="tenants.id", ondelete="CASCADE", index=True)
    digest: str = Field(primary_key=True, max_length=64)
    expires_at: datetime = _instant()


class LtiNonceRow(SQLModel, table=True):
    """A login's `nonce`, one-time: an id_token naming it is accepted once."""

    __tablename__ = "lti_nonces"
    __table_args__ = (sa.Index("ix_lti_nonces_expires_at", "expires_at"),)

    nonce: str = Field(primary_key=True, max_length=128)
    expires_at: datetime = _instant()
