"""POST /v1/roster/imports with `dry_run` and `allow_mass_retire` (issue #12, item 9), on both
databases: a set that would retire most of the district's users is refused; a dry run reports
what an import would add, change and retire and writes nothing; a confirmed mass retirement
is written and the audit trail says it was confirmed."""

from __future__ import annotations

from typing import Any

from app.bootstrap import Container
from tests.api.test_roster_imports import _finished_job, _upload
from tests.conftest import Api
from tests.integration import oneroster_sets as sets

EXTRA = "".join(
    f"x{n:02d},active,2026-08-01T00:00:00Z,true,s1,student,x{n:02d},,Pat,X{n:02d},,,,,,,04,\n"
    for n in range(1, 11)
)
# 10 of 13 users dropped: 77%, past the default 30%.
REFUSAL = (
    "would retire 10 of the 13 records held (77%), more than the 30% allowed; "
    "confirm with allow_mass_retire if this is intended"
)


async def _statuses(api: Api) -> dict[str, str]:
    listed: dict[str, Any] = (await api.get("/v1/users?limit=100")).json()
    return {u["id"]: u["status"] for u in listed["items"]}


async def test_a_mass_retirement_is_refused_previewed_then_confirmed(
    api: Api, container: Container
) -> None:
    large = dict(sets.BULK_1_1, **{"users.csv": sets.USERS_1_1 + EXTRA})
    first = await _finished_job(api, container, await _upload(api, large))
    assert first["status"] == "succeeded", first["errors"]
    before = await _statuses(api)
    assert len(before) == 13
    assert set(before.values()) == {"active"}

    refused = await _finished_job(api, container, await _upload(api, sets.BULK_1_1))
    assert (refused["status"], refused["errors"]) == (
        "failed",
        [{"loc": ["users.csv"], "msg": REFUSAL}],
    )
    preview = await _finished_job(
        api,
        container,
        await _upload(api, sets.BULK_1_1, params={"dry_run": "true", "allow_mass_retire": "true"}),
    )
    assert preview["status"] == "succeeded"
    assert (preview["result"]["dry_run"], preview["result"]["written"]) == (True, False)
    users = preview["result"]["files"]["users.csv"]
    assert (users["created"], users["updated"], users["unchanged"], users["retired"]) == (
        0,
        0,
        3,
        10,
    )
    assert await _statuses(api) == before  # neither the refusal nor the preview wrote

    done = await _finished_job(
        api, container, await _upload(api, sets.BULK_1_1, params={"allow_mass_retire": "true"})
    )
    assert done["status"] == "succeeded"
    after = await _statuses(api)
    assert sorted(i for i, s in after.items() if s == "active") == ["u1", "u2", "u3"]
    trail = (await api.get("/v1/audit?kind=roster.imported&limit=1")).json()["items"]
    assert trail[0]["after"]["mass_retire_allowed"] is True
    assert trail[0]["after"]["files"]["users.csv"]["retired"] == 10
