"""Where a trend drain begins each touched decision's history, kept from one drain to the next
(decision 0084; the tails themselves are 0082's).

A drain reads each touched decision from its last entry before the first captured one
(`from_seq`), with the greatest valid time of the entries before the first captured one
(`carried`) as the start of the running maximum. Found by a probe of the decision's entries,
that maximum read every entry before the tail: a drain's cost grew with the histories again
(2 s at minute 3 of the soak, 5-7 s at minute 10, where each decision gains an entry every
13 s). So a drain keeps, per decision, its last entry and the greatest valid time of all its
entries as it saw them (`last_seq`, `held_from` in trend_tails), and the next drain starts
from them when every entry it captured came after that last one: the entries up to it are
then those the keeping drain saw, unchanged, since a change to any of them would have been
captured with a seq no greater than `last_seq`. Otherwise (a decision first met, an entry
deleted or rewritten, an insert that committed after a later seq was drained) the probe reads
them, as before.

What a drain keeps is known only when every change it drained of the decision was an insert:
then the entries from its first captured one on are exactly those inserts. A deletion among
them leaves `last_seq` unknown, and the row is forgotten once the drain has counted
(`end_tails`): the next drain probes. A rebuild, which empties the queue without draining it,
forgets every kept tail of the tenant (summary_build)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db import tables as t
from app.adapters.db.mastery_tables import DecisionChangeRow
from app.adapters.db.trend_tables import TrendHistoryChangeRow, TrendTailRow
from app.adapters.db.upsert import insert_for
from app.domain.access import TenantId

_history = t.table_of(DecisionChangeRow)
_queue = t.table_of(TrendHistoryChangeRow)
tails = t.table_of(TrendTailRow)
PAIR = ("framework_id", "student_id", "competency_id")


def _touched(tenant: TenantId) -> sa.Subquery:
    """Per decision in the queue: its first captured entry, whether every change captured is
    an insert, and the last entry and greatest valid time among those captured."""
    q = _queue
    return (
        sa.select(
            *(q.c[c] for c in PAIR),
            sa.func.min(q.c.entry_seq).label("first_seq"),
            (sa.func.min(q.c.sign) == 1).label("inserts_only"),
            sa.func.max(q.c.entry_seq).label("last_seq"),
            sa.func.max(q.c.valid_from).label("latest"),
        )
        .where(q.c.tenant_id == tenant)
        .group_by(*(q.c[c] for c in PAIR))
        .subquery("touched")
    )


def _pairs(tenant: TenantId) -> sa.Select[Any]:
    """The decisions the queue touched (a row per captured change: not distinct)."""
    q = _queue
    return sa.select(*(q.c[c] for c in PAIR)).where(q.c.tenant_id == tenant)


def _kept(
    touched: sa.FromClause, tenant: TenantId, postgres: bool, *columns: str
) -> tuple[sa.FromClause, sa.ColumnElement[bool]]:
    """The kept row of each touched decision, as a join target and its condition. On
    PostgreSQL a probe of its key (LATERAL, LIMIT 1): as a join, a kept table without
    statistics was planned as a nested loop comparing every touched decision with every kept
    row (see plans.UNSEEN_TENANT on why a fresh table misleads the planner)."""
    k = tails
    own = sa.and_(k.c.tenant_id == tenant, *(k.c[c] == touched.c[c] for c in PAIR))
    if not postgres:
        return k, own
    probe = sa.select(*(k.c[c] for c in columns)).where(own).limit(1).lateral("kept")
    return probe, sa.true()


def _starts(tenant: TenantId, postgres: bool) -> sa.Subquery:
    """Per touched decision, where its tail begins (`from_seq`, `carried`) and the captured
    columns of _touched: from the kept tail when it is known and before the first captured
    entry, else from a probe of the decision's entries before it (PostgreSQL: LATERAL, gated
    off where the kept tail serves; SQLite: correlated subqueries in the CASE's other arm)."""
    touched, h = _touched(tenant), _history
    kept, on = _kept(touched, tenant, postgres, "last_seq", "held_from")
    pair = [touched.c[c] for c in PAIR]
    usable = kept.c.last_seq < touched.c.first_seq  # NULL (none kept, or unknown): not usable
    earlier = [
        h.c.tenant_id == tenant,
        *(h.c[c] == touched.c[c] for c in PAIR),
        h.c.seq < touched.c.first_seq,
    ]
    joined: sa.FromClause = touched.outerjoin(kept, on)
    if postgres:
        # The decision's own entries in the order of its own index (tenant, framework, student,
        # competency, seq): without statistics every index leading with tenant and framework
        # looked as good (a row, estimated), and the planner took the history's by change time,
        # reading the framework's whole history for each decision. Ordered, the decision's own
        # index is the one that needs no sort. count() beside the two max(): with max() alone
        # PostgreSQL may answer each from an index of its own, max(valid_from) by the
        # framework's valid-time index read backward until the decision's latest entry.
        own = (
            sa.select(h.c.seq, h.c.valid_from)
            .where(
                *earlier,
                sa.or_(kept.c.last_seq.is_(None), kept.c.last_seq >= touched.c.first_seq),
            )
            .order_by(h.c.seq)
            .correlate(touched, kept)
            .lateral("own")
        )
        probe = sa.select(
            sa.func.max(own.c.seq).label("seq"),
            sa.func.max(own.c.valid_from).label("at"),
            sa.func.count().label("entries"),
        ).lateral("probe")
        joined = joined.join(probe, sa.true())
        # No entry before the first captured one: the tail begins there.
        probed_from: sa.ColumnElement[Any] = sa.case(
            (probe.c.entries == 0, touched.c.first_seq), else_=probe.c.seq
        )
        carried_before: sa.ColumnElement[Any] = probe.c.at
    else:
        last_common = sa.select(sa.func.max(h.c.seq)).where(*earlier).scalar_subquery()
        probed_from = sa.func.coalesce(last_common, touched.c.first_seq)
        carried_before = sa.select(sa.func.max(h.c.valid_from)).where(*earlier).scalar_subquery()
    return (
        sa.select(
            *pair,
            sa.case((usable, kept.c.last_seq), else_=probed_from).label("from_seq"),
            sa.case((usable, kept.c.held_from), else_=carried_before).label("carried"),
            touched.c.inserts_only,
            touched.c.last_seq,
            touched.c.latest,
        )
        .select_from(joined)
        .subquery("starts")
    )


async def begin_tails(session: AsyncSession, tenant: TenantId, *, postgres: bool) -> None:
    """Write, for every decision the queue touched, where this drain's tail begins and what the
    next drain may begin from; `drained_tails` then reads the former. In the drain's snapshot,
    before its counts."""
    s = _starts(tenant, postgres)
    # The greatest valid time of all its entries: the carried one where later (none carried
    # compares as NULL: the captured entries' own), in one expression on both databases.
    held = sa.case((s.c.carried > s.c.latest, s.c.carried), else_=s.c.latest)
    rows = sa.select(
        sa.literal(tenant),
        *(s.c[c] for c in PAIR),
        s.c.from_seq,
        s.c.carried,
        sa.case((s.c.inserts_only, s.c.last_seq), else_=sa.null()),
        sa.case((s.c.inserts_only, held), else_=sa.null()),
    ).where(sa.true())  # SQLite: an upsert's SELECT needs a WHERE (its ON would be ambiguous)
    columns = ["tenant_id", *PAIR, "from_seq", "carried", "last_seq", "held_from"]
    stmt = insert_for(session, tails).from_select(columns, rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=["tenant_id", *PAIR],
        set_={c: stmt.excluded[c] for c in columns[len(PAIR) + 1 :]},
    )
    await session.execute(stmt)


def drained_tails(tenant: TenantId, postgres: bool) -> sa.Select[Any]:
    """Per decision the queue touched: (framework, student, competency, from_seq, carried) as
    `begin_tails` wrote them for this drain. By the kept rows' key, one probe a decision."""
    touched = _pairs(tenant).distinct().subquery("q")
    kept, on = _kept(touched, tenant, postgres, "from_seq", "carried")
    return sa.select(*(touched.c[c] for c in PAIR), kept.c.from_seq, kept.c.carried).select_from(
        touched.join(kept, on)
    )


async def end_tails(session: AsyncSession, tenant: TenantId) -> None:
    """After the counts, forget the rows of the touched decisions whose last entry is unknown
    (a deletion among the changes drained): the next drain probes them anyway, and a student
    erased leaves no row naming them (the erasure's deletions are drained as such)."""
    kept = tails
    await session.execute(
        sa.delete(kept).where(
            kept.c.tenant_id == tenant,
            kept.c.last_seq.is_(None),
            sa.tuple_(*(kept.c[c] for c in PAIR)).in_(_pairs(tenant)),
        )
    )
