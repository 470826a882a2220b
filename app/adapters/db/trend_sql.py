"""The SQL of the trend counts (docs/decisions/0061-trend-counts.md): what a set of history
entries adds to the trend, as the live as-of read counts it (app.adapters.db.queries).

Of a decision's entries in the order they were recorded (seq), entry i holds from `held_i`,
the greatest valid time of entries 1..i, until `held_{i+1}`: the live read counts it at a cut
T when held_i < T <= held_{i+1} (the last one from held_i on). So it adds +1 to its status at
held_i and -1 at held_{i+1}, and the count at T is the sum of the changes before T: for a T at
a span's first instant (app.adapters.db.trend_tables), of the months and spans before it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from app.adapters.db import tables as t
from app.adapters.db.mastery_tables import DecisionChangeRow
from app.adapters.db.trend_tables import MONTH, SPAN, TrendHistoryChangeRow
from app.adapters.db.trend_tails import PAIR, drained_tails
from app.domain.access import TenantId

_history = t.table_of(DecisionChangeRow)
_queue = t.table_of(TrendHistoryChangeRow)
_ENTRY = (*PAIR, "seq", "valid_from", "status")
EXTRA = ("grain", "bucket")


def _day(column: sa.ColumnElement[Any], postgres: bool) -> sa.ColumnElement[Any]:
    """The UTC day of an instant: a date on PostgreSQL (written as text only once summed per
    bucket, _by_grain), 'YYYY-MM-DD' on SQLite (which stores naive UTC text)."""
    if postgres:
        return sa.cast(sa.func.timezone("UTC", column), sa.Date)
    return sa.func.substr(column, 1, 10)


def _pair_of(entries: sa.FromClause, postgres: bool) -> Sequence[sa.ColumnElement[Any]]:
    """The (framework, student, competency) columns that partition the windows. On PostgreSQL
    compared byte by byte (COLLATE "C"): only equal keys must fall together, not any language's
    order, and the database's collation (C.UTF-8 here) compares through strcoll at every step
    of the windows' sort (decision 0080)."""
    pair = [entries.c[c] for c in PAIR]
    return [c.collate("C") for c in pair] if postgres else pair


def changes_of(
    entries: sa.FromClause,
    sign: int,
    postgres: bool,
    name: str = "spans",
    *,
    carried: bool = False,
) -> list[sa.Select[Any]]:
    """(student_id, framework_id, competency_id, status, day, delta) for each entry of
    `entries` (columns _ENTRY) that holds for a while: +sign from the day it holds, -sign from
    the day the next one takes over (the live read's window, exactly). `carried`: `entries`
    are the tail of each decision's entries, and their column `carried` is the greatest valid
    time of the entries before the tail (None: none), which the running maximum starts from."""
    pair = _pair_of(entries, postgres)
    held: sa.ColumnElement[Any] = sa.func.max(entries.c.valid_from).over(
        partition_by=pair, order_by=entries.c.seq, rows=(None, 0)
    )
    if carried:
        before = entries.c.carried
        held = sa.case((before.is_(None), held), (held > before, held), else_=before)
    following = sa.func.lead(entries.c.valid_from).over(partition_by=pair, order_by=entries.c.seq)
    spans = sa.select(
        *(entries.c[c] for c in PAIR),
        entries.c.status,
        held.label("held_from"),
        sa.case((following.is_(None), None), (following > held, following), else_=held).label(
            "next_at"
        ),
    ).cte(name)
    keys = (spans.c.student_id, spans.c.framework_id, spans.c.competency_id, spans.c.status)
    # An entry replaced at the instant it began never holds: it changes nothing.
    lasting = sa.or_(spans.c.next_at.is_(None), spans.c.next_at > spans.c.held_from)
    # Selects to be joined by UNION ALL (SQLite takes no parenthesised compound inside one).
    return [
        sa.select(
            *keys, _day(spans.c.held_from, postgres).label("day"), sa.literal(sign).label("delta")
        ).where(lasting),
        sa.select(
            *keys, _day(spans.c.next_at, postgres).label("day"), sa.literal(-sign).label("delta")
        ).where(spans.c.next_at > spans.c.held_from),
    ]


def _by_grain(
    changes: list[sa.Select[Any]], postgres: bool
) -> sa.Select[Any] | sa.CompoundSelect[Any]:
    """The changes summed per span and per month (the columns count_into reads, with EXTRA)."""
    if postgres:
        return _by_grain_in_one_pass(changes)
    c = sa.union_all(*changes).cte("changes")
    keys = (c.c.student_id, c.c.framework_id, c.c.competency_id, c.c.status)
    month = sa.func.substr(c.c.day, 1, 8, type_=sa.String).concat("01")
    span = sa.func.max(sa.func.date(c.c.day, "-6 days", "weekday 1"), month)
    total = sa.func.sum(c.c.delta).label("delta")
    return sa.union_all(
        *(
            sa.select(*keys, sa.literal(grain).label("grain"), bucket.label("bucket"), total)
            .group_by(*keys, bucket)
            .having(sa.func.sum(c.c.delta) != 0)
            for grain, bucket in ((SPAN, span), (MONTH, month))
        )
    )


def _by_grain_in_one_pass(changes: list[sa.Select[Any]]) -> sa.Select[Any]:
    """PostgreSQL: both grains summed in one pass over the changes (GROUPING SETS), which are
    then read once and not written out as a table first (a common table expression, read by
    one select per grain: about a tenth of a drain, decision 0080). Days are dates, by timestamps
    without a time zone (the session's must not matter), written as 'YYYY-MM-DD' once per sum.
    In each set the other grain's bucket reads NULL."""
    c = sa.union_all(*changes).subquery("changes")
    keys = (c.c.student_id, c.c.framework_id, c.c.competency_id, c.c.status)

    def first(unit: str) -> sa.ColumnElement[Any]:
        return sa.cast(sa.func.date_trunc(unit, sa.cast(c.c.day, sa.DateTime())), sa.Date)

    month = first("month")
    span = sa.func.greatest(first("week"), month)
    sets = sa.func.grouping_sets(sa.tuple_(*keys, span), sa.tuple_(*keys, month))
    return (
        sa.select(
            *keys,
            sa.case((sa.func.grouping(span) == 0, SPAN), else_=MONTH).label("grain"),
            sa.func.to_char(sa.func.coalesce(span, month), "YYYY-MM-DD").label("bucket"),
            sa.func.sum(c.c.delta).label("delta"),
        )
        .group_by(sets)
        .having(sa.func.sum(c.c.delta) != 0)
    )


def _entries(tenant: TenantId, *where: sa.ColumnElement[bool]) -> sa.Select[Any]:
    h = _history
    return sa.select(*(h.c[c] for c in _ENTRY)).where(h.c.tenant_id == tenant, *where)


def all_changes(
    tenant: TenantId,
    postgres: bool,
    students: sa.Select[Any] | None = None,
    *,
    between: tuple[str | None, str | None] = (None, None),
) -> sa.Select[Any] | sa.CompoundSelect[Any]:
    """The trend changes of the tenant's whole history (a build), of some students' (a
    roster move), or of the students whose ids are `between` (after the first, up to and
    including the second; None: no bound), per span and month: rows for count_into."""
    where: list[sa.ColumnElement[bool]] = []
    if students is not None:
        where.append(_history.c.student_id.in_(students))
    where += in_range(_history.c.student_id, between)
    entries = _entries(tenant, *where).subquery("entries")
    return _by_grain(changes_of(entries, 1, postgres), postgres)


def in_range(
    column: sa.ColumnElement[str], between: tuple[str | None, str | None]
) -> list[sa.ColumnElement[bool]]:
    """`column` after between[0] and up to between[1] (None: no bound)."""
    low, high = between
    return [
        *([] if low is None else [column > low]),
        *([] if high is None else [column <= high]),
    ]


def captured_changes(tenant: TenantId, postgres: bool) -> sa.Select[Any] | sa.CompoundSelect[Any]:
    """What the captured entries changed: the trend changes of each decision they touched, as
    its entries are now, less as they were (now, with each captured insert taken away and
    each captured delete put back), per span and month.

    Only each decision's tail is read (decision 0082): the entries before its first captured
    one are the same now and before, and so are their spans, but for the last of them, whose
    next entry may differ. So the tail starts at that last common entry, with the greatest
    valid time of the entries before it carried in; the spans before it cancel out and are
    not computed. Reading each touched decision's whole history made a drain's cost grow with
    the history's length (every 5 s, the decisions of 20,000 results with 20-40 entries each).
    Where each tail begins is written first by `trend_tails.begin_tails`, in the same
    snapshot (0084).

    The tails, each side's spans and the changes are common table expressions, each computed
    once; as subqueries PostgreSQL inlined them at every use, and read, sorted and windowed
    the history eight times per drain (0073)."""
    q = _queue
    tails = drained_tails(tenant, postgres).cte("tails")
    now = _tail_entries(tenant, tails, postgres).cte("now")
    same = sa.and_(*(q.c[c] == tails.c[c] for c in PAIR))
    both = sa.union_all(
        sa.select(*now.c, sa.literal(1).label("w")),
        sa.select(
            *(q.c[c] for c in PAIR),
            q.c.entry_seq.label("seq"),
            q.c.valid_from,
            q.c.status,
            tails.c.carried,
            (-q.c.sign).label("w"),
        )
        .select_from(q.join(tails, same))
        .where(q.c.tenant_id == tenant),
    ).subquery("both")
    grouped = [both.c[c] for c in (*_ENTRY, "carried")]
    before = sa.select(*grouped).group_by(*grouped).having(sa.func.sum(both.c.w) > 0)
    return _by_grain(
        [
            *changes_of(now, 1, postgres, "now_spans", carried=True),
            *changes_of(before.subquery("before"), -1, postgres, "before_spans", carried=True),
        ],
        postgres,
    )


def _tail_entries(tenant: TenantId, tails: sa.CTE, postgres: bool) -> sa.Select[Any]:
    """The entries of each tail (columns _ENTRY and `carried`). On PostgreSQL each decision's
    by a range probe of its own index (LATERAL): as a join the planner may hash the district's
    whole history instead, if the queue's statistics say it is long (decision 0082)."""
    h = _history
    own = [h.c.tenant_id == tenant, *(h.c[c] == tails.c[c] for c in PAIR)]
    own.append(h.c.seq >= tails.c.from_seq)
    if not postgres:
        entries = sa.select(*(h.c[c] for c in _ENTRY), tails.c.carried)
        return entries.select_from(h.join(tails, sa.and_(*own)))
    tail = sa.select(*(h.c[c] for c in _ENTRY)).where(*own).lateral("tail")
    return sa.select(*tail.c, tails.c.carried).select_from(tails.join(tail, sa.true()))
