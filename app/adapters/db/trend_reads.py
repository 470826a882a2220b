"""Trends read from the trend counts kept on write (docs/decisions/0061-trend-counts.md).

The counts answer at the first instant of a span (a week from Monday cut at the months' firsts,
UTC): every cut of a weekly or monthly trend but its last, which ends at its `to` (or now). A
cut T inside a span is the span's start S from the counts, plus what changed in [S, T), counted
live over only the decisions with an entry valid from within it: any change of a decision's
status in [S, T) is an entry whose own valid time is in it (the time an entry holds from is the
greatest valid time so far, so it moves only to an entry's own)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta

from app.adapters.db.summary_reads import SummaryCounts
from app.domain.access import TenantId
from app.ports.reports import ReportScope, StatusCounts

# The live as-of read over the decisions with an entry valid from within one of the spans.
LiveWithin = Callable[
    [ReportScope, Sequence[datetime], Sequence[tuple[datetime, datetime]]],
    Awaitable[list[StatusCounts]],
]


def span_start(moment: datetime) -> datetime:
    """The first instant of the span holding `moment`: its week's Monday or its month's first,
    whichever is later."""
    day = moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(day - timedelta(days=day.weekday()), day.replace(day=1))


async def kept_before(
    counts: SummaryCounts,
    tenant: TenantId,
    scope: ReportScope,
    cuts: Sequence[datetime],
    live: LiveWithin,
) -> list[StatusCounts] | None:
    """`decision_counts_before` (without `known_before`) from the kept counts; None when they
    cannot answer (the shape, not built, changes not drained that this reader may not drain)."""
    days = [span_start(cut) for cut in cuts]
    found = await counts.trend_counts(tenant, scope, [d.date().isoformat() for d in days])
    if found is None:
        return None
    within = [(k, day, cut) for k, (day, cut) in enumerate(zip(days, cuts, strict=True))]
    within = [(k, day, cut) for k, day, cut in within if cut != day]
    if not within:
        return found
    spans = [(day, cut) for _, day, cut in within]
    moved = await live(scope, [at for span in spans for at in span], spans)
    for i, (k, _, _) in enumerate(within):
        found[k] = _plus(found[k], moved[2 * i + 1], moved[2 * i])
    return found


def _plus(base: StatusCounts, more: StatusCounts, less: StatusCounts) -> StatusCounts:
    """base + more - less, groups and statuses that come to 0 left out (as the live count
    has no row for them)."""
    out: StatusCounts = {k: dict(v) for k, v in base.items()}
    for sign, counts in ((1, more), (-1, less)):
        for key, by_status in counts.items():
            group = out.setdefault(key, {})
            for status, n in by_status.items():
                group[status] = group.get(status, 0) + sign * n
    return {
        key: {s: n for s, n in group.items() if n != 0}
        for key, group in out.items()
        if any(n != 0 for n in group.values())
    }
