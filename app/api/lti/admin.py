"""/v1/lti/platforms: the LMS platforms a district registered the tool in, for its
administrators (scope `admin`). A registration belongs to the district that made it, and every
deployment it lists opens that district's pages (docs/decisions/0037-lti-launch.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, status
from pydantic import BaseModel, Field

from app.api.deps import Admin, UseCasesDep
from app.api.problems import responses
from app.domain.lti.platform import Platform, Registration

router = APIRouter(tags=["lti"])

RegistrationId = Annotated[str, Path(max_length=64, pattern=r"^[0-9A-Za-z_-]+$")]
# The platform's URLs; https for any platform a browser reaches (a development platform on
# this machine may be plain http, which the outbound policy then has to allow).
_URL = r"^https?://[^\s/]+\S*$"
Url = Annotated[str, Field(min_length=8, max_length=2048, pattern=_URL)]


class PlatformCreate(BaseModel):
    issuer: Annotated[str, Field(min_length=8, max_length=255, pattern=_URL)] = Field(
        description="The platform's `iss`, exactly as its id_tokens carry it."
    )
    client_id: str = Field(
        min_length=1, max_length=255, description="The client id the platform gave the tool."
    )
    auth_login_url: Url = Field(description="The platform's OIDC authorization endpoint.")
    token_url: Url = Field(description="The platform's OAuth 2 token endpoint (services).")
    token_audience: Url | None = Field(
        default=None,
        description="The `aud` of our client assertions, when not the token URL (Brightspace).",
    )
    jwks_url: Url = Field(description="Where the platform publishes its public keys.")
    deployment_ids: list[Annotated[str, Field(min_length=1, max_length=255)]] = Field(
        min_length=1, max_length=100, description="The deployments whose launches it accepts."
    )


class PlatformRead(BaseModel):
    id: str
    issuer: str
    client_id: str
    auth_login_url: str
    token_url: str
    token_audience: str | None
    jwks_url: str
    deployment_ids: list[str]


class PlatformList(BaseModel):
    items: list[PlatformRead]


def platform_read(registration: Registration) -> PlatformRead:
    p = registration.platform
    return PlatformRead(
        id=registration.id,
        issuer=p.issuer,
        client_id=p.client_id,
        auth_login_url=p.auth_login_url,
        token_url=p.token_url,
        token_audience=p.token_audience,
        jwks_url=p.jwks_url,
        deployment_ids=list(registration.deployment_ids),
    )


@router.get(
    "/v1/lti/platforms",
    response_model=PlatformList,
    summary="List the district's LTI platform registrations",
    operation_id="list_lti_platforms",
    responses=responses(401, 403),
)
async def list_lti_platforms(use_cases: UseCasesDep, principal: Admin) -> Any:
    """Every LMS platform the caller's district registered the tool in, with its deployments."""
    found = await use_cases.lti.registrations(principal.tenant_id)
    return PlatformList(items=[platform_read(r) for r in found])


@router.post(
    "/v1/lti/platforms",
    response_model=PlatformRead,
    status_code=status.HTTP_201_CREATED,
    summary="Register the tool in an LMS platform",
    operation_id="register_lti_platform",
    responses=responses(401, 403, 409, 422),
)
async def register_lti_platform(
    body: PlatformCreate, use_cases: UseCasesDep, principal: Admin
) -> Any:
    """Registers a platform (its issuer, the client id it gave the tool, its URLs) and the
    deployments whose launches open this district's pages. An issuer and client id already
    registered, by this district or another, is a 409: a launch names no district, so one
    registration must name it."""
    platform = Platform(
        issuer=body.issuer,
        client_id=body.client_id,
        auth_login_url=body.auth_login_url,
        token_url=body.token_url,
        jwks_url=body.jwks_url,
        token_audience=body.token_audience,
    )
    registered = await use_cases.lti.register(
        principal.tenant_id, platform, tuple(body.deployment_ids)
    )
    return platform_read(registered)


@router.get(
    "/v1/lti/platforms/{id}",
    response_model=PlatformRead,
    summary="An LTI platform registration",
    operation_id="get_lti_platform",
    responses=responses(401, 403, 404),
)
async def get_lti_platform(id: RegistrationId, use_cases: UseCasesDep, principal: Admin) -> Any:
    """One registration of the caller's district; another district's is a 404."""
    return platform_read(await use_cases.lti.registration(principal.tenant_id, id))


@router.delete(
    "/v1/lti/platforms/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove an LTI platform registration and its deployments",
    operation_id="remove_lti_platform",
    responses=responses(401, 403, 404),
)
async def remove_lti_platform(id: RegistrationId, use_cases: UseCasesDep, principal: Admin) -> None:
    """Its launches are refused from now on; pages already open keep their session until it
    expires. Another district's registration is a 404."""
    await use_cases.lti.unregister(principal.tenant_id, id)
