"""The credentials' public side (no token: wallets, employers and schools verify what a
student carries): the issuer's keys (/credentials/jwks.json, one key at /credentials/keys/{kid},
the URL a VC-JWT's `kid` names), each district's issuer Profile, its achievements and its
1EdTech Revocation List, a credential and its verification (decision 0049)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from app.api.deps import UseCasesDep
from app.api.problems import responses
from app.api.public_url import public_base
from app.domain.errors import NotFound
from app.use_cases.credentials import document_of

router = APIRouter(tags=["credentials (public)"])
Id = Annotated[str, Path(min_length=1, max_length=255)]
Slug = Annotated[str, Path(min_length=1, max_length=63)]
# Verifiers cache what does not change by the minute; revocations and verdicts they fetch anew.
KEYS_MAX_AGE_SECONDS = 3600
JWT_MEDIA_TYPES = ("application/vc+jwt", "application/jwt")
# What a VC-JWT looks like (header.payload.signature), cut short: the JSON answer's example is
# its payload in full.
JWT_EXAMPLE = (
    "eyJ0eXAiOiJ2Yytqd3QiLCJhbGciOiJSUzI1NiIsImtpZCI6Imh0dHBzOi8vbWFzdGVyeS5yaXZlcnNpZGUuZXhhbX"
    "BsZS9jcmVkZW50aWFscy9rZXlzL28tVzVyelN0c0l2dzRsUTMifQ.eyJAY29udGV4dCI6Wy4uLl19.c2lnbmF0dXJl"
)


class JwkSetResponse(JSONResponse):
    media_type = "application/jwk-set+json"


class JwkResponse(JSONResponse):
    media_type = "application/jwk+json"


class Check(BaseModel):
    check: str
    passed: bool
    detail: str


class VerificationRead(BaseModel):
    verified: bool = Field(description="Signature valid, the credential's own, and not revoked.")
    revoked: bool
    checks: list[Check]


def _json(body: dict[str, Any], media_type: str = "application/json", max_age: int = 0) -> Any:
    cache = f"public, max-age={max_age}" if max_age else "no-cache"
    return JSONResponse(body, media_type=media_type, headers={"Cache-Control": cache})


@router.get(
    "/credentials/jwks.json",
    summary="The credential issuer's public keys (JWK Set)",
    operation_id="credential_issuer_jwks",
    response_class=JwkSetResponse,
)
async def credential_issuer_jwks(use_cases: UseCasesDep) -> Any:
    """Every key that signed or will sign a credential, retired ones included (a credential
    outlives the key that signed it)."""
    keys = await use_cases.credentials.keys.public_jwks()
    return _json(keys, "application/jwk-set+json", KEYS_MAX_AGE_SECONDS)


@router.get(
    "/credentials/keys/{kid}",
    summary="One issuer key (the URL a VC-JWT's kid names)",
    operation_id="credential_issuer_key",
    response_class=JwkResponse,
    responses=responses(404),
)
async def credential_issuer_key(use_cases: UseCasesDep, kid: Id) -> Any:
    """The public JWK a credential's JOSE header names by URL (OB 3.0 §8.2: `kid`)."""
    jwk = await use_cases.credentials.keys.public_jwk(kid)
    if jwk is None:
        raise NotFound(f"No key {kid!r}")
    return _json(jwk, "application/jwk+json", KEYS_MAX_AGE_SECONDS)


@router.get(
    "/credentials/issuers/{slug}",
    summary="A district's issuer Profile",
    operation_id="credential_issuer",
    responses=responses(404),
)
async def credential_issuer(request: Request, use_cases: UseCasesDep, slug: Slug) -> Any:
    """The Open Badges 3.0 `Profile` that issues the district's credentials."""
    profile = await use_cases.credentials.issuer_profile(slug, public_base(request))
    return _json(profile, max_age=KEYS_MAX_AGE_SECONDS)


@router.get(
    "/credentials/issuers/{slug}/achievements/{competency_id}",
    summary="The achievement of a competency",
    operation_id="credential_achievement",
    responses=responses(404),
)
async def credential_achievement(
    request: Request, use_cases: UseCasesDep, slug: Slug, competency_id: Id
) -> Any:
    """The Open Badges 3.0 `Achievement` of a competency, aligned to its CASE CFItem."""
    found = await use_cases.credentials.achievement(slug, competency_id, public_base(request))
    return _json(found, max_age=KEYS_MAX_AGE_SECONDS)


@router.get(
    "/credentials/issuers/{slug}/revocations",
    summary="A district's revocation list",
    operation_id="credential_revocations",
    responses=responses(404),
)
async def credential_revocations(request: Request, use_cases: UseCasesDep, slug: Slug) -> Any:
    """The `1EdTechRevocationList` every credential's `credentialStatus.id` names: the ids of
    the district's revoked credentials."""
    return _json(await use_cases.credentials.revocations(slug, public_base(request)))


@router.get(
    "/credentials/{id}",
    summary="A credential",
    operation_id="get_credential",
    responses={
        **responses(404),
        200: {
            "description": "The credential as JSON, or as its VC-JWT with "
            "`Accept: application/vc+jwt` (or application/jwt)",
            "content": {
                t: {"schema": {"type": "string"}, "example": JWT_EXAMPLE} for t in JWT_MEDIA_TYPES
            },
        },
    },
)
async def get_credential(request: Request, use_cases: UseCasesDep, id: Id) -> Any:
    """The credential as issued: JSON (the VC-JWT's payload without its JWT claims) by default,
    the compact JWS itself when `Accept` names application/vc+jwt or application/jwt."""
    credential = await use_cases.credentials.credential(id)
    accept = request.headers.get("accept", "")
    for media_type in JWT_MEDIA_TYPES:
        if media_type in accept:
            return Response(credential.jws, media_type=media_type)
    return _json(document_of(credential.jws))


@router.get(
    "/credentials/{id}/verify",
    response_model=VerificationRead,
    summary="Verify a credential",
    operation_id="verify_credential",
    responses=responses(404),
)
async def verify_credential(request: Request, use_cases: UseCasesDep, id: Id) -> Any:
    """Checks the stored credential as a verifier would: its RS256 signature by one of the keys
    at /credentials/jwks.json, that it is the credential at this URL, and that its district's
    revocation list does not name it."""
    verdict = await use_cases.credentials.verify(id, public_base(request))
    key = verdict.credential.kid
    checks = [
        Check(
            check="signature",
            passed=verdict.signature,
            detail=f"RS256 by the published key {key}"
            if verdict.signature
            else "no published key verifies the signature",
        ),
        Check(
            check="credential_id",
            passed=verdict.matches,
            detail="the signed credential's id is this URL"
            if verdict.matches
            else "the signed credential names another id",
        ),
        Check(
            check="revocation",
            passed=not verdict.revoked,
            detail="revoked by its issuer" if verdict.revoked else "not revoked",
        ),
    ]
    return VerificationRead(verified=verdict.verified, revoked=verdict.revoked, checks=checks)
