"""Webhook subscriptions (each with its place in the change feed) and their delivery log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import _instant, _json, _tenant_fk
from app.adapters.db.types import JsonValue

_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class WebhookSubscriptionRow(SQLModel, table=True):
    __tablename__ = "webhook_subscriptions"

    tenant_id: int = _tenant_fk()
    id: str = Field(primary_key=True, max_length=64)
    url: str = Field(max_length=2000)
    description: str | None = Field(default=None, max_length=500)
    event_types: list[str] = _json()
    filters: dict[str, Any] = Field(default_factory=dict, sa_type=JsonValue, nullable=False)
    status: str = Field(max_length=16)
    secret_sealed: str = Field(sa_type=sa.Text)
    previous_secret_sealed: str | None = Field(default=None, sa_type=sa.Text)
    rotated_at: datetime | None = _instant(nullable=True)
    created_at: datetime = _instant()
    # The change feed position delivered so far (decision 0043's (xact, id) cursor).
    position_xact: int = Field(default=-1, sa_type=sa.BigInteger)
    position_id: int = Field(default=0, sa_type=sa.BigInteger)
    failures: int = 0
    failing_since: datetime | None = _instant(nullable=True)
    next_attempt_at: datetime | None = _instant(nullable=True)
    disabled_at: datetime | None = _instant(nullable=True)
    # Held by one delivery job at a time (the dispatcher's claim); free once it is past.
    leased_until: datetime | None = _instant(nullable=True)


class WebhookDeliveryRow(SQLModel, table=True):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "subscription_id"],
            ["webhook_subscriptions.tenant_id", "webhook_subscriptions.id"],
            ondelete="CASCADE",
            name="fk_webhook_deliveries_subscription",
        ),
        sa.Index(
            "ix_webhook_deliveries_tenant_id_subscription_id_id",
            "tenant_id",
            "subscription_id",
            "id",
        ),
    )

    id: int | None = Field(
        default=None, sa_column=sa.Column(_SEQ, primary_key=True, autoincrement=True)
    )
    tenant_id: int = Field(foreign_key="tenants.id", ondelete="CASCADE")
    subscription_id: str = Field(max_length=64)
    message_id: str = Field(max_length=64)
    event_ids: list[int] = _json()
    attempt: int
    status_code: int | None = None
    outcome: str = Field(max_length=16)
    error: str | None = Field(default=None, max_length=500)
    duration_ms: int
    at: datetime = _instant()
