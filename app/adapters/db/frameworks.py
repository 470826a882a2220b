"""SQL repository of frameworks and their competencies, with a per-process cache of parsed
frameworks: the hot path (every evidence batch) checks a revision number, not 10,000 rows."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.case_rows import association_from_row, association_values
from app.adapters.db.case_tables import CaseAssociationRow
from app.adapters.db.errors import translated
from app.adapters.db.lookups import REVISION, LookupsCache, SeenRevision, change_revision
from app.adapters.db.mastery_rows import competency_values, framework_from_rows, framework_values
from app.adapters.db.mastery_tables import CompetencyRow, FrameworkRow
from app.adapters.db.native import Insert, bulk_insert, is_postgres
from app.adapters.db.tables import table_of
from app.adapters.db.upsert import chunks, upsert
from app.domain.access import TenantId
from app.domain.associations import Association
from app.domain.case.export import stored_associations
from app.domain.errors import Conflict, Problem
from app.domain.frameworks import Framework
from app.ports.paging import Page

_frameworks = table_of(FrameworkRow)
_competencies = table_of(CompetencyRow)
_associations = table_of(CaseAssociationRow)
# The frameworks of some competencies, with their revisions: every batch of results asks, a
# single result's included, so the statement is built once (decision 0072).
_OWNERS = (
    sa.select(_competencies.c.id, _frameworks.c.id, _frameworks.c.revision, REVISION)
    .join(
        _frameworks,
        (_frameworks.c.tenant_id == _competencies.c.tenant_id)
        & (_frameworks.c.id == _competencies.c.framework_id),
    )
    .where(
        _competencies.c.tenant_id == sa.bindparam("tenant"),
        _competencies.c.id.in_(sa.bindparam("ids", expanding=True)),
    )
)


# A row of the owners query: competency id, framework id, framework revision, tenant's lookups
# revision.
Owner = tuple[str, str, str, str]


@dataclass
class FrameworkCache:
    """Parsed frameworks by (tenant, id), valid while their stored revision is unchanged."""

    entries: dict[tuple[int, str], tuple[str, Framework]] = field(default_factory=dict)
    # The crosswalk's exact matches and the reassessment windows, by the tenant's revision.
    lookups: LookupsCache = field(default_factory=LookupsCache)


class SqlFrameworkRepository:
    def __init__(
        self, session: AsyncSession, tenant: TenantId, cache: FrameworkCache, seen: SeenRevision
    ) -> None:
        self._session = session
        self._tenant = tenant
        self._cache = cache
        self._seen = seen

    async def get_many(self, framework_ids: Collection[str]) -> dict[str, Framework]:
        ids = list(dict.fromkeys(framework_ids))
        if not ids:
            return {}
        stmt = sa.select(_frameworks.c.id, _frameworks.c.revision).where(
            _frameworks.c.tenant_id == self._tenant, _frameworks.c.id.in_(ids)
        )
        return await self._cached(dict((await self._session.execute(stmt)).all()))

    async def of_competencies(
        self, competency_ids: Collection[str]
    ) -> tuple[dict[str, str], dict[str, Framework]]:
        # One query for the owners, their revisions and the tenant's lookups revision: every
        # evidence batch asks this (on PostgreSQL, in app.adapters.db.batch_opening's).
        owners: list[Owner] = []
        unique = list(dict.fromkeys(competency_ids))
        for start in range(0, len(unique), 5000):
            chunk = {"tenant": self._tenant, "ids": unique[start : start + 5000]}
            owners.extend(tuple(row) for row in await self._session.execute(_OWNERS, chunk))
        return await self.of_owners(owners)

    async def of_owners(self, owners: list[Owner]) -> tuple[dict[str, str], dict[str, Framework]]:
        """`of_competencies` from the owners query's rows."""
        framework_of: dict[str, str] = {}
        revisions: dict[str, str] = {}
        for cid, fid, revision, lookups in owners:
            framework_of[cid] = fid
            revisions[fid] = revision
            self._seen.value = lookups
        return framework_of, await self._cached(revisions)

    async def _cached(self, revisions: dict[str, str]) -> dict[str, Framework]:
        """The frameworks at these revisions, parsed ones from the cache, others loaded."""
        found: dict[str, Framework] = {}
        stale: list[str] = []
        for fid, revision in revisions.items():
            cached = self._cache.entries.get((self._tenant, fid))
            if cached and cached[0] == revision:
                found[fid] = cached[1]
            else:
                stale.append(fid)
        if stale:
            for fid, (revision, framework) in (await self._load(stale)).items():
                self._cache.entries[(self._tenant, fid)] = (revision, framework)
                found[fid] = framework
        return found

    async def _load(self, ids: list[str]) -> dict[str, tuple[str, Framework]]:
        rows = (
            (
                await self._session.execute(
                    sa.select(_frameworks).where(
                        _frameworks.c.tenant_id == self._tenant, _frameworks.c.id.in_(ids)
                    )
                )
            )
            .mappings()
            .all()
        )
        competencies = (
            (
                await self._session.execute(
                    sa.select(_competencies)
                    .where(
                        _competencies.c.tenant_id == self._tenant,
                        _competencies.c.framework_id.in_(ids),
                    )
                    .order_by(_competencies.c.framework_id, _competencies.c.position)
                )
            )
            .mappings()
            .all()
        )
        by_framework: dict[str, list[sa.RowMapping]] = {fid: [] for fid in ids}
        for c in competencies:
            by_framework[c["framework_id"]].append(c)
        links = await self._associations(ids)
        return {
            r["id"]: (
                r["revision"],
                framework_from_rows(r, by_framework[r["id"]], links.get(r["id"], ())),
            )
            for r in rows
        }

    async def _associations(self, ids: list[str]) -> dict[str, list[Association]]:
        stmt = (
            sa.select(_associations)
            .where(_associations.c.tenant_id == self._tenant, _associations.c.framework_id.in_(ids))
            .order_by(_associations.c.framework_id, _associations.c.position)
        )
        out: dict[str, list[Association]] = {}
        for row in (await self._session.execute(stmt)).mappings():
            out.setdefault(row["framework_id"], []).append(association_from_row(row))
        return out

    async def add(self, framework: Framework, at: datetime) -> None:
        taken = await self._taken([c.id for c in framework.competencies])
        exists = Conflict(
            f"A framework {framework.id!r} exists already", [Problem(("id",), "taken")]
        )
        if taken:
            raise Conflict(
                "Competency ids are unique in a district; these are taken",
                [Problem(("competencies",), f"id {cid!r} is taken") for cid in sorted(taken)],
            )
        async with translated({"pk_frameworks": exists}):
            await self._session.execute(
                sa.insert(_frameworks).values(
                    {
                        **framework_values(framework, self._tenant, at),
                        "created_at": at,
                        "revision": uuid.uuid4().hex,
                    }
                )
            )
        await self._write_competencies(framework, at)

    async def save(self, framework: Framework, at: datetime) -> None:
        mine = [c.id for c in framework.competencies]
        elsewhere = await self._taken(mine, other_than=framework.id)
        if elsewhere:
            raise Conflict(
                "Competency ids are unique in a district; these belong to another framework",
                [Problem(("competencies",), f"id {cid!r} is taken") for cid in sorted(elsewhere)],
            )
        values = framework_values(framework, self._tenant, at)
        await self._session.execute(
            sa.update(_frameworks)
            .where(_frameworks.c.tenant_id == self._tenant, _frameworks.c.id == framework.id)
            .values(**values, revision=uuid.uuid4().hex)
        )
        await self._write_competencies(framework, at)

    async def _write_competencies(self, framework: Framework, at: datetime) -> None:
        rows = [
            competency_values(c, framework.id, self._tenant, at) for c in framework.competencies
        ]
        await upsert(self._session, _competencies, rows, key=("tenant_id", "id"))
        await self._write_associations(framework)

    async def _write_associations(self, framework: Framework) -> None:
        """Replace the framework's associations with those the domain keeps for it, and mark
        the tenant's lookups as changed (the crosswalk's exact matches are read from them)."""
        await change_revision(self._session, self._tenant, self._seen)
        await self._session.execute(
            sa.delete(_associations).where(
                _associations.c.tenant_id == self._tenant,
                _associations.c.framework_id == framework.id,
            )
        )
        seen: set[str] = set()
        rows: list[dict[str, Any]] = []
        for a in stored_associations(framework):
            if a.identifier not in seen:  # an identifier is stored once per framework
                seen.add(a.identifier)
                rows.append(association_values(a, framework.id, len(rows), self._tenant))
        if is_postgres(self._session):
            # unnest, not COPY: PostgreSQL refuses COPY FROM into a table under row-level
            # security.
            await bulk_insert(self._session, Insert(_associations, rows))
        elif rows:
            await self._session.execute(sa.insert(_associations), rows)

    async def _taken(self, ids: list[str], other_than: str | None = None) -> set[str]:
        taken: set[str] = set()
        for chunk in chunks([{"id": i} for i in ids]):
            stmt = sa.select(_competencies.c.id).where(
                _competencies.c.tenant_id == self._tenant,
                _competencies.c.id.in_([r["id"] for r in chunk]),
            )
            if other_than is not None:
                stmt = stmt.where(_competencies.c.framework_id != other_than)
            taken.update((await self._session.execute(stmt)).scalars())
        return taken

    async def list(self, after: str | None, limit: int) -> Page[Framework]:
        stmt = sa.select(_frameworks.c.id).where(_frameworks.c.tenant_id == self._tenant)
        if after is not None:
            stmt = stmt.where(_frameworks.c.id > after)
        ids = list(
            (
                await self._session.execute(stmt.order_by(_frameworks.c.id).limit(limit + 1))
            ).scalars()
        )
        frameworks = await self.get_many(ids[:limit])
        items = [frameworks[i] for i in ids[:limit]]
        return Page(items, items[-1].id if len(ids) > limit and items else None)

    async def count(self) -> int:
        stmt = sa.select(sa.func.count()).where(_frameworks.c.tenant_id == self._tenant)
        return int((await self._session.execute(stmt)).scalar_one())

    async def grade_rules(self, framework_id: str) -> tuple[str, datetime] | None:
        stmt = sa.select(_frameworks.c.grade_rules, _frameworks.c.grade_rules_updated_at).where(
            _frameworks.c.tenant_id == self._tenant, _frameworks.c.id == framework_id
        )
        row = (await self._session.execute(stmt)).first()
        if row is None or row[0] is None:
            return None
        return row[0], row[1]

    async def put_grade_rules(self, framework_id: str, text: str | None, at: datetime) -> None:
        await self._session.execute(
            sa.update(_frameworks)
            .where(_frameworks.c.tenant_id == self._tenant, _frameworks.c.id == framework_id)
            .values(grade_rules=text, grade_rules_updated_at=None if text is None else at)
        )
