"""Answers serialised straight to JSON bytes, for the few routes that answer thousands of
objects (an evidence batch's decisions, a class grid): their routes still declare the response
model, so the OpenAPI document is unchanged."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import Response


def json_response(body: Any, status_code: int = 200) -> Response:
    """JSON bytes; instants in UTC with a Z, as pydantic writes them."""
    return Response(
        orjson.dumps(body, option=orjson.OPT_UTC_Z),
        status_code=status_code,
        media_type="application/json",
    )
