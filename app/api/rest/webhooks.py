"""/v1/webhooks: a district's webhook subscriptions, for its administrators (scope `admin`).

Each subscription is sent the change feed's events it asks for (types, and filters by school,
class or framework), as Standard Webhooks messages signed with its secret. The secret is shown
once, when the subscription is created or its secret rotated; only a sealed copy is kept."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, status
from pydantic import BaseModel, ConfigDict, Field

from app.api.deps import Admin, UseCasesDep
from app.api.problems import responses
from app.api.rest.pagination import Cursor, Limit, ListPage, decode_cursor, encode_cursor
from app.domain.changes import cursor_of
from app.domain.errors import Invalid, Problem
from app.domain.webhook_subscriptions import DeliveryRecord, Subscription, SubscriptionStatus
from app.use_cases.webhooks import CreatedSubscription, Webhooks

router = APIRouter(tags=["webhooks"])
WebhookId = Annotated[str, Path(max_length=64, pattern=r"^[\x21-\x7e]+$")]
_Ids = list[Annotated[str, Field(min_length=1, max_length=255)]]


class WebhookFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt filter would match everything

    school_ids: _Ids | None = Field(default=None, description="Events about these schools.")
    class_ids: _Ids | None = Field(default=None, description="Events about these classes.")
    framework_ids: _Ids | None = Field(default=None, description="Events of these frameworks.")


class WebhookCreate(BaseModel):
    url: str = Field(
        min_length=1,
        max_length=2000,
        description="Where messages are POSTed: https (plain http only to hosts the operator "
        "allows, MASTERY_OUTBOUND_ALLOWED_HOSTS).",
    )
    event_types: list[str] = Field(
        max_length=20, description="Change types to send, e.g. `decision.changed`."
    )
    filters: WebhookFilters | None = None
    description: str | None = Field(default=None, max_length=500)


class WebhookUpdate(BaseModel):
    url: str | None = Field(default=None, min_length=1, max_length=2000)
    event_types: list[str] | None = Field(default=None, max_length=20)
    filters: WebhookFilters | None = None
    status: SubscriptionStatus | None = Field(
        default=None, description="`enabled` re-enables a disabled subscription."
    )
    description: str | None = Field(default=None, max_length=500)


class WebhookRead(BaseModel):
    id: str
    url: str
    description: str | None
    event_types: list[str]
    filters: dict[str, list[str]]
    status: SubscriptionStatus
    created_at: datetime
    position: str = Field(description="The feed cursor delivered so far.")
    failures: int = Field(description="Failed tries since the last success.")
    next_attempt_at: datetime | None
    disabled_at: datetime | None


class WebhookSecretRead(WebhookRead):
    secret: str = Field(description="`whsec_…`, shown this once: verify signatures with it.")


class DeliveryRead(BaseModel):
    id: int
    message_id: str = Field(description="The message's `webhook-id`.")
    event_ids: list[int]
    attempt: int
    status_code: int | None
    outcome: str = Field(description="`delivered` or `failed`.")
    error: str | None
    duration_ms: int
    at: datetime


class DeliveryPage(ListPage[DeliveryRead]):
    pass


class WebhookReplay(BaseModel):
    after: str | None = Field(
        default=None,
        max_length=64,
        description="A change feed cursor: events after it are sent again (none: all kept).",
    )


def _read(s: Subscription) -> dict[str, Any]:
    return {
        "id": s.id,
        "url": s.url,
        "description": s.description,
        "event_types": list(s.event_types),
        "filters": s.filters.as_json(),
        "status": s.status,
        "created_at": s.created_at,
        "position": cursor_of(s.position),
        "failures": s.failures,
        "next_attempt_at": s.next_attempt_at,
        "disabled_at": s.disabled_at,
    }


def _secret(created: CreatedSubscription) -> WebhookSecretRead:
    return WebhookSecretRead(**_read(created.subscription), secret=created.secret)


def _delivery(d: DeliveryRecord) -> DeliveryRead:
    return DeliveryRead(
        id=d.id or 0,
        message_id=d.message_id,
        event_ids=list(d.event_ids),
        attempt=d.attempt,
        status_code=d.status_code,
        outcome=d.outcome,
        error=d.error,
        duration_ms=d.duration_ms,
        at=d.at,
    )


def _webhooks(use_cases: Any) -> Webhooks:
    wired: Webhooks | None = use_cases.webhooks
    if wired is None:  # a wiring without the store (unit tests' fakes): none exist
        raise Invalid("Webhooks are not available here", [Problem((), "not configured")])
    return wired


def _filters(filters: WebhookFilters | None) -> dict[str, list[str]] | None:
    return None if filters is None else filters.model_dump(exclude_none=True)


@router.post(
    "/v1/webhooks",
    response_model=WebhookSecretRead,
    status_code=status.HTTP_201_CREATED,
    summary="Subscribe a URL to changes (its secret is shown once)",
    operation_id="create_webhook",
    responses=responses(401, 403, 422),
)
async def create_webhook(body: WebhookCreate, use_cases: UseCasesDep, principal: Admin) -> Any:
    """Sends the change feed's events of `event_types` written from now on to `url`, in feed
    order, as Standard Webhooks messages (`webhook-id`, `webhook-timestamp`,
    `webhook-signature`). The answer's `secret` is shown this once. Every problem of the body
    is listed in one 422."""
    created = await _webhooks(use_cases).create(
        principal.tenant_id,
        url=body.url,
        event_types=body.event_types,
        filters=_filters(body.filters),
        description=body.description,
        actor=principal.client_id,
    )
    return _secret(created)


@router.get(
    "/v1/webhooks",
    response_model=list[WebhookRead],
    summary="List the tenant's webhook subscriptions",
    operation_id="list_webhooks",
    responses=responses(401, 403),
)
async def list_webhooks(use_cases: UseCasesDep, principal: Admin) -> Any:
    """Every subscription of the caller's district, oldest first, without secrets."""
    return [_read(s) for s in await _webhooks(use_cases).subscriptions(principal.tenant_id)]


@router.get(
    "/v1/webhooks/{webhook_id}",
    response_model=WebhookRead,
    summary="A webhook subscription",
    operation_id="get_webhook",
    responses=responses(401, 403, 404),
)
async def get_webhook(webhook_id: WebhookId, use_cases: UseCasesDep, principal: Admin) -> Any:
    """One subscription: where it stands in the feed and whether it is failing; no secret."""
    return _read(await _webhooks(use_cases).get(principal.tenant_id, webhook_id))


@router.patch(
    "/v1/webhooks/{webhook_id}",
    response_model=WebhookRead,
    summary="Change a webhook subscription, or enable it again",
    operation_id="update_webhook",
    responses=responses(401, 403, 404, 422),
)
async def update_webhook(
    webhook_id: WebhookId, body: WebhookUpdate, use_cases: UseCasesDep, principal: Admin
) -> Any:
    """Changes the members sent. `status: enabled` enables a subscription disabled after
    failing (it is tried at once, from where it stood); `disabled` stops its deliveries."""
    sent = body.model_dump(exclude_unset=True)
    if "filters" in sent:
        sent["filters"] = _filters(body.filters)
    if "status" in sent and sent["status"] is not None:
        sent["status"] = SubscriptionStatus(sent["status"]).value
    sent = {k: v for k, v in sent.items() if v is not None or k in ("description", "filters")}
    changed = await _webhooks(use_cases).change(
        principal.tenant_id, webhook_id, actor=principal.client_id, **sent
    )
    return _read(changed)


@router.delete(
    "/v1/webhooks/{webhook_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a webhook subscription and its delivery log",
    operation_id="delete_webhook",
    responses=responses(401, 403, 404),
)
async def delete_webhook(webhook_id: WebhookId, use_cases: UseCasesDep, principal: Admin) -> None:
    """Stops the deliveries for good; another district's subscription is a 404."""
    await _webhooks(use_cases).delete(principal.tenant_id, webhook_id, actor=principal.client_id)


@router.post(
    "/v1/webhooks/{webhook_id}/rotate-secret",
    response_model=WebhookSecretRead,
    summary="Give a subscription a new secret; the old one signs beside it for 24 hours",
    operation_id="rotate_webhook_secret",
    responses=responses(401, 403, 404),
)
async def rotate_webhook_secret(
    webhook_id: WebhookId, use_cases: UseCasesDep, principal: Admin
) -> Any:
    """The new `secret` is shown this once. For 24 hours each message carries two signatures
    (`webhook-signature`, space-separated), the new secret's and the old one's, so the
    receiver can switch over."""
    rotated = await _webhooks(use_cases).rotate_secret(
        principal.tenant_id, webhook_id, actor=principal.client_id
    )
    return _secret(rotated)


@router.get(
    "/v1/webhooks/{webhook_id}/deliveries",
    response_model=DeliveryPage,
    summary="A subscription's delivery log, newest first",
    operation_id="list_webhook_deliveries",
    responses=responses(401, 403, 404, 422),
)
async def list_webhook_deliveries(
    webhook_id: WebhookId,
    use_cases: UseCasesDep,
    principal: Admin,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Any:
    """Every try: the message's id and events, the attempt, the receiver's status, the outcome,
    why it failed (never what the receiver sent), how long it took."""
    key = decode_cursor(cursor)
    before = None
    if key is not None:
        if not key.isdigit():
            raise Invalid("The cursor is not valid", [Problem(("query", "cursor"), "not a cursor")])
        before = int(key)
    found = await _webhooks(use_cases).deliveries(principal.tenant_id, webhook_id, limit, before)
    last = str(found[-1].id) if len(found) == limit and found else None
    return DeliveryPage(items=[_delivery(d) for d in found], next_cursor=encode_cursor(last))


@router.post(
    "/v1/webhooks/{webhook_id}/replay",
    response_model=WebhookRead,
    summary="Send again the events after a feed cursor",
    operation_id="replay_webhook",
    responses=responses(401, 403, 404, 422),
)
async def replay_webhook(
    webhook_id: WebhookId, body: WebhookReplay, use_cases: UseCasesDep, principal: Admin
) -> Any:
    """Moves the subscription's position to `after` (a `next_cursor` of `GET /v1/changes`, or
    a delivered message's `data.cursor`): the events after it are delivered again, in order.
    Audit-logged."""
    moved = await _webhooks(use_cases).replay(
        principal.tenant_id, webhook_id, body.after, actor=principal.client_id
    )
    return _read(moved)
