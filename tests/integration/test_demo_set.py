"""The demo district ships as a OneRoster 1.2 CSV set and loads through the importer."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

from app.adapters.oneroster.csv_writer import write_set
from app.bootstrap import Container
from app.domain.roster import RecordStatus, RosterRecord, User, UserRole
from app.use_cases.case_import import operator
from app.use_cases.demo import DEMO_SET, demo_roster
from app.use_cases.demo_framework import DEMO_PACKAGE


def test_the_committed_demo_set_is_what_the_generator_writes(tmp_path: Path) -> None:
    written = write_set(demo_roster(), tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in DEMO_SET.glob("*.csv"))
    for path in written:
        assert path.read_bytes() == (DEMO_SET / path.name).read_bytes(), (
            f"{path.name} is stale: run `mastery demo write-oneroster` and commit it"
        )


def _comparable(record: RosterRecord) -> RosterRecord:
    return replace(record, updated_at=None, status=RecordStatus.ACTIVE)


async def test_loading_the_demo_imports_every_generated_record(container: Container) -> None:
    tenant = await container.use_cases.demo.load_demo_district(f"demo-{uuid.uuid4().hex[:8]}")
    expected = demo_roster()
    async with container.adapters.uow(tenant.id) as uow:
        stored = []
        for record in expected:
            found = await uow.roster(record.kind).get(record.id)
            assert found is not None, f"{record.kind} {record.id} was not imported"
            stored.append(_comparable(found))
    assert stored == [_comparable(r) for r in expected]
    students = [r for r in expected if isinstance(r, User) and r.role == UserRole.STUDENT]
    assert len(students) == 150


async def test_the_demo_carries_seeded_results_and_loading_again_changes_nothing(
    container: Container,
) -> None:
    package = json.loads(DEMO_PACKAGE.read_bytes())
    parents = {
        a["destinationNodeURI"]["identifier"]
        for a in package["CFAssociations"]
        if a["associationType"] == "isChildOf"
    }
    leaves_per_grade = {
        grade: sum(
            1
            for i in package["CFItems"]
            if i["identifier"] not in parents and i["humanCodingScheme"].startswith(f"{grade}.")
        )
        for grade in range(3, 9)
    }
    # 25 students a grade, three rounds on each grade-level standard.
    expected = sum(3 * 25 * n for n in leaves_per_grade.values())
    slug = f"demo-{uuid.uuid4().hex[:8]}"
    tenant = await container.use_cases.demo.load_demo_district(slug)

    async def every_result() -> list[tuple[str, float]]:
        found, after = [], None
        while True:
            page = await container.use_cases.evidence.list_evidence(
                operator(tenant),
                student_id=None,
                competency_id=None,
                since=None,
                after=after,
                limit=500,
            )
            found += [(e.id, e.score) for e in page.items]
            if page.last_key is None:
                return found
            after = page.last_key

    first = await every_result()
    assert len(first) == expected
    await container.use_cases.demo.load_demo_district(slug)
    assert await every_result() == first
