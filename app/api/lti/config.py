"""/lti/config: the tool's configuration as a platform administrator pastes it, built from
MASTERY_PUBLIC_BASE_URL: Canvas's developer key JSON (`?format=canvas`) or the settings other
platforms' forms ask for (the default)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app.api.public_url import public_base
from app.domain.lti.tool_config import canvas_config, generic_config

router = APIRouter(include_in_schema=False)


@router.get("/lti/config")
async def lti_config(
    request: Request, format: Literal["generic", "canvas"] = "generic"
) -> JSONResponse:
    base = public_base(request)
    body = canvas_config(base) if format == "canvas" else generic_config(base)
    return JSONResponse(body, headers={"Cache-Control": "public, max-age=300"})
