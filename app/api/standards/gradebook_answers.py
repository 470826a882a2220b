"""What every gradebook route (the consumer's line items, results, categories, score scales,
assessments) answers with: the binding's JSON written against this service's public base, and
a PUT's 201 when it created the record, 200 when it replaced one."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from app.api.public_url import public_base
from app.api.standards.gradebook_json import Writer


def writer(request: Request) -> Writer:
    return Writer(public_base(request))


def saved(body: dict[str, Any], created: bool) -> JSONResponse:
    return JSONResponse(body, status_code=201 if created else 200)
