"""SQL repository of evidence. Writes and lookups of a batch are one statement each; on
PostgreSQL they pass columns as arrays through `unnest` (see native.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.changes import append_changes
from app.adapters.db.errors import translated
from app.adapters.db.mastery_rows import evidence_from_row
from app.adapters.db.mastery_tables import EvidenceRow, EvidenceVersionRow
from app.adapters.db.native import asyncpg_connection, is_postgres
from app.adapters.db.plans import UNSEEN_TENANT
from app.adapters.db.tables import table_of
from app.domain.access import TenantId
from app.domain.changes import ChangeType, evidence_changed, evidence_replaced
from app.domain.errors import Conflict, Problem
from app.domain.evidence import Evidence
from app.ports.evidence import EvidenceKey
from app.ports.mastery import StudentCompetency
from app.ports.paging import Page

_evidence = table_of(EvidenceRow)
_versions = table_of(EvidenceVersionRow)
_E_COLUMNS = ", ".join("e." + c.name for c in _evidence.columns)
# Keyed lookups are one index probe per key whatever the planner's statistics say: a LATERAL
# subquery with LIMIT/OFFSET is not flattened into a join, so it stays a nested loop over the
# keys. As a plain join of unnest() with evidence, a table never ANALYZEd (autovacuum off, or
# not yet run after a load) was hash-joined whole: 300 ms per batch at 300,000 rows, growing.
# Before the table's first ANALYZE, the planner estimated one row for each key's probe of
# the competency index as for the unique key's, and took the competency index: a thousand rows
# read per key (190 ms a batch at 50,000 results, 0072). The competency, compared as an
# expression no index holds, keeps the competency's index from serving the key; the tenant,
# unseen by the planner (UNSEEN_TENANT), keeps any index's range of the whole district from
# looking as good as the key's own (0081).
_FIND_BY_KEYS = (
    f"SELECT {_E_COLUMNS} FROM unnest($2::text[], $3::text[], $4::text[]) AS k(s, i, c) "
    f"CROSS JOIN LATERAL (SELECT * FROM evidence WHERE tenant_id = {UNSEEN_TENANT} "
    "AND source = k.s AND source_id = k.i AND competency_id || '' = k.c LIMIT 1) AS e"
)
# New results and their change-feed events in one statement, from two JSON documents: the
# results read as evidence rows (the columns a document row leaves out are NULL), the events as
# (student, data) pairs.
_ADD_MANY = (
    "WITH announced AS (INSERT INTO change_events (tenant_id, type, occurred_at, student_id, "
    "data) SELECT $1::int, 'evidence.added', $2::timestamptz, e.s, e.d FROM "
    "json_to_recordset($4::json) "
    "AS e(s text, d jsonb)) "
    "INSERT INTO evidence (tenant_id, id, student_id, competency_id, framework_id, score, "
    "max_score, observed_at, source, source_id, kind, comment, category, weight, mark, "
    "received_at, updated_at, version) "
    "SELECT $1, u.id, u.student_id, u.competency_id, u.framework_id, u.score, u.max_score, "
    "u.observed_at, u.source, u.source_id, u.kind, u.comment, u.category, u.weight, u.mark, "
    "$2, $2, 1 FROM json_populate_recordset(NULL::evidence, $3::json) AS u RETURNING id, seq"
)
_HISTORY_OF_PAIRS = (
    f"SELECT {_E_COLUMNS} FROM unnest($2::text[], $3::text[]) AS k(s, c) "
    f"CROSS JOIN LATERAL (SELECT * FROM evidence WHERE tenant_id = {UNSEEN_TENANT} "
    "AND student_id = k.s AND competency_id = k.c OFFSET 0) AS e"
)

# Many students' results of some competencies: one index range per student, as decisions.py
# reads their decisions (IN lists of both were estimated as a large part of the table).
_OF_STUDENTS = (
    f"SELECT {_E_COLUMNS} FROM unnest($2::text[]) AS k(s) CROSS JOIN LATERAL (SELECT * FROM "
    f"evidence WHERE tenant_id = {UNSEEN_TENANT} AND student_id = k.s "
    "AND competency_id = ANY($3::text[]) "
    "OFFSET 0) AS e"
)


# A result's source, source_id and competency name it once: two batches that both found it
# new (for different students, so neither waited for the other's lock) cannot both store it.
_ONE_KEY = "uq_evidence_tenant_id_source_source_id_competency_id"
# Likewise two batches updating one stored result for different students each write its
# next version.
_ONE_VERSION = "pk_evidence_versions"


def _claimed_concurrently() -> Conflict:
    return Conflict(
        "Another request stored or changed a result with the same source, source_id and "
        "competency at the same time; nothing of this batch was written. Send it again to "
        "update that result.",
        [Problem(("items",), "source_id stored concurrently by another request")],
    )


class SqlEvidenceRepository:
    def __init__(self, session: AsyncSession, tenant: TenantId) -> None:
        self._session = session
        self._tenant = tenant

    def _mine(self) -> sa.ColumnElement[bool]:
        return _evidence.c.tenant_id == self._tenant

    async def find(self, keys: Collection[EvidenceKey]) -> dict[EvidenceKey, Evidence]:
        if not keys:
            return {}
        if is_postgres(self._session):
            sources, source_ids, competencies = (list(c) for c in zip(*keys, strict=True))
            conn = await asyncpg_connection(self._session)
            rows = await conn.fetch(
                _FIND_BY_KEYS,
                self._tenant,
                sources,
                source_ids,
                competencies,
            )
        else:
            rows = []
            key = sa.tuple_(_evidence.c.source, _evidence.c.source_id, _evidence.c.competency_id)
            for chunk in _slices(list(keys), 300):
                stmt = sa.select(_evidence).where(self._mine(), key.in_(chunk))
                rows += (await self._session.execute(stmt)).mappings().all()
        found = [evidence_from_row(r) for r in rows]
        return {(e.source, e.source_id, e.competency_id): e for e in found}

    async def add_many(
        self, items: Sequence[Evidence], framework_of: Mapping[str, str], at: datetime
    ) -> list[Evidence]:
        if not items:
            return []
        added = [
            evidence_changed(ChangeType.EVIDENCE_ADDED, e, framework_of[e.competency_id], at)
            for e in items
        ]
        async with translated({_ONE_KEY: _claimed_concurrently()}):
            if is_postgres(self._session):
                conn = await asyncpg_connection(self._session)
                # The results and their events as two JSON documents, not an array per column
                # (asyncpg encodes arrays element by element: native.bulk_insert, 0072). The
                # change feed's events ride in the same statement (a data-modifying CTE).
                rows = await conn.fetch(
                    _ADD_MANY,
                    self._tenant,
                    at,
                    orjson.dumps(
                        [_content(e, framework_of[e.competency_id]) for e in items]
                    ).decode(),
                    orjson.dumps(
                        [
                            {"s": e.student_id, "d": dict(event.data)}
                            for e, event in zip(items, added, strict=True)
                        ]
                    ).decode(),
                )
                seq_of = {r["id"]: r["seq"] for r in rows}
            else:
                values = [self._values(e, framework_of[e.competency_id], at) for e in items]
                # Compiled once and sent in batches (insertmanyvalues), not a VALUES list
                # compiled again for every batch of results.
                stmt = sa.insert(_evidence).returning(_evidence.c.id, _evidence.c.seq)
                seq_of = {r.id: r.seq for r in await self._session.execute(stmt, values)}
                await append_changes(self._session, self._tenant, added)
        return [e.numbered(seq_of[e.id]) for e in items]

    def _values(self, e: Evidence, framework_id: str, at: datetime) -> dict[str, Any]:
        return {
            "tenant_id": self._tenant,
            **_content(e, framework_id),
            "voided_at": e.voided_at,
            "received_at": at,
            "updated_at": at,
            "version": 1,
        }

    async def replace_many(
        self, items: Sequence[Evidence], previous: Sequence[Evidence], at: datetime
    ) -> None:
        if not items:
            return
        ids = [e.id for e in previous]
        versions = dict(
            (
                await self._session.execute(
                    sa.select(_evidence.c.id, _evidence.c.version).where(
                        self._mine(), _evidence.c.id.in_(ids)
                    )
                )
            ).all()
        )
        async with translated({_ONE_VERSION: _claimed_concurrently()}):
            await self._session.execute(
                sa.insert(_versions),
                [
                    {
                        "tenant_id": self._tenant,
                        "evidence_id": old.id,
                        "version": versions[old.id],
                        "score": old.score,
                        "max_score": old.max_score,
                        "observed_at": old.observed_at,
                        "kind": old.kind.value,
                        "comment": old.comment,
                        "voided_at": old.voided_at,
                        **_grading(old),
                        "replaced_at": at,
                    }
                    for old in previous
                ],
            )
        await append_changes(self._session, self._tenant, evidence_replaced(items, previous, at))
        for e in items:
            await self._session.execute(
                sa.update(_evidence)
                .where(self._mine(), _evidence.c.id == e.id)
                .values(
                    student_id=e.student_id,
                    score=e.score,
                    max_score=e.max_score,
                    observed_at=e.observed_at,
                    kind=e.kind.value,
                    comment=e.comment,
                    voided_at=e.voided_at,
                    **_grading(e),
                    updated_at=at,
                    version=_evidence.c.version + 1,
                )
            )

    async def get(self, evidence_id: str) -> Evidence | None:
        stmt = sa.select(_evidence).where(self._mine(), _evidence.c.id == evidence_id)
        row = (await self._session.execute(stmt)).mappings().first()
        return evidence_from_row(row) if row else None

    async def from_sources(self, source: str, source_ids: Collection[str]) -> list[Evidence]:
        found: list[Evidence] = []
        # The unique key (tenant_id, source, source_id, competency_id) serves this prefix.
        for chunk in _slices(list(dict.fromkeys(source_ids)), 1000):
            stmt = sa.select(_evidence).where(
                self._mine(), _evidence.c.source == source, _evidence.c.source_id.in_(chunk)
            )
            found += [evidence_from_row(r) for r in (await self._session.execute(stmt)).mappings()]
        return found

    async def history(
        self, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, list[Evidence]]:
        found: dict[StudentCompetency, list[Evidence]] = defaultdict(list)
        if not pairs:
            return found
        if is_postgres(self._session):
            students, competencies = (list(c) for c in zip(*pairs, strict=True))
            conn = await asyncpg_connection(self._session)
            rows = await conn.fetch(
                _HISTORY_OF_PAIRS,
                self._tenant,
                students,
                competencies,
            )
        else:
            rows = []
            key = sa.tuple_(_evidence.c.student_id, _evidence.c.competency_id)
            for chunk in _slices(list(pairs), 400):
                stmt = sa.select(_evidence).where(self._mine(), key.in_(chunk))
                rows += (await self._session.execute(stmt)).mappings().all()
        for row in rows:
            found[(row["student_id"], row["competency_id"])].append(evidence_from_row(row))
        return found

    async def for_students(
        self, student_ids: Collection[str], competency_ids: Collection[str]
    ) -> dict[str, list[Evidence]]:
        found: dict[str, list[Evidence]] = defaultdict(list)
        competencies = list(competency_ids)
        if is_postgres(self._session):
            conn = await asyncpg_connection(self._session)
            students = list(dict.fromkeys(student_ids))
            for row in await conn.fetch(_OF_STUDENTS, self._tenant, students, competencies):
                found[row["student_id"]].append(evidence_from_row(row))
            return found
        for chunk in _slices(list(student_ids), 500):
            stmt = sa.select(_evidence).where(
                self._mine(),
                _evidence.c.student_id.in_(chunk),
                _evidence.c.competency_id.in_(competencies),
            )
            for row in (await self._session.execute(stmt)).mappings():
                found[row["student_id"]].append(evidence_from_row(row))
        return found

    async def students_with_evidence(
        self, competency_ids: Collection[str], after: str | None, limit: int
    ) -> list[str]:
        stmt = (
            sa.select(_evidence.c.student_id)
            .where(self._mine(), _evidence.c.competency_id.in_(list(competency_ids)))
            .distinct()
            .order_by(_evidence.c.student_id)
            .limit(limit)
        )
        if after is not None:
            stmt = stmt.where(_evidence.c.student_id > after)
        return list((await self._session.execute(stmt)).scalars())

    async def students_changed_since(
        self, competency_ids: Collection[str], since: datetime
    ) -> list[str]:
        stmt = (
            sa.select(_evidence.c.student_id)
            .where(
                self._mine(),
                _evidence.c.competency_id.in_(list(competency_ids)),
                _evidence.c.updated_at >= since,
            )
            .distinct()
        )
        return list((await self._session.execute(stmt)).scalars())

    async def list(
        self,
        *,
        student_id: str | None,
        competency_id: str | None,
        since: datetime | None,
        after: str | None,
        limit: int,
    ) -> Page[Evidence]:
        stmt = sa.select(_evidence).where(self._mine())
        if student_id is not None:
            stmt = stmt.where(_evidence.c.student_id == student_id)
        if competency_id is not None:
            stmt = stmt.where(_evidence.c.competency_id == competency_id)
        if since is not None:
            stmt = stmt.where(_evidence.c.updated_at >= since)
        if after is not None:
            stmt = stmt.where(_evidence.c.seq > int(after))
        rows = (
            (await self._session.execute(stmt.order_by(_evidence.c.seq).limit(limit + 1)))
            .mappings()
            .all()
        )
        items = [evidence_from_row(r) for r in rows[:limit]]
        return Page(items, str(items[-1].seq) if len(rows) > limit and items else None)


def _slices(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _grading(e: Evidence) -> dict[str, Any]:
    """The columns of a result's category, weight and mark."""
    return {"category": e.category, "weight": e.weight, "mark": e.mark.value if e.mark else None}


def _content(e: Evidence, framework_id: str) -> dict[str, Any]:
    """The columns a result's own content fills (a row of the document `_ADD_MANY` reads)."""
    return {
        "id": e.id,
        "student_id": e.student_id,
        "competency_id": e.competency_id,
        "framework_id": framework_id,
        "score": e.score,
        "max_score": e.max_score,
        "observed_at": e.observed_at,
        "source": e.source,
        "source_id": e.source_id,
        "kind": e.kind.value,
        "comment": e.comment,
        **_grading(e),
    }
