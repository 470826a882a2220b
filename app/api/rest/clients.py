"""/v1/clients: a tenant's API clients, for its administrators (scope `admin`).

A secret is shown once, when a client is created or its secret rotated. Rotating, disabling or
deleting a client revokes every token it holds within the revocation window
(MASTERY_CLIENT_STANDING_SECONDS)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, status
from pydantic import BaseModel, Field

from app.api.deps import Admin, UseCasesDep
from app.api.problems import responses
from app.domain.access import Client, format_scopes
from app.use_cases.access import ClientCredentials

router = APIRouter(tags=["clients"])

ClientId = Annotated[str, Path(max_length=64, pattern=r"^[\x21-\x7e]+$")]


class ClientCreate(BaseModel):
    scope: str = Field(
        min_length=1,
        max_length=500,
        description="Space-separated scopes the client may ask for, e.g. `roster:read`.",
    )
    name: str | None = Field(default=None, min_length=1, max_length=200)


class ClientRead(BaseModel):
    client_id: str
    name: str
    scope: str = Field(description="The scopes the client holds, space-separated.")
    created_at: datetime
    disabled_at: datetime | None = Field(
        description="When the client was disabled; it gets no tokens after."
    )


class ClientSecretRead(BaseModel):
    client_id: str
    client_secret: str = Field(description="Shown this once; only its hash is kept.")
    scope: str


def _client(client: Client) -> ClientRead:
    return ClientRead(
        client_id=client.client_id,
        name=client.name,
        scope=format_scopes(client.scopes),
        created_at=client.created_at,
        disabled_at=client.revoked_at,
    )


def _secret(credentials: ClientCredentials) -> ClientSecretRead:
    return ClientSecretRead(
        client_id=credentials.client_id,
        client_secret=credentials.client_secret,
        scope=format_scopes(credentials.scopes),
    )


@router.get(
    "/v1/clients",
    response_model=list[ClientRead],
    summary="List the tenant's API clients",
    operation_id="list_clients",
    responses=responses(401, 403),
)
async def list_clients(use_cases: UseCasesDep, principal: Admin) -> Any:
    """Every API client of the caller's district (the tenant of the token), disabled ones included,
    without secrets. For the district's administrators."""
    return [_client(c) for c in await use_cases.access.list_clients(tenant=principal.tenant_id)]


@router.post(
    "/v1/clients",
    response_model=ClientSecretRead,
    status_code=status.HTTP_201_CREATED,
    summary="Create an API client (its secret is shown once)",
    operation_id="create_client",
    responses=responses(401, 403, 422),
)
async def create_client(body: ClientCreate, use_cases: UseCasesDep, principal: Admin) -> Any:
    """Creates a client for a vendor's integration or a district script, holding the scopes named in
    `scope` (space-separated; an unknown scope is a 422). The answer carries `client_secret`,
    shown this once: only its hash is kept. Exchange the two at `POST /oauth/token`."""
    created = await use_cases.access.create_client(
        tenant_slug=principal.tenant_slug,
        scopes=body.scope,
        name=body.name,
        actor=principal.client_id,
    )
    return _secret(created)


@router.get(
    "/v1/clients/{client_id}",
    response_model=ClientRead,
    summary="An API client",
    operation_id="get_client",
    responses=responses(401, 403, 404),
)
async def get_client(client_id: ClientId, use_cases: UseCasesDep, principal: Admin) -> Any:
    """One client of the caller's district: its name, scopes, creation and whether it is disabled.
    Another district's client, or none, is a 404."""
    return _client(await use_cases.access.client(client_id, tenant=principal.tenant_id))


@router.post(
    "/v1/clients/{client_id}/rotate",
    response_model=ClientSecretRead,
    summary="Give a client a new secret; its old secret and tokens stop working",
    operation_id="rotate_client",
    responses=responses(401, 403, 404),
)
async def rotate_client(client_id: ClientId, use_cases: UseCasesDep, principal: Admin) -> Any:
    """Issues a new secret, shown this once, for a secret that leaked or is due to change. The old
    secret stops working at once, and its tokens within the revocation window."""
    rotated = await use_cases.access.rotate_client_secret(
        client_id=client_id, tenant=principal.tenant_id, actor=principal.client_id
    )
    return _secret(rotated)


@router.post(
    "/v1/clients/{client_id}/disable",
    response_model=ClientRead,
    summary="Disable a client: no new tokens, and its tokens revoked",
    operation_id="disable_client",
    responses=responses(401, 403, 404),
)
async def disable_client(client_id: ClientId, use_cases: UseCasesDep, principal: Admin) -> Any:
    """Stops a client without deleting it: it gets no new tokens, and its tokens stop working within
    the revocation window. Its audit trail stays readable under its id."""
    disabled = await use_cases.access.disable_client(
        client_id=client_id, tenant=principal.tenant_id, actor=principal.client_id
    )
    return _client(disabled)


@router.delete(
    "/v1/clients/{client_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a client; its tokens are revoked with it",
    operation_id="delete_client",
    responses=responses(401, 403, 404),
)
async def delete_client(client_id: ClientId, use_cases: UseCasesDep, principal: Admin) -> None:
    """Deletes a client of the caller's district; its tokens stop working within the revocation
    window. Answers 204; another district's client is a 404."""
    await use_cases.access.delete_client(
        client_id=client_id, tenant=principal.tenant_id, actor=principal.client_id
    )
