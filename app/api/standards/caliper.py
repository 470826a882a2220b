"""The Caliper Analytics 1.2 (and 1.1) endpoint, POST /caliper: a sensor sends envelopes of
events with a Bearer token (evidence:write); a GradeEvent scoring a student's attempt on an
assignable aligned to competencies (`learningObjectives`) becomes evidence, every other event
is stored. The event `id` makes a resend harmless. Left out of the OpenAPI document: its
contract is the Caliper spec's."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app.api.standards.lrs import CaliperRoute, lrs_caller
from app.domain.access import Scope
from app.domain.errors import Invalid, Problem
from app.use_cases.caliper import CaliperEvents

router = APIRouter(route_class=CaliperRoute, include_in_schema=False)


@router.post("/caliper")
async def receive_envelope(request: Request) -> JSONResponse:
    """Store an envelope's events, all or none: 200 with how many were new."""
    principal = await lrs_caller(request, Scope.EVIDENCE_WRITE, basic=False)
    try:
        envelope = json.loads(await request.body())
    except ValueError:
        raise Invalid("The body is not JSON", [Problem(("body",), "not JSON")]) from None
    events: CaliperEvents = request.app.state.use_cases.caliper_events
    received = await events.receive(principal, envelope)
    return JSONResponse({"stored": received.stored, "skipped": received.skipped})
