"""The refresher of the summary counts (docs/decisions/0056-summary-counts.md): it drains what
the triggers captured (app.adapters.db.summary_capture) into summary_counts, set-based.

A tenant's counts are the sum, over its students' profile rows (one per school or every
school x grade or every grade, with the student's subgroup values), of the student's decisions
per status, once with no subgroup and once under each subgroup's value. So a refresh
(a) adds +1 new / -1 old status of each captured decision change under the student's stored
profile rows; then (b) when a roster statement was captured, stages the profiles as the roster
has them now and counts the student's decisions -1 under each stored row that is gone and +1
under each staged row that is new, and keeps the staged rows. A tenant yet to be built, or with
more captured changes than counted decisions (a bulk load), is counted afresh.

One refresh at a time per tenant (an advisory lock on PostgreSQL, the write lock on SQLite), in
one transaction that sees one snapshot (PostgreSQL: REPEATABLE READ): the changes it drains
are exactly those its reads of decisions and roster already show. The lock is tried, not
waited for, in that transaction (a snapshot taken before a wait would miss the holder's
writes): a refresh that finds it held waits for it in a transaction of its own (a shared lock,
so waiters never hold each other up), then begins again; a summary's catch-up looks first
whether the other refresh left anything to do, and after 10 turns counts live. One whose
snapshot still predates another's commit (a window of microseconds) fails on the refresh
state row it upserts first (a serialization failure) and is run again."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db import tables as t
from app.adapters.db.engine import WRITE
from app.adapters.db.native import is_postgres
from app.adapters.db.plans import usual_joins, whole_tenant_joins
from app.adapters.db.row_security import tenant_session
from app.adapters.db.summary_build import STEP_STUDENTS, rebuild
from app.adapters.db.summary_sql import (
    PROFILE,
    count_into,
    count_trends,
    current_profiles,
    decision_rows,
    stored_profiles,
    students_once,
)
from app.adapters.db.summary_tables import (
    ALL,
    POPULATION,
    DecisionStatusChangeRow,
    SummaryCountRow,
    SummaryProfileRow,
    SummaryProfileStageRow,
    SummaryRefreshRow,
    SummaryRosterChangeRow,
)
from app.adapters.db.trend_sql import all_changes, captured_changes
from app.adapters.db.trend_tables import TrendHistoryChangeRow
from app.adapters.db.trend_tails import begin_tails, end_tails
from app.adapters.db.upsert import insert_for
from app.domain.access import TenantId
from app.ports.clock import Clock

log = logging.getLogger("mastery.db")

_changes = t.table_of(DecisionStatusChangeRow)
_marks = t.table_of(SummaryRosterChangeRow)
_counts = t.table_of(SummaryCountRow)
_profiles = t.table_of(SummaryProfileRow)
_stage = t.table_of(SummaryProfileStageRow)
_refreshes = t.table_of(SummaryRefreshRow)
_entries = t.table_of(TrendHistoryChangeRow)
# Advisory lock class of the refresher (the second key is the tenant): "summ".
_LOCK_CLASS = 0x73756D6D
_SERIALIZATION_FAILURE = "40001"
_LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout passed
_ATTEMPTS = 50
# What a drain may sort and hash in memory (its own transaction's setting).
DRAIN_WORK_MEM = "64MB"
# Captured changes beyond the counted decisions (and at least this many): counted afresh.
_REBUILD_AT_LEAST = 10_000


@dataclass(frozen=True)
class Refreshed:
    """What one refresh did: whether the tenant's counts are built (False: yet to be, and this
    refresh was not asked to), and how many captured changes it drained."""

    built: bool
    changes: int = 0
    rebuilt: bool = False
    roster_changed: bool = False


class SummaryRefresher:
    """Brings one tenant's summary counts up to date with its decisions and roster."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        *,
        build_step: int = STEP_STUDENTS,
    ) -> None:
        self.sessions = sessions
        self._clock = clock
        self._build_step = build_step  # students per step of a build's trend counts

    async def refresh(
        self, tenant: TenantId, *, build: bool = True, trends: bool = True
    ) -> Refreshed:
        """Drain the tenant's captured changes into its counts, waiting for another refresh
        of the tenant to end first. `build`: build counts yet to be built, or built again after
        a bulk load (from every decision: minutes for millions); without it such a tenant is
        left as it is (Refreshed.built False) for the periodic refresher. `trends`: drain the
        captured history entries into the trend counts too (the costlier part: each touched
        decision's history is read again); a summary's catch-up leaves them to the keeper or
        to the next trend read, unless a roster change needs them drained first."""
        for _ in range(_ATTEMPTS):
            found = await self.try_refresh(tenant, build=build, trends=trends)
            if found is not None:
                return found
            await self.wait_for_turn(tenant)
        raise RuntimeError(f"no turn to refresh tenant {tenant}'s summary counts")

    async def try_refresh(
        self, tenant: TenantId, *, build: bool = True, trends: bool = True
    ) -> Refreshed | None:
        """`refresh`, or None at once when another refresh of the tenant is running."""
        for attempt in range(_ATTEMPTS):
            try:
                async with tenant_session(self.sessions, tenant) as session:
                    found = await self._refresh(session, tenant, build=build, trends=trends)
                    if found is not None:
                        await session.commit()
                    return found
            except DBAPIError as exc:
                if _sqlstate(exc) != _SERIALIZATION_FAILURE or attempt == _ATTEMPTS - 1:
                    raise
                # Another refresh committed after this one's snapshot was taken: again.
        raise AssertionError("unreachable")

    async def wait_for_turn(self, tenant: TenantId, *, within: float | None = None) -> bool:
        """Wait until no refresh of the tenant is running (PostgreSQL; SQLite: its writers
        take turns at the write lock). Shared, so waiters never hold each other up. With
        `within` (seconds), False once that has passed first: a reader does not wait out a
        keeper's build."""
        async with tenant_session(self.sessions, tenant) as session:
            if is_postgres(session):
                if within is not None:
                    # A whole number of milliseconds: SET takes no bound parameter.
                    wait = f"{max(1, round(within * 1000))}ms"
                    await session.execute(sa.text(f"SET LOCAL lock_timeout = '{wait}'"))
                try:
                    await session.execute(
                        sa.text("SELECT pg_advisory_xact_lock_shared(:c, :t)"),
                        {"c": _LOCK_CLASS, "t": tenant},
                    )
                except DBAPIError as exc:
                    if within is None or _sqlstate(exc) != _LOCK_NOT_AVAILABLE:
                        raise
                    await session.rollback()
                    return False
            await session.commit()
        return True

    async def _refresh(
        self, session: AsyncSession, tenant: TenantId, *, build: bool, trends: bool
    ) -> Refreshed | None:
        postgres = is_postgres(session)
        options: dict[str, Any] = dict(WRITE)
        if postgres:
            options["isolation_level"] = "REPEATABLE READ"
        await session.connection(execution_options=options)
        if postgres:
            # Tried, not waited for: REPEATABLE READ takes its snapshot as this statement
            # starts, and a snapshot taken before a wait would miss what the holder wrote.
            # A drain sorts and sums tens of thousands of rows (each touched decision's
            # history): in the default 4 MB they spilled to disk (decision 0080).
            turn = sa.text(
                "SELECT pg_try_advisory_xact_lock(:c, :t) "
                f"AND set_config('work_mem', '{DRAIN_WORK_MEM}', true) IS NOT NULL"
            )
            if not (await session.execute(turn, {"c": _LOCK_CLASS, "t": tenant})).scalar_one():
                await session.rollback()
                return None
        built = await self._mark_refreshed(session, tenant, self._clock.now())
        if not built and not build:
            await session.rollback()
            return Refreshed(built=False)
        pending = await self._pending(session, tenant)
        # The counted decisions only when many changes wait (it reads a row per framework,
        # competency and status of every school's total).
        many = pending > _REBUILD_AT_LEAST and pending > await self._counted(session, tenant)
        if many and not build:
            # A bulk load's rebuild reads every decision and history entry (minutes at 10M):
            # the keeper's, in the background, never a reader's request (which counts live).
            await session.rollback()
            return Refreshed(built=False)
        if not built or many:
            await rebuild(session, tenant, postgres=postgres, step=self._build_step)
            return Refreshed(built=True, changes=pending, rebuilt=True)
        changes = await self._drain_changes(session, tenant)
        roster_changed = await self._drain_marks(session, tenant)
        if trends or roster_changed:
            # A roster change recounts its students' trend changes from their whole history:
            # what was captured of that history is drained first, under the profiles it was
            # captured with, or it would be counted twice (0061).
            await _drain_entries(session, tenant, postgres=postgres)
        if roster_changed:
            await self._follow_roster(session, tenant, postgres=postgres)
        return Refreshed(built=True, changes=changes, roster_changed=roster_changed)

    async def _mark_refreshed(self, session: AsyncSession, tenant: TenantId, at: datetime) -> bool:
        # First, so that a refresh whose snapshot predates another's commit fails at once.
        stmt = insert_for(session, _refreshes).values(tenant_id=tenant, built=True, refreshed_at=at)
        upserted = stmt.on_conflict_do_update(
            index_elements=["tenant_id"], set_={"refreshed_at": stmt.excluded.refreshed_at}
        ).returning(_refreshes.c.built)
        return bool((await session.execute(upserted)).scalar_one())

    async def _pending(self, session: AsyncSession, tenant: TenantId) -> int:
        stmt = sa.select(sa.func.count()).where(_changes.c.tenant_id == tenant)
        return int((await session.execute(stmt)).scalar_one())

    async def _counted(self, session: AsyncSession, tenant: TenantId) -> int:
        c = _counts
        stmt = sa.select(sa.func.coalesce(sa.func.sum(c.c.n), 0)).where(
            c.c.tenant_id == tenant,
            c.c.framework_id != POPULATION,
            c.c.subgroup == ALL,
            c.c.grade == ALL,
            c.c.school_id == ALL,
        )
        return int((await session.execute(stmt)).scalar_one())

    async def _drain_changes(self, session: AsyncSession, tenant: TenantId) -> int:
        ch = _changes
        mine = ch.c.tenant_id == tenant
        moves = sa.union_all(
            sa.select(
                ch.c.student_id,
                ch.c.framework_id,
                ch.c.competency_id,
                ch.c.new_status.label("status"),
                sa.literal(1).label("delta"),
            ).where(mine, ch.c.new_status.is_not(None)),
            sa.select(
                ch.c.student_id,
                ch.c.framework_id,
                ch.c.competency_id,
                ch.c.old_status.label("status"),
                sa.literal(-1).label("delta"),
            ).where(mine, ch.c.old_status.is_not(None)),
        ).subquery("moves")
        deltas = sa.select(
            moves.c.student_id,
            moves.c.framework_id,
            moves.c.competency_id,
            moves.c.status,
            sa.func.sum(moves.c.delta).label("delta"),
        ).group_by(moves.c.student_id, moves.c.framework_id, moves.c.competency_id, moves.c.status)
        await count_into(session, tenant, stored_profiles(tenant), deltas)
        # The same snapshot: exactly the rows just counted (PostgreSQL: rows committed since
        # are not seen, so not deleted; SQLite: no other writer).
        result = await session.execute(sa.delete(ch).where(mine))
        return int(getattr(result, "rowcount", 0) or 0)

    async def _drain_marks(self, session: AsyncSession, tenant: TenantId) -> bool:
        result = await session.execute(sa.delete(_marks).where(_marks.c.tenant_id == tenant))
        return bool(getattr(result, "rowcount", 0))

    async def _follow_roster(
        self, session: AsyncSession, tenant: TenantId, *, postgres: bool
    ) -> None:
        """Recount the profile rows that the roster no longer has (-1) or newly has (+1)."""
        s, p = _stage, _profiles
        await session.execute(sa.delete(s).where(s.c.tenant_id == tenant))
        if postgres:
            await whole_tenant_joins(session)  # every student's profile, as the roster has it
        await session.execute(
            sa.insert(s).from_select(["tenant_id", *PROFILE], current_profiles(tenant))
        )
        if postgres:
            await usual_joins(session)  # the recount below reads only the students who moved
        staged = sa.select(*(s.c[c] for c in PROFILE)).where(s.c.tenant_id == tenant)
        stored = sa.select(*(p.c[c] for c in PROFILE)).where(p.c.tenant_id == tenant)
        gone = sa.except_(stored, staged).subquery("gone")
        new = sa.except_(staged, stored).subquery("new")
        members = sa.union_all(
            sa.select(*(gone.c[c] for c in PROFILE), sa.literal(-1).label("sign")),
            sa.select(*(new.c[c] for c in PROFILE), sa.literal(1).label("sign")),
        )
        await count_into(session, tenant, members, decision_rows(tenant))
        await count_into(session, tenant, members, students_once(tenant))
        # Their trend changes move with them, recounted from their history.
        moved = sa.union(sa.select(gone.c.student_id), sa.select(new.c.student_id))
        moved_ones = sa.select(moved.subquery().c.student_id)
        await count_trends(session, tenant, members, all_changes(tenant, postgres, moved_ones))
        key = ("student_id", "school_id", "grade")
        await session.execute(
            sa.delete(p).where(
                p.c.tenant_id == tenant,
                sa.tuple_(*(p.c[c] for c in key)).in_(sa.select(*(gone.c[c] for c in key))),
            )
        )
        await session.execute(
            sa.insert(p).from_select(
                ["tenant_id", *PROFILE],
                sa.select(sa.literal(tenant), *(new.c[c] for c in PROFILE)),
            )
        )


async def _drain_entries(session: AsyncSession, tenant: TenantId, *, postgres: bool) -> None:
    """The captured history entries into the trend counts, under the stored profiles; then
    deleted (the same snapshot: exactly the rows counted). Where each touched decision's tail
    begins is written first (0084)."""
    await begin_tails(session, tenant, postgres=postgres)
    await count_trends(session, tenant, stored_profiles(tenant), captured_changes(tenant, postgres))
    await end_tails(session, tenant)
    await session.execute(sa.delete(_entries).where(_entries.c.tenant_id == tenant))


def _sqlstate(exc: DBAPIError) -> str | None:
    cause = getattr(exc.orig, "__cause__", None)
    found = getattr(cause, "sqlstate", None) or getattr(exc.orig, "sqlstate", None)
    return None if found is None else str(found)
