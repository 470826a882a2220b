"""Migration 0013 renames stored method names to Canvas's: what was stored as
`decaying_average` (the recursive average) reads `standard_decaying_average`, what was stored as
`legacy_decaying_average` (the latest against the mean of the rest) reads `decaying_average`,
wherever a name is kept; the downgrade gives the old names back."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from app.adapters.db import migrate
from app.adapters.db.row_security import ALL_TENANTS_SETTING
from app.bootstrap import build
from app.domain.frameworks import Calculation, CalculationMethod
from tests.conftest import test_settings

SCALE = (
    '{"levels": [{"value": 1, "label": "A"}, {"value": 4, "label": "D"}], "mastery_threshold": 3}'
)
OLD_STATE = json.dumps(
    {
        "series": {"method": "decaying_average", "count": 1, "weight": 0.5, "value": 2.0},
        "include_formative": False,
        "last_observed_at": None,
        "last_seq": None,
    }
)
ROWS = f"""
INSERT INTO tenants (id, slug, name, created_at) VALUES (1, 'old', 'Old', '2026-01-01');
INSERT INTO frameworks (tenant_id, id, title, status, scale, calculation, min_evidence,
    include_formative, case_identifier, revision, created_at, updated_at)
    VALUES (1, 'fw', 'Old', 'active', '{SCALE}',
    '{{"method": "legacy_decaying_average", "weight": 0.65, "n": null}}', 1, false, 'c-fw',
    'r1', '2026-01-01', '2026-01-01');
INSERT INTO competencies (tenant_id, id, framework_id, code, statement, position, calculation,
    rollup, status, case_identifier, updated_at) VALUES
    (1, 's1', 'fw', 'S.1', 'First', 0, '{{"method": "decaying_average", "weight": 0.5}}',
    '{{"rule": "all"}}', 'active', 'c-s1', '2026-01-01'),
    (1, 's2', 'fw', 'S.2', 'Second', 1, '{{"method": "highest"}}',
    '{{"rule": "all"}}', 'active', 'c-s2', '2026-01-01');
INSERT INTO decisions (tenant_id, student_id, competency_id, framework_id, status, score,
    computed_status, computed_score, evidence_count, method, state, updated_at) VALUES
    (1, 'st', 's1', 'fw', 'not_yet', 2.0, 'not_yet', 2.0, 1,
    '{{"name": "decaying_average", "weight": 0.5}}', '{OLD_STATE}', '2026-01-01');
INSERT INTO audit_entries (tenant_id, at, actor, kind, subject, before, after) VALUES
    (1, '2026-01-01', 'me', 'framework_changed', 'fw',
    '{{"calculation": {{"method": "decaying_average", "weight": 0.65}}}}',
    '{{"calculation": {{"method": "legacy_decaying_average", "weight": 0.65}},
      "competencies": [{{"method": {{"name": "decaying_average"}}}}]}}');
"""


async def _see_all_tenants(conn: AsyncConnection) -> None:
    # PostgreSQL forces row-level security even on the tables' owner.
    if conn.dialect.name == "postgresql":
        await conn.execute(sa.text(f"SELECT set_config('{ALL_TENANTS_SETTING}', 'on', true)"))


async def _select(url: str, sql: str) -> Any:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            await _see_all_tenants(conn)
            value = (await conn.execute(sa.text(sql))).scalar_one()
    finally:
        await engine.dispose()
    return json.loads(value) if isinstance(value, str) else value


async def _stored(url: str) -> dict[str, Any]:
    state = await _select(url, "SELECT state FROM decisions")
    return {
        "framework": (await _select(url, "SELECT calculation FROM frameworks"))["method"],
        "s1": (await _select(url, "SELECT calculation FROM competencies WHERE id = 's1'"))[
            "method"
        ],
        "s2": (await _select(url, "SELECT calculation FROM competencies WHERE id = 's2'"))[
            "method"
        ],
        "decision": (await _select(url, "SELECT method FROM decisions"))["name"],
        "state": state["series"]["method"],
        "audit_before": (await _select(url, "SELECT before FROM audit_entries"))["calculation"][
            "method"
        ],
        "audit_after": await _select(url, "SELECT after FROM audit_entries"),
    }


async def test_stored_method_names_keep_their_meaning(empty_database: str) -> None:
    await migrate.upgrade(empty_database, "0012_valid_time")
    engine = create_async_engine(empty_database)
    try:
        async with engine.begin() as conn:
            await _see_all_tenants(conn)
            for statement in ROWS.split(";"):
                if statement.strip():
                    await conn.execute(sa.text(statement))
    finally:
        await engine.dispose()

    await migrate.upgrade(empty_database, "0013_canvas_method_names")
    stored = await _stored(empty_database)
    assert stored == {
        "framework": "decaying_average",
        "s1": "standard_decaying_average",
        "s2": "highest",
        "decision": "standard_decaying_average",
        "state": "standard_decaying_average",
        "audit_before": "standard_decaying_average",
        "audit_after": {
            "calculation": {"method": "decaying_average", "weight": 0.65},
            "competencies": [{"method": {"name": "standard_decaying_average"}}],
        },
    }
    container = build(test_settings(empty_database))
    try:
        async with container.adapters.uow(1) as uow:  # type: ignore[arg-type]
            framework = (await uow.frameworks.get_many(["fw"]))["fw"]
    finally:
        await container.close()
    assert framework.calculation == Calculation(CalculationMethod.DECAYING_AVERAGE, 0.65)
    s1 = next(c for c in framework.competencies if c.id == "s1")
    assert s1.calculation == Calculation(CalculationMethod.STANDARD_DECAYING_AVERAGE, 0.5)

    await migrate.downgrade(empty_database, "0012_valid_time")
    back = await _stored(empty_database)
    assert back["framework"] == "legacy_decaying_average"
    assert back["s1"] == back["decision"] == back["state"] == "decaying_average"
    assert back["audit_after"]["competencies"] == [{"method": {"name": "decaying_average"}}]
