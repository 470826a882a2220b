"""The committed contracts equal what the app serves (`make openapi` regenerates them)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


async def test_openapi_json_is_what_the_app_serves(http: httpx.AsyncClient) -> None:
    committed = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    served = (await http.get("/openapi.json")).json()
    assert committed == served, "openapi/openapi.json is stale: run `make openapi` and commit it"


def test_openapi_json_is_what_app_main_builds() -> None:
    from app.main import app

    committed = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    assert committed == app.openapi(), "openapi/openapi.json is stale: run `make openapi`"
