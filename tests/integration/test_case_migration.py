"""Migration 0005 gives frameworks that existed before it their CASE identifiers and the
isChildOf of every competency, as the repository writes them on a save."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from app.adapters.db import migrate
from app.bootstrap import build
from app.domain.case.export import stored_associations
from app.domain.case.identifiers import derived
from tests.conftest import test_settings

ROWS = """
INSERT INTO tenants (id, slug, name, created_at) VALUES (1, 'old', 'Old', '2026-01-01');
INSERT INTO frameworks (tenant_id, id, title, status, scale, calculation, min_evidence,
    include_formative, revision, created_at, updated_at)
    VALUES (1, 'fw-old', 'Old', 'active', '{"levels": [{"value": 1, "label": "A"},
    {"value": 2, "label": "B"}], "mastery_threshold": 2}', '{}', 1, false, 'r1',
    '2026-01-01', '2026-01-01');
INSERT INTO competencies (tenant_id, id, framework_id, code, statement, position, rollup,
    status, updated_at) VALUES
    (1, 'd', 'fw-old', 'D', 'Domain', 0, '{"rule": "all"}', 'active', '2026-01-01'),
    (1, 's2', 'fw-old', 'S.2', 'Second', 1, '{"rule": "all"}', 'active', '2026-01-01'),
    (1, 's1', 'fw-old', 'S.1', 'First', 0, '{"rule": "all"}', 'active', '2026-01-01');
UPDATE competencies SET parent_id = 'd' WHERE id IN ('s1', 's2');
"""


async def test_existing_frameworks_get_their_case_identifiers_and_tree(
    empty_database: str,
) -> None:
    await migrate.upgrade(empty_database, "0003_mastery")
    engine = create_async_engine(empty_database)
    try:
        async with engine.begin() as conn:
            for statement in ROWS.split(";"):
                if statement.strip():
                    await conn.execute(sa.text(statement))
    finally:
        await engine.dispose()
    await migrate.upgrade(empty_database)
    container = build(test_settings(empty_database))
    try:
        async with container.adapters.uow(1) as uow:  # type: ignore[arg-type]
            framework = (await uow.frameworks.get_many(["fw-old"]))["fw-old"]
            assert (
                await uow.case.framework_for_document(derived("CFDocument", "fw-old")) == "fw-old"
            )
            owners = await uow.case.competency_owners([derived("CFItem", "s1")])
            assert owners == {derived("CFItem", "s1"): ("fw-old", "s1")}
        stored = [(a.identifier, a.sequence_number) for a in framework.associations]
        expected = [(a.identifier, a.sequence_number) for a in stored_associations(framework)]
        assert sorted(stored) == sorted(expected)
        assert len(stored) == 3
    finally:
        await container.close()
    await migrate.downgrade(empty_database, "0003_mastery")  # with rows in the tables
    engine = create_async_engine(empty_database)
    try:
        async with engine.connect() as conn:
            count = await conn.execute(sa.text("SELECT count(*) FROM competencies"))
            assert count.scalar() == 3
    finally:
        await engine.dispose()
