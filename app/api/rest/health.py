"""Liveness and readiness probes."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.api.deps import UseCasesDep
from app.api.problems import problem
from app.api.unavailable import RETRY_AFTER_SECONDS

READY_TIMEOUT_SECONDS = 5.0

router = APIRouter(tags=["operations"])
log = logging.getLogger("mastery.health")


@router.get("/healthz", summary="The process is up", operation_id="healthz")
async def healthz() -> dict[str, str]:
    """Answers 200 while the process runs, without touching the database: for a container's liveness
    probe. No token needed."""
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="The database is reachable",
    operation_id="readyz",
    responses={503: {"description": "The database cannot be reached"}},
)
async def readyz(use_cases: UseCasesDep) -> JSONResponse:
    """Answers 200 when the database answers within 5 seconds, else 503 with Retry-After: for a load
    balancer's readiness probe, so a server that cannot reach its database gets no traffic. No
    token needed."""
    try:
        # A probe that hangs is worse than one that fails: the balancer must hear "no" fast.
        await asyncio.wait_for(use_cases.health.check_ready(), READY_TIMEOUT_SECONDS)
    except Exception as error:  # any failure to reach the database means "not ready"
        log.warning("readiness check failed", extra={"error": type(error).__name__})
        return problem(
            503,
            "The database cannot be reached",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return JSONResponse({"status": "ready"})
