"""Tables of the summary counts kept on write (docs/decisions/0056-summary-counts.md).

Database triggers append to the two change queues (app.adapters.db.summary_capture) whatever
the service's writers, imports or an operator's SQL do; the refresher
(app.adapters.db.summary_refresh) drains them into the counts. Profiles are what each student
was counted with, so a later roster change can be taken out under the old one and put back
under the new."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.adapters.db.tables import SQLITE_ONLY, _instant, _tenant_fk

# The counts are updated in place, every row of a page at each refresh: with half of each page
# free, PostgreSQL writes the new versions beside the old (HOT updates, no index entry) and
# prunes the dead ones as it reads the page, autovacuum or not (0073). Migration 0042.
COUNTS_STORAGE: dict[str, Any] = {"postgresql_with": {"fillfactor": 50}}


def zeros_index(table: str) -> sa.Index:
    """SQLite: the rows brought to zero, swept after each addition (summary_sql.add_to).
    PostgreSQL has no such index: one on `n` would stop every HOT update; an addition there
    deletes the zeros its own upsert returns."""
    return sa.Index(
        f"ix_{table}_tenant_id_zero",
        "tenant_id",
        sqlite_where=sa.text("n = 0"),
        info={SQLITE_ONLY: True},
    ).ddl_if(dialect="sqlite")


# SQLite autoincrements only an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity and,
# in the migration, a primary key of (tenant_id, seq) as revision 0030 gives the other queues.
_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# What stands for "every school", "every grade", "no subgroup" and a missing value in a key
# column (a key column cannot hold NULL).
ALL = ""
# The framework id of the rows that count students, not decisions (competency and status ALL):
# a summary's population per group. No framework has an empty id.
POPULATION = ""


def _seq() -> Any:
    return Field(default=None, sa_column=sa.Column(_SEQ, primary_key=True, autoincrement=True))


class DecisionStatusChangeRow(SQLModel, table=True):
    """A decision inserted (old NULL), deleted (new NULL) or whose shown status changed."""

    __tablename__ = "decision_status_changes"

    seq: int | None = _seq()
    tenant_id: int  # the decision's (no key of its own: migration 0039)
    framework_id: str = Field(max_length=255)
    student_id: str = Field(max_length=255)
    competency_id: str = Field(max_length=255)
    old_status: str | None = Field(default=None, max_length=24)
    new_status: str | None = Field(default=None, max_length=24)


class SummaryRosterChangeRow(SQLModel, table=True):
    """A statement changed the tenant's students, schools, grades or demographics: profiles
    are compared again."""

    __tablename__ = "summary_roster_changes"

    seq: int | None = _seq()
    tenant_id: int = Field(foreign_key="tenants.id", ondelete="CASCADE")


class SummaryCountRow(SQLModel, table=True):
    """Decisions per group and status. The key's order serves the reads: a subgroup (or none)
    and a grade (or every grade) fix a prefix that holds every school's rows."""

    __tablename__ = "summary_counts"
    __table_args__ = (zeros_index("summary_counts"), COUNTS_STORAGE)

    tenant_id: int = _tenant_fk()
    framework_id: str = Field(primary_key=True, max_length=255)
    subgroup: str = Field(primary_key=True, max_length=32)
    grade: str = Field(primary_key=True, max_length=255)
    school_id: str = Field(primary_key=True, max_length=255)
    subgroup_value: str = Field(primary_key=True, max_length=64)
    competency_id: str = Field(primary_key=True, max_length=255)
    status: str = Field(primary_key=True, max_length=24)
    n: int = Field(sa_column=sa.Column(sa.BigInteger, nullable=False))


class SummaryProfileColumns(SQLModel):
    """One row per active student and (school or every school) x (grade or every grade), with
    the student's subgroup values as text (ALL: none)."""

    tenant_id: int = _tenant_fk()
    student_id: str = Field(primary_key=True, max_length=255)
    school_id: str = Field(primary_key=True, max_length=255)
    grade: str = Field(primary_key=True, max_length=255)
    sex: str = Field(max_length=64)
    race_ethnicity: str = Field(max_length=64)
    english_learner: str = Field(max_length=8)
    special_education: str = Field(max_length=8)
    economically_disadvantaged: str = Field(max_length=8)


class SummaryProfileRow(SummaryProfileColumns, table=True):
    """What each student's decisions are counted under now."""

    __tablename__ = "summary_profiles"


class SummaryProfileStageRow(SummaryProfileColumns, table=True):
    """The profiles as the roster had them at the last roster change a refresh followed,
    staged there to be compared with the stored ones (replaced at the next)."""

    __tablename__ = "summary_profile_stage"


class SummaryRefreshRow(SQLModel, table=True):
    """Each tenant's refresh state. No row: the tenant was created after the counts were (so
    every decision it has was captured); `built` false: its counts are yet to be built from
    its decisions (tenants that had decisions when revision 0031 came)."""

    __tablename__ = "summary_refreshes"

    tenant_id: int = _tenant_fk()
    built: bool
    refreshed_at: datetime = _instant()
