"""SQL lookups by CASE identifier: which framework a CFDocument, CFItem or CFAssociation
identifier belongs to (the CASE provider endpoints and the importer ask)."""

from __future__ import annotations

from collections.abc import Collection

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.case_tables import CaseAssociationRow
from app.adapters.db.lookups import Link, LookupsCache, SeenRevision
from app.adapters.db.mastery_rows import framework_from_rows
from app.adapters.db.mastery_tables import CompetencyRow, FrameworkRow
from app.adapters.db.tables import table_of
from app.domain.access import TenantId
from app.domain.crosswalk import EXACT_MATCH
from app.domain.frameworks import Framework

_frameworks = table_of(FrameworkRow)
_competencies = table_of(CompetencyRow)
_associations = table_of(CaseAssociationRow)
_CHUNK = 5000
# The exact matches naming any of some identifiers: one indexed lookup per end (not one OR),
# both in one statement, built once. Every batch of results asks, a single result's included,
# and building the statement took longer than running it (decision 0072).
_EXACT_MATCHES = sa.union_all(
    *(
        sa.select(_associations.c.origin_identifier, _associations.c.destination_identifier).where(
            _associations.c.tenant_id == sa.bindparam("tenant"),
            end.in_(sa.bindparam("identifiers", expanding=True)),
            _associations.c.association_type == EXACT_MATCH,
        )
        for end in (_associations.c.origin_identifier, _associations.c.destination_identifier)
    )
)


class SqlCaseCatalog:
    def __init__(
        self, session: AsyncSession, tenant: TenantId, lookups: LookupsCache, seen: SeenRevision
    ) -> None:
        self._session = session
        self._tenant = tenant
        self._lookups = lookups
        self._seen = seen

    async def framework_for_document(self, identifier: str) -> str | None:
        f = _frameworks.c
        stmt = sa.select(f.id, f.case_identifier).where(
            f.tenant_id == self._tenant, sa.or_(f.case_identifier == identifier, f.id == identifier)
        )
        # The CASE identifier wins over an id that happens to be equal to it.
        rows = sorted(
            (await self._session.execute(stmt)).all(),
            key=lambda r: r.case_identifier != identifier,
        )
        return rows[0].id if rows else None

    async def competency_owners(self, identifiers: Collection[str]) -> dict[str, tuple[str, str]]:
        wanted = list(dict.fromkeys(identifiers))
        c = _competencies.c
        found: dict[str, tuple[str, str]] = {}
        # By id, then by CASE identifier, which wins: two indexed lookups, not one OR.
        for column, key in ((c.id, "id"), (c.case_identifier, "case_identifier")):
            for start in range(0, len(wanted), _CHUNK):
                stmt = sa.select(c.id, c.case_identifier, c.framework_id).where(
                    c.tenant_id == self._tenant, column.in_(wanted[start : start + _CHUNK])
                )
                for row in (await self._session.execute(stmt)).all():
                    found[getattr(row, key)] = (row.framework_id, row.id)
        return found

    async def exact_match_links(self, identifiers: Collection[str]) -> list[Link]:
        wanted = list(dict.fromkeys(identifiers))
        revision = self._seen.value
        if revision is None:
            return sorted(await self._stored_links(wanted))
        # From memory while the tenant's lookups revision is the one this unit of work read.
        found, missing = self._lookups.known_links(self._tenant, revision, wanted)
        if missing:
            stored = await self._stored_links(missing)
            self._lookups.keep_links(self._tenant, revision, missing, stored)
            found |= stored
        return sorted(found)

    async def _stored_links(self, wanted: list[str]) -> set[Link]:
        found: set[Link] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = {"tenant": self._tenant, "identifiers": wanted[start : start + _CHUNK]}
            found.update((r[0], r[1]) for r in await self._session.execute(_EXACT_MATCHES, chunk))
        return found

    async def frameworks_with_association(self, identifier: str) -> list[str]:
        a = _associations.c
        stmt = (
            sa.select(a.framework_id)
            .where(a.tenant_id == self._tenant, a.identifier == identifier)
            .distinct()
            .order_by(a.framework_id)
        )
        return list((await self._session.execute(stmt)).scalars())

    async def frameworks_linking(self, identifier: str) -> list[str]:
        a = _associations.c
        ends = sa.or_(a.origin_identifier == identifier, a.destination_identifier == identifier)
        stmt = (
            sa.select(a.framework_id)
            .where(a.tenant_id == self._tenant, ends)
            .distinct()
            .order_by(a.framework_id)
        )
        return list((await self._session.execute(stmt)).scalars())

    async def headers(self) -> list[Framework]:
        stmt = (
            sa.select(_frameworks)
            .where(_frameworks.c.tenant_id == self._tenant)
            .order_by(_frameworks.c.id)
        )
        rows = (await self._session.execute(stmt)).mappings().all()
        return [framework_from_rows(r, []) for r in rows]

    async def kinds(self) -> dict[str, set[str]]:
        c = _competencies.c
        stmt = (
            sa.select(c.framework_id, c.kind)
            .where(c.tenant_id == self._tenant, c.kind.is_not(None))
            .distinct()
        )
        out: dict[str, set[str]] = {}
        for framework_id, kind in (await self._session.execute(stmt)).all():
            out.setdefault(framework_id, set()).add(kind)
        return out
