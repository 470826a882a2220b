"""What every batch of results looks up besides its frameworks, answered from memory while the
tenant's lookups revision is unchanged: the crosswalk's exact matches (CASE associations, which
change only when a framework is saved) and the grading terms open for reassessment.

Each lookup was a statement of its own in every request, a single result's included: about a
fifth of the CPU a single result costs (docs/decisions/0076-lookups-kept-by-revision.md). The
revision is a column of the tenant's row that every write of associations or term closes sets
to a new random token in the same transaction, and the owners query every batch makes anyway
reads it (`REVISION`), so knowing whether memory is current costs no statement. A random token,
not a counter: a transaction that wrote and rolled back may have filled memory under its own
token, which no committed state can ever carry.

Per process and per tenant, like the parsed frameworks (app.adapters.db.frameworks); a process
that has not seen a revision in its unit of work asks the database as before."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.tables import TenantRow, table_of
from app.domain.access import TenantId
from app.domain.grading_terms import TermClose

_tenants = table_of(TenantRow)

# The tenant's lookups revision, as a column of the owners query (a scalar subquery: evaluated
# once per statement).
REVISION = (
    sa.select(_tenants.c.lookups_revision)
    .where(_tenants.c.id == sa.bindparam("tenant"))
    .scalar_subquery()
)

Link = tuple[str, str]


@dataclass
class SeenRevision:
    """The lookups revision this unit of work has read (None: not read, or changed since by
    this unit of work's own writes)."""

    value: str | None = None


@dataclass
class _Links:
    revision: str
    # Every exact match with this identifier at either end (none: an empty tuple).
    of: dict[str, tuple[Link, ...]] = field(default_factory=dict)


@dataclass
class _Closes:
    revision: str
    # Every close open for reassessment after `since` (a superset of those open at any later
    # instant: a window opens or grows only by a write, which changes the revision).
    since: datetime
    closes: list[TermClose]


@dataclass
class LookupsCache:
    """Per process: each tenant's exact matches and reassessment windows at one revision."""

    links: dict[TenantId, _Links] = field(default_factory=dict)
    closes: dict[TenantId, _Closes] = field(default_factory=dict)

    def known_links(
        self, tenant: TenantId, revision: str, identifiers: Iterable[str]
    ) -> tuple[set[Link], list[str]]:
        """The exact matches of these identifiers memory holds, and the identifiers it does not
        (every one, when memory is of another revision)."""
        entry = self.links.get(tenant)
        if entry is None or entry.revision != revision:
            return set(), list(identifiers)
        found: set[Link] = set()
        missing: list[str] = []
        for identifier in identifiers:
            known = entry.of.get(identifier)
            if known is None:
                missing.append(identifier)
            else:
                found.update(known)
        return found, missing

    def keep_links(
        self, tenant: TenantId, revision: str, asked: Iterable[str], links: Iterable[Link]
    ) -> None:
        """Remember what the database answered for `asked` at this revision."""
        entry = self.links.get(tenant)
        if entry is None or entry.revision != revision:
            entry = self.links[tenant] = _Links(revision)
        of: dict[str, list[Link]] = {identifier: [] for identifier in asked}
        for link in links:
            for end in set(link):
                if end in of:
                    of[end].append(link)
        entry.of.update((identifier, tuple(found)) for identifier, found in of.items())

    def known_closes(self, tenant: TenantId, revision: str, at: datetime) -> list[TermClose] | None:
        """The closes open for reassessment at `at`, or None when memory cannot say."""
        entry = self.closes.get(tenant)
        if entry is None or entry.revision != revision or at < entry.since:
            return None
        return [c for c in entry.closes if c.reassessing(at)]

    def keep_closes(
        self, tenant: TenantId, revision: str, at: datetime, closes: list[TermClose]
    ) -> None:
        self.closes[tenant] = _Closes(revision, at, closes)


async def change_revision(session: AsyncSession, tenant: TenantId, seen: SeenRevision) -> None:
    """Mark the tenant's lookups as changed by this transaction (before it writes them): its own
    later reads ask the database until the owners query reads the new token."""
    await session.execute(
        sa.update(_tenants).where(_tenants.c.id == tenant).values(lookups_revision=uuid.uuid4().hex)
    )
    seen.value = None
