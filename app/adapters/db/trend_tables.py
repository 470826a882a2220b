"""Tables of the trend counts kept on write (docs/decisions/0061-trend-counts.md).

A trigger on `decision_history` (app.adapters.db.trend_capture) appends every entry inserted
(+1) or deleted (-1) to `trend_history_changes`; the summary refresher
(app.adapters.db.summary_refresh) turns them into `trend_counts`: the net change, per summary
key, of the decisions holding each status, by the UTC day (and month) from which the change
holds in the live as-of read's valid time, summed by month and by span (a week from Monday,
cut at each month's first). A trend's count at the first instant of a span is the sum of the
changes of the months and spans before it."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.summary_tables import COUNTS_STORAGE, _seq, zeros_index
from app.adapters.db.tables import _instant, _tenant_fk

# The grains a change is kept at: the month it falls in, and its span, the week from Monday
# cut at the months' firsts (so that a month is a whole number of spans; bucket: the first day).
SPAN = "S"
MONTH = "M"


class TrendHistoryChangeRow(SQLModel, table=True):
    """A history entry inserted (sign 1) or deleted (sign -1), with what the trend reads of it."""

    __tablename__ = "trend_history_changes"

    seq: int | None = _seq()
    tenant_id: int  # the history entry's (no key of its own: migration 0039)
    framework_id: str = Field(max_length=255)
    student_id: str = Field(max_length=255)
    competency_id: str = Field(max_length=255)
    entry_seq: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))
    valid_from: datetime = _instant()
    status: str = Field(max_length=24)
    sign: int = Field(sa_column=sa.Column(sa.SmallInteger, nullable=False))


class TrendCountRow(SQLModel, table=True):
    """Net change of the decisions per summary key and status within one span (grain SPAN) or
    month (grain MONTH), bucket its first day as 'YYYY-MM-DD' (UTC)."""

    __tablename__ = "trend_counts"
    __table_args__ = (zeros_index("trend_counts"), COUNTS_STORAGE)

    tenant_id: int = _tenant_fk()
    framework_id: str = Field(primary_key=True, max_length=255)
    subgroup: str = Field(primary_key=True, max_length=32)
    # Before the groups: a cut reads one range of buckets (the months before its month, its
    # month's days before it) whatever grades and schools it groups by.
    grain: str = Field(primary_key=True, max_length=1)
    bucket: str = Field(primary_key=True, max_length=10)
    grade: str = Field(primary_key=True, max_length=255)
    school_id: str = Field(primary_key=True, max_length=255)
    subgroup_value: str = Field(primary_key=True, max_length=64)
    competency_id: str = Field(primary_key=True, max_length=255)
    status: str = Field(primary_key=True, max_length=24)
    n: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))


class TrendTailRow(SQLModel, table=True):
    """What the last trend drain that touched a decision read of its history (decision 0084):
    where that drain's tail began (`from_seq`, and `carried`, the greatest valid time of the
    entries before it), and, when every change it drained of the decision was an insert, the
    decision's last entry (`last_seq`) and the greatest valid time of all its entries
    (`held_from`), which the next drain starts its tail from instead of reading them again."""

    __tablename__ = "trend_tails"
    __table_args__ = (COUNTS_STORAGE,)

    tenant_id: int = _tenant_fk()
    framework_id: str = Field(primary_key=True, max_length=255)
    student_id: str = Field(primary_key=True, max_length=255)
    competency_id: str = Field(primary_key=True, max_length=255)
    from_seq: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))
    carried: datetime | None = _instant(nullable=True)
    last_seq: int | None = Field(default=None, sa_column=sa.Column(sa.BigInteger, nullable=True))
    held_from: datetime | None = _instant(nullable=True)
