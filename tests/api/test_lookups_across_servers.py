"""Two servers over one database (two containers: two processes' memory), on SQLite and
PostgreSQL. Every result looks up the crosswalk's exact matches and the grading terms open for
reassessment, which a server answers from memory while the tenant's lookups revision is
unchanged (app.adapters.db.lookups). What one server changes, the other's very next result
sees, though its memory held the lookups from before.

Values worked out by hand as in tests/api/test_crosswalk_api.py: a state 3 counts as 3.75 for
the district's 1-5 standard DPS.F.1, a state 1 as 1.25 (average 2.5: not yet), a state 4 as 5."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from app.bootstrap import build
from tests.api.crosswalk_data import D1, decisions, shown, two_frameworks
from tests.api.mastery_data import by_competency, post, result, seed_framework
from tests.apps import app_over
from tests.case_packages import NF1, ident
from tests.conftest import Api, Tenant, test_settings, token_for

MATCH = f"/v1/competencies/{ident(NF1)}/exact-matches/{D1}"
SNAPSHOT = "/v1/academic-sessions/term-1/snapshot"


@pytest.fixture
async def second(database_url: str, tenant: Tenant) -> AsyncIterator[Api]:
    """The same tenant's client on a second server over the same database."""
    built = build(test_settings(database_url))
    try:
        with app_over(
            built.use_cases,
            max_body_bytes=built.settings.max_body_bytes,
            public_base_url=built.settings.public_url,
        ) as app:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                yield Api(client, tenant, token_for(built, tenant))
    finally:
        await built.close()


async def test_a_crosswalk_made_or_removed_on_one_server_moves_the_others_next_result(
    api: Api, second: Api
) -> None:
    await two_frameworks(api, crosswalk=False)
    # The first server looks the crosswalk up (no match) and keeps it in memory.
    await post(api, result(3, 1, competency=ident(NF1)))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("no_evidence", None)

    made = await second.put(MATCH, json=None)
    assert (made.status_code, made.json()["results_carried"]) == (201, 1), made.text
    # The first server's next result is carried: (3.75 + 1.25) / 2.
    await post(api, result(1, 2, competency=ident(NF1)))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("not_yet", 2.5)

    assert (await second.delete(MATCH)).status_code == 204
    assert shown((await decisions(api, "fw-district"))[D1]) == ("no_evidence", None)
    # And, the match removed, its next result is not (it would count as 5: mastered).
    await post(api, result(4, 3, competency=ident(NF1)))
    assert shown((await decisions(api, "fw-district"))[D1]) == ("no_evidence", None)


async def _snapshot(api: Api) -> dict[str, dict[str, Any]]:
    response = await api.get(SNAPSHOT)
    assert response.status_code == 200, response.text
    return by_competency(response.json()["items"])


async def test_a_reassessment_window_opened_on_one_server_reaches_the_others_next_result(
    api: Api, second: Api
) -> None:
    await seed_framework(api)
    term = {"title": "Term 1", "type": "term", "start_date": "2026-08-17", "end_date": "2026-10-31"}
    assert (await api.put("/v1/academic-sessions/term-1", term)).status_code == 201
    # The first server looks the open windows up (none) and keeps them in memory.
    await post(api, result(2, 1, competency="s-1"))

    until = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    closed = await second.post(
        "/v1/academic-sessions/term-1/close", json={"reassessment_until": until}
    )
    assert closed.status_code == 200, closed.text
    assert (await _snapshot(api))["s-1"]["evidence_count"] == 1
    # A reassessment within the term (2026-09-11) on the first server reaches the snapshot.
    await post(api, result(4, 10, competency="s-1"))
    assert (await _snapshot(api))["s-1"]["evidence_count"] == 2

    # Reopened and closed again on the second server, now without a window: the first
    # server's next result of the term no longer reaches it.
    reopened = await second.post("/v1/academic-sessions/term-1/reopen", json={"reason": "x"})
    assert reopened.status_code == 200, reopened.text
    assert (await second.post("/v1/academic-sessions/term-1/close")).status_code == 200
    assert (await _snapshot(api))["s-1"]["evidence_count"] == 2
    await post(api, result(1, 11, competency="s-1"))
    assert (await _snapshot(api))["s-1"]["evidence_count"] == 2
