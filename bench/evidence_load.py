"""Results and decision history for a district built by bench.district, written inside
PostgreSQL (INSERT … SELECT over the stored decisions and generate_series: no client sends a
row, which is the bulk loader's own limit): `per_decision` results for every decision of the
framework (formative ones where the decision has no evidence, so its status stays true) and two
history entries for every decision that has evidence.

Secondary indexes and unique constraints are dropped before and rebuilt after, as a bulk load
does; the caller ANALYZEs (bench.district.finish)."""

from __future__ import annotations

import time

import asyncpg
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import AddConstraint, CreateIndex

from app.adapters.db import tables as t
from app.adapters.db.mastery_tables import DecisionChangeRow, EvidenceRow
from app.adapters.db.schema import metadata
from bench.common import asyncpg_dsn
from bench.district import NOW

# Results arrive over the 100 days before NOW, the decision's last one latest.
_DAYS = 100


def _secondary(table: str) -> list[tuple[str, str]]:
    """(name, CREATE statement) of a table's unique constraints and indexes, from the models:
    the load drops them and builds them again after, as they are defined."""
    found = metadata.tables[table]
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    made: list[tuple[str, str]] = []
    for index in found.indexes:
        made.append(
            (f"DROP INDEX IF EXISTS {index.name}", str(CreateIndex(index).compile(dialect=dialect)))
        )
    for constraint in found.constraints:
        if isinstance(constraint, sa.UniqueConstraint):
            made.append(
                (
                    f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {constraint.name}",
                    str(AddConstraint(constraint).compile(dialect=dialect)),
                )
            )
    return made


async def load(url: str, tenant: int, framework_id: str, per_decision: int) -> dict[str, int]:
    """Write the results and history of one tenant's framework; the rows written per table."""
    evidence, history = t.table_of(EvidenceRow).name, DecisionChangeRow.__tablename__
    ddl = _secondary(evidence) + _secondary(history)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.execute("SET maintenance_work_mem = '1GB'")
        for drop, _ in ddl:
            await conn.execute(drop)
        started = time.perf_counter()
        results = await conn.execute(
            f"""INSERT INTO {evidence} (tenant_id, id, student_id, competency_id, framework_id,
                score, max_score, observed_at, source, source_id, kind, received_at,
                updated_at, version)
            SELECT d.tenant_id, md5(d.student_id || d.competency_id || g),
                d.student_id, d.competency_id, d.framework_id,
                coalesce(d.score, 1.0) - (g < $3)::int * 0.5, 4.0,
                $4::timestamptz - make_interval(days => ($3 - g) * ($5 / $3)),
                'bench', md5(d.student_id || d.competency_id || g),
                CASE WHEN d.status = 'no_evidence' THEN 'formative' ELSE 'summative' END,
                $4::timestamptz, $4::timestamptz, 1
            FROM decisions d CROSS JOIN generate_series(1, $3) AS g
            WHERE d.tenant_id = $1 AND d.framework_id = $2""",
            tenant,
            framework_id,
            per_decision,
            NOW,
            _DAYS,
        )
        print(f"    results in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        # First a decision was insufficient, then it took the status it has now: the day of its
        # change varies by student and competency, so monthly trends move. Past the trend
        # counts' capture trigger, as the decisions were loaded past the summary's: the
        # tenant's counts are marked to be built from its history (docs/decisions/0061).
        await conn.execute("SET session_replication_role = replica")
        entries = await conn.execute(
            f"""INSERT INTO {history} (tenant_id, student_id, competency_id, framework_id,
                changed_at, cause, status, score, level_value, computed_status,
                computed_score, overridden, valid_from)
            SELECT d.tenant_id, d.student_id, d.competency_id, d.framework_id, e.at, 'evidence',
                e.status, e.score, e.score, e.status, e.score, false, e.at
            FROM decisions d
            CROSS JOIN LATERAL (VALUES
                (1, $3::timestamptz - make_interval(days => $4), 'insufficient_evidence',
                 NULL::float8),
                (2, $3::timestamptz - make_interval(days => abs(hashtext(d.student_id
                    || d.competency_id)) % ($4 - 1)), d.status, d.score)
            ) AS e(n, at, status, score)
            WHERE d.tenant_id = $1 AND d.framework_id = $2 AND d.status <> 'no_evidence'
            ORDER BY d.student_id, d.competency_id, e.n""",
            tenant,
            framework_id,
            NOW,
            _DAYS,
        )
        await conn.execute("RESET session_replication_role")
        print(f"    history in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        for _, create in ddl:
            await conn.execute(create)
        print(f"    their indexes in {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        await conn.close()
    return {"evidence": int(results.split()[-1]), "decision_history": int(entries.split()[-1])}
