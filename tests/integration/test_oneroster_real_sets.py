"""The real OneRoster CSV sets in ../shared/data/oneroster (see its SOURCES.md), read in place:
with skip-invalid no row is skipped for a quirk of format, only for a real problem, each
reported; without it the same set is rejected with the same problems and nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.roster import Course, Org, OrgType
from app.use_cases.import_report import ImportReport
from app.use_cases.roster_import import ImportRejected

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("MASTERY_SHARED_DATA", ROOT.parent / "shared" / "data")) / "oneroster"
pytestmark = pytest.mark.skipif(
    not DATA.is_dir(), reason=f"the shared sample data is not at {DATA} (set MASTERY_SHARED_DATA)"
)


def _lines(*spec: tuple[str, range | list[int]]) -> set[tuple[str, int]]:
    return {(file, line) for file, lines in spec for line in lines}


# Per set: the rows skipped, each for a real problem (a reference to nothing, directly or through
# a row skipped itself, or a value outside the vocabulary). Worked out from SOURCES.md.
EXPECTED = {
    # orgs:2 parent org missing; sessions:3,6 parent missing, 4 status `inactive` (1.0), 5 parent
    # skipped; classes:2 course missing (courses absent); users: their org skipped; enrollments:
    # their class missing or tobedeleted.
    "csv-1.1/catalyst-moodle-full": _lines(
        ("orgs.csv", [2]),
        ("academicSessions.csv", [3, 4, 5, 6]),
        ("classes.csv", [2]),
        ("users.csv", range(2, 8)),
        ("enrollments.csv", range(2, 8)),
    ),
    # Same data, required columns only: the classes' courses are missing.
    "csv-1.1/catalyst-moodle-minimal": _lines(
        ("classes.csv", [2, 3]), ("enrollments.csv", range(2, 8))
    ),
    # classes: required courseSourcedId empty; enrollments: their class skipped.
    "csv-1.1/oat-sa-base": _lines(("classes.csv", [2, 3, 4]), ("enrollments.csv", [2, 3, 4])),
    "csv-1.1/nicelion-classlink-headers": set(),
    # users:5 role `principal` is not a 1.1 role.
    "csv-1.1/nicelion-generated-partial": _lines(("users.csv", [5])),
    # As the 1.1 full set, and roles: their org skipped, so users have no role.
    "csv-1.2/catalyst-moodle-v1p2-full": _lines(
        ("orgs.csv", [2]),
        ("academicSessions.csv", [3, 4, 5, 6]),
        ("classes.csv", [2]),
        ("roles.csv", range(2, 9)),
        ("users.csv", range(2, 8)),
        ("enrollments.csv", range(2, 8)),
    ),
    "csv-1.2/catalyst-moodle-delta-datagen": set(),
}


async def _import(container: Container, tenant: Tenant, folder: Path, skip: bool) -> ImportReport:
    source = container.adapters.roster_files.open(folder)
    try:
        return await container.use_cases.roster_imports.import_roster(
            tenant.id, source, skip_invalid=skip
        )
    finally:
        await source.close()


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_a_real_set_imports_all_but_rows_with_real_problems(
    container: Container, tenant: Tenant, name: str
) -> None:
    report = await _import(container, tenant, DATA / name, skip=True)
    skipped = {(str(p.loc[0]), int(p.loc[1])) for p in report.problems}
    assert skipped == EXPECTED[name]
    for file, counts in report.files.items():
        lines = {line for f, line in EXPECTED[name] if f == file}
        assert counts.skipped == len(lines), file
        assert counts.imported == counts.rows - len(lines), file


@pytest.mark.parametrize("name", sorted(n for n, lines in EXPECTED.items() if lines))
async def test_without_skip_invalid_a_real_set_is_rejected_with_every_problem(
    container: Container, tenant: Tenant, name: str
) -> None:
    with pytest.raises(ImportRejected) as rejected:
        await _import(container, tenant, DATA / name, skip=False)
    assert {(str(p.loc[0]), int(p.loc[1])) for p in rejected.value.problems} == EXPECTED[name]
    assert rejected.value.report.written is False


async def test_the_roster_stands_in_for_an_absent_file_but_not_for_a_bulk_one(
    container: Container, tenant: Tenant
) -> None:
    await container.use_cases.roster.put_records(
        tenant.id,
        [
            Org(id="org-sch-222-3456", name="School 3456", type=OrgType.SCHOOL),
            Course(id="crs-222-2023-456-12345", title="Physics", org_id="org-sch-222-3456"),
        ],
    )
    report = await _import(container, tenant, DATA / "csv-1.1/catalyst-moodle-full", skip=True)
    problems = {(p.loc, p.msg) for p in report.problems}
    # courses.csv is absent: the stored course stands; orgs.csv is bulk: the stored parent org
    # is retired by it, so the department under it still points to nothing.
    assert (
        ("orgs.csv", 2, "parentSourcedId"),
        "parentSourcedId 'org-sch-222-3456' is retired: the bulk orgs.csv does not list it",
    ) in problems
    class_columns = {loc[2] for loc, _ in problems if loc[:2] == ("classes.csv", 2)}
    assert class_columns == {"schoolSourcedId", "termSourcedIds"}  # no longer courseSourcedId
