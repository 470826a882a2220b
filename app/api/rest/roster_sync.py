"""The district's SIS connection (PUT/GET/DELETE /v1/roster/connection, admin) and roster
syncs through it (POST /v1/roster/sync, a job). The client secret is written, never read."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, Field

from app.api.deps import Admin, RosterWriter, UseCasesDep
from app.api.problems import located, responses
from app.api.rest.jobs import JobRead
from app.api.rest.roster_imports import AllowMassRetire, accepted
from app.domain.oneroster.connection import OneRosterVersion, ProviderAuth, RosterConnection
from app.use_cases import roster_sync as use

router = APIRouter(tags=["roster"])
CONNECTION = "/v1/roster/connection"


class _ConnectionFields(BaseModel):
    base_url: str = Field(
        max_length=2000, description="The provider's root, before /ims/oneroster/…"
    )
    oneroster_version: OneRosterVersion = Field(description="1.1 or 1.2 (the REST binding).")
    auth: ProviderAuth = Field(
        description="`oauth2`: client credentials at `token_url`; `oauth1`: OAuth 1.0a "
        "request signing with HMAC-SHA256 (OneRoster 1.1)."
    )
    token_url: str | None = Field(default=None, max_length=2000)
    client_id: str = Field(min_length=1, max_length=500)
    scopes: list[str] = Field(default_factory=list, description="Scopes asked with a token.")


class ConnectionWrite(_ConnectionFields):
    client_secret: str | None = Field(
        default=None,
        min_length=1,
        max_length=2000,
        description="Stored encrypted, never returned; omit it to keep the stored one.",
    )


class ConnectionRead(_ConnectionFields):
    has_client_secret: bool = True
    synced_through: datetime | None = Field(
        description="The newest change a sync has read; the next asks only for later ones."
    )
    updated_at: datetime | None


def _read(connection: RosterConnection) -> ConnectionRead:
    return ConnectionRead(
        base_url=connection.base_url,
        oneroster_version=connection.version,
        auth=connection.auth,
        token_url=connection.token_url,
        client_id=connection.client_id,
        scopes=list(connection.scopes),
        synced_through=connection.synced_through,
        updated_at=connection.updated_at,
    )


@router.put(
    CONNECTION,
    response_model=ConnectionRead,
    summary="Set the SIS's OneRoster REST connection",
    operation_id="put_roster_connection",
    responses={
        201: {"description": "Created", "model": ConnectionRead},
        **responses(401, 403, 422),
    },
)
async def put_connection(
    body: ConnectionWrite, use_cases: UseCasesDep, principal: Admin, response: Response
) -> Any:
    """Stores how the service reaches the district's SIS over OneRoster REST (1.1 or 1.2): its base
    URL, OAuth 2.0 client credentials (`token_url`, `client_id`, `client_secret`, `scopes`) or
    OAuth 1.0a signing. The secret is kept sealed and never read back. Nothing is fetched until
    `POST /v1/roster/sync`. 201 when created, 200 when replaced."""
    settings = use.ConnectionSettings(
        base_url=body.base_url,
        version=body.oneroster_version,
        auth=body.auth,
        client_id=body.client_id,
        client_secret=body.client_secret,
        token_url=body.token_url,
        scopes=tuple(body.scopes),
    )
    with located("body"):
        connection, created = await use_cases.roster_sync.put_connection(
            principal.tenant_id, settings
        )
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return _read(connection)


@router.get(
    CONNECTION,
    response_model=ConnectionRead,
    summary="The SIS's OneRoster REST connection (without its secret)",
    operation_id="get_roster_connection",
    responses=responses(401, 403, 404),
)
async def get_connection(use_cases: UseCasesDep, principal: Admin) -> Any:
    """The SIS connection as stored, without its secret; 404 when none is set."""
    return _read(await use_cases.roster_sync.get_connection(principal.tenant_id))


@router.delete(
    CONNECTION,
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove the SIS connection",
    operation_id="delete_roster_connection",
    responses=responses(401, 403, 404),
)
async def delete_connection(use_cases: UseCasesDep, principal: Admin) -> None:
    """Removes the SIS connection and its sealed secret; the roster already synced stays. Answers
    204; 404 when none is set."""
    await use_cases.roster_sync.delete_connection(principal.tenant_id)


@router.post(
    "/v1/roster/sync",
    response_model=JobRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Sync the roster from the SIS's OneRoster REST provider",
    description=(
        "A job: the first sync reads every collection (records the provider no longer lists "
        "are retired); later ones ask only for records changed since the newest change read. "
        "Rows are checked by the same rules as a CSV import, and a sync that would retire "
        "more than the configured share of a kind of record (default 30%) fails unless "
        "`allow_mass_retire`."
    ),
    operation_id="sync_roster",
    responses=responses(401, 403, 404),
)
async def sync(
    use_cases: UseCasesDep,
    principal: RosterWriter,
    response: Response,
    skip_invalid: Annotated[
        bool, Query(description="Import every valid record and report the rest.")
    ] = False,
    allow_mass_retire: AllowMassRetire = False,
) -> Any:
    job = await use_cases.roster_sync.start_sync_job(
        principal.tenant_id,
        skip_invalid=skip_invalid,
        actor=principal.client_id,
        allow_mass_retire=allow_mass_retire,
    )
    return accepted(response, job)
