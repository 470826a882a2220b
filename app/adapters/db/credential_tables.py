"""The credentials' tables: the Open Badges 3.0 and CLR 2.0 credentials issued to students (as
signed), and the issuer's keys (docs/decisions/0049-credentials.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant, _tenant_fk
from app.adapters.db.types import JsonValue


class CredentialRow(SQLModel, table=True):
    """An issued credential: its compact JWS as signed (verification reads these bytes), and
    when it was revoked. The id is a UUID, unique across districts: the public verification
    URL names no district."""

    __tablename__ = "credentials"
    __table_args__ = (
        # Ids are random UUIDs; unique with the tenant (the key), looked up alone when public.
        sa.Index("ix_credentials_id", "id"),
        sa.Index("ix_credentials_tenant_id_student_id", "tenant_id", "student_id"),
    )

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=64)
    kind: str = Field(max_length=16)
    student_id: str = Field(max_length=255)
    competency_id: str | None = Field(default=None, max_length=255)
    kid: str = Field(max_length=64)
    jws: str = Field(sa_type=sa.Text, nullable=False)
    issued_at: datetime = _instant()
    revoked_at: datetime | None = _instant(nullable=True)


class CredentialIssuerKeyRow(SQLModel, table=True):
    """The issuer's RSA keys, the shape of the LTI tool's (app/adapters/lti/keys.py): one set
    for the service, each district's Profile naming the same JWKS. Retired keys stay published:
    a credential outlives the key that signed it."""

    __tablename__ = "credential_issuer_keys"

    kid: str = Field(primary_key=True, max_length=64)
    state: str = Field(max_length=16)
    public_jwk: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
    # The PKCS#8 PEM, sealed with the service key (SecretBox): a database dump signs nothing.
    sealed_private_key: str = Field(sa_type=sa.Text, nullable=False)
    created_at: datetime = _instant()
