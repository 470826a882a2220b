"""/lti/jwks.json: the tool's public keys (published and signing), which platforms fetch to
check our client assertions and Deep Linking answers (Security Framework 1.0 §6.3)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.api.deps import UseCasesDep

router = APIRouter(include_in_schema=False)

# A published key waits at least this long before it signs (rotate no more often than this),
# so every platform that honours the max-age has fetched it first.
JWKS_MAX_AGE_SECONDS = 3600


@router.get("/lti/jwks.json")
async def lti_jwks(use_cases: UseCasesDep) -> JSONResponse:
    keys = await use_cases.lti.tool_keys.public_jwks()
    return JSONResponse(
        keys,
        headers={"Cache-Control": f"public, max-age={JWKS_MAX_AGE_SECONDS}"},
        media_type="application/jwk-set+json",
    )
