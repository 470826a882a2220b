"""Liveness and readiness probes."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.api.deps import UseCasesDep
from app.api.problems import problem

router = APIRouter(tags=["operations"])
log = logging.getLogger("mastery.health")


@router.get("/healthz", summary="The process is up", operation_id="healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="The database is reachable",
    operation_id="readyz",
    responses={503: {"description": "The database cannot be reached"}},
)
async def readyz(use_cases: UseCasesDep) -> JSONResponse:
    try:
        await use_cases.health.check_ready()
    except Exception:  # any failure to reach the database means "not ready"
        log.warning("readiness check failed", exc_info=True)
        return problem(503, "The database cannot be reached")
    return JSONResponse({"status": "ready"})
