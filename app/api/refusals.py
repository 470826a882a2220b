"""Answers given by the middleware before any route runs (no token, a NUL character, JSON too
deep), each in the error format of the door it came through: imsx_StatusInfo under the OneRoster
gradebook, problem+json everywhere else."""

from __future__ import annotations

from typing import Any

from starlette.types import Scope, Send

from app.api.middleware import send_problem
from app.api.standards.gradebook_json import GRADEBOOK
from app.api.standards.imsx import field_name, status_info


async def send_refusal(
    scope: Scope,
    send: Send,
    status: int,
    detail: str,
    *,
    kind: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """Refuse the request with `status`, listing `errors` ({"loc", "msg"}) where there are."""
    if not scope["path"].startswith(GRADEBOOK):
        await send_problem(send, status, detail, kind=kind, errors=errors, headers=headers)
        return
    # OneRoster answers a request it cannot read with 400, and names each field at fault.
    code = "unauthorisedrequest" if status == 401 else "invaliddata"
    # ("query", "limit") names the field "limit"; ("path",) names "path" (which part of it
    # went wrong, the route is not yet there to say).
    fields = [field_name(tuple(e["loc"][1:] or e["loc"])) for e in errors or []]
    listed = "; ".join(f"{name}: {e['msg']}" for name, e in zip(fields, errors or [], strict=True))
    response = status_info(
        400 if status == 422 else status,
        code,
        f"{detail} ({listed})" if listed else detail,
        list(dict.fromkeys(fields)),
        {k.decode("latin-1"): v.decode("latin-1") for k, v in headers or []},
    )
    await response(scope, _nothing, send)


async def _nothing() -> Any:  # the answer needs no more of the request
    return {"type": "http.disconnect"}
