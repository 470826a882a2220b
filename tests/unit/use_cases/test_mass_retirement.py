"""A bulk import that would retire more than the configured share (30% by default) of a kind
of record is refused unless confirmed; a dry run counts what an import would do and writes
nothing (issue #12, item 9). On fakes: the district of tests/fakes/oneroster_sets.py with 11
more students, so 14 users in all."""

from __future__ import annotations

import pytest

from app.domain.audit import AuditKind, AuditQuery
from app.domain.errors import Problem
from app.domain.roster import RecordStatus, RosterKind
from app.use_cases.catalog import UseCases
from app.use_cases.roster_import import ImportRejected
from tests.fakes.oneroster_sets import Row, changed, district, user
from tests.fakes.roster_import import FakeRosterSource
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import TENANT
from tests.unit.use_cases.test_roster_import import status_of

EXTRA = [f"x{n:02d}" for n in range(1, 12)]


def _with(extra: list[str]) -> dict[str, list[Row]]:
    base = district()
    return changed(base, users=[*base["users"], *(user(i, "Pat", i.upper()) for i in extra)])


async def test_retiring_more_than_the_share_is_refused_unless_confirmed(
    fakes: FakeAdapters, use_cases: UseCases
) -> None:
    imports = use_cases.roster_imports
    await imports.import_roster(TENANT, FakeRosterSource(_with(EXTRA)))
    dropped = EXTRA[:5]  # 5 of 14 users held: 36%, past 30%

    # 4 of 14 (29%) is within the share: a dry run shows it, no confirmation needed.
    within = await imports.import_roster(TENANT, FakeRosterSource(_with(EXTRA[4:])), dry_run=True)
    assert (within.dry_run, within.written, within.files["users.csv"].retired) == (True, False, 4)

    with pytest.raises(ImportRejected) as refused:
        await imports.import_roster(TENANT, FakeRosterSource(_with(EXTRA[5:])))
    assert refused.value.problems == [
        Problem(
            ("users.csv",),
            "would retire 5 of the 14 records held (36%), more than the 30% allowed; "
            "confirm with allow_mass_retire if this is intended",
        )
    ]
    assert refused.value.report.errors() == [
        {"loc": ["users.csv"], "msg": refused.value.problems[0].msg}
    ]

    preview = await imports.import_roster(
        TENANT, FakeRosterSource(_with(EXTRA[5:])), dry_run=True, allow_mass_retire=True
    )
    users = preview.files["users.csv"]
    assert (users.created, users.updated, users.unchanged, users.retired) == (0, 0, 9, 5)
    assert preview.result()["dry_run"] is True
    assert preview.result()["written"] is False
    # Neither the refusal nor the dry run wrote anything.
    held = await status_of(fakes, RosterKind.USER, *dropped)
    assert set(held.values()) == {RecordStatus.ACTIVE}

    done = await imports.import_roster(
        TENANT, FakeRosterSource(_with(EXTRA[5:])), allow_mass_retire=True
    )
    assert done.written
    assert done.files["users.csv"].retired == 5
    retired = await status_of(fakes, RosterKind.USER, *dropped)
    assert set(retired.values()) == {RecordStatus.TOBEDELETED}
    page = await use_cases.audit.entries(TENANT, AuditQuery(limit=1))
    entry = page.items[0].entry
    assert entry.kind == AuditKind.ROSTER_IMPORTED
    assert entry.after is not None
    assert entry.after["mass_retire_allowed"] is True
    assert entry.after["files"]["users.csv"]["retired"] == 5
