"""The trend counts kept on write (docs/decisions/0061-trend-counts.md) equal the live as-of
read (app.adapters.db.queries, the reference) at every cut: months' and weeks' first instants,
and instants inside a day (a trend's last period), after random histories with results
observed out of order (backdated), overrides set, cleared and expired, roster moves, a student
erased, history entries deleted and rewritten by SQL, and a build from scratch. On SQLite and
PostgreSQL (where decision_history is partitioned)."""

from __future__ import annotations

import asyncio
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.db.engine import session_factory
from app.adapters.db.mastery_tables import DecisionChangeRow
from app.adapters.db.queries import SqlReadModels
from app.adapters.db.row_security import tenant_session
from app.adapters.db.summary_keeper import refresh_all, tenants_to_refresh
from app.adapters.db.summary_reads import SummaryCounts, covered, trend_covered
from app.adapters.db.summary_refresh import SummaryRefresher
from app.adapters.db.tables import table_of
from app.adapters.db.trend_tables import TrendCountRow, TrendTailRow
from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.mastery.decision import MasteryStatus
from app.domain.reporting import Dimension as D
from app.domain.reporting import Interval, periods
from app.domain.roster import Demographics, RecordStatus, Sex, User, UserRole
from app.ports.reports import ReportScope
from tests.api.district_data import Pupil, post_scores, principal_of, seed_framework, seed_roster
from tests.conftest import new_tenant
from tests.integration.test_summary_counts import (
    COMPETENCIES,
    _demographics,
    _forget_counts,
    _random_scores,
    _scopes,
)

_history = table_of(DecisionChangeRow)
START = datetime(2026, 6, 1, tzinfo=UTC)


def _cut_sets(rng: random.Random, now: datetime, inside: list[datetime]) -> list[list[datetime]]:
    """Months' and weeks' ends as trends ask them (the last one inside a day), instants inside
    days with entries (on and either side of an entry's own valid time), and random ones."""
    months = [p.end for p in periods(START, now, Interval.MONTH)]
    weeks = [p.end for p in periods(START + timedelta(days=40), now, Interval.WEEK)]
    to_day = [
        p.end for p in periods(START, datetime(2026, 10, 9, 13, 30, tzinfo=UTC), Interval.MONTH)
    ]
    chosen = rng.sample(inside, min(6, len(inside)))
    around = [at + d for at in chosen for d in (timedelta(0), timedelta(microseconds=1))]
    randoms = [START + timedelta(seconds=rng.randrange(200 * 86400)) for _ in range(6)]
    return [months, weeks, to_day, sorted(around), randoms]


async def _valid_times(container: Container, tenant: Tenant) -> list[datetime]:
    async with tenant_session(session_factory(container.engine), tenant.id) as session:
        rows = await session.execute(
            sa.select(_history.c.valid_from).where(_history.c.tenant_id == tenant.id)
        )
        return sorted({r[0] for r in rows})


async def _assert_trends_recounted(
    container: Container, tenant: Tenant, rng: random.Random
) -> None:
    sessions = session_factory(container.engine)
    refresher = SummaryRefresher(sessions, container.adapters.clock)
    counts = SummaryCounts(sessions, catch_up=refresher)
    live = SqlReadModels(sessions, tenant.id)
    kept = SqlReadModels(sessions, tenant.id, counts)
    now = container.adapters.clock.now()
    cut_sets = _cut_sets(rng, now, await _valid_times(container, tenant))
    seen = 0
    for scope in _scopes("fw"):
        for cuts in cut_sets:
            expected = await live.decision_counts_before(scope, cuts)
            # The kept counts answer (not a fall back to the live read), but by or within a
            # school and a grade at once (they keep no such rows)...
            answered = await counts.trend_counts(tenant.id, scope, ["2026-09-01"])
            assert (answered is not None) == trend_covered(scope), scope
            # ... and equal it, cut by cut.
            assert await kept.decision_counts_before(scope, cuts) == expected, (scope, cuts)
            seen += sum(sum(s.values()) for found in expected for s in found.values())
    assert seen > 0  # not a comparison of empty answers
    assert sum(map(trend_covered, _scopes("fw"))) >= 10  # most shapes from the kept counts


def _observed(rng: random.Random) -> datetime:
    # Anywhere in June to early November 2026, at any second: out of order, across midnights.
    return START + timedelta(seconds=rng.randrange(160 * 86400))


@pytest.mark.parametrize(
    ("shape", "kept"),
    [
        ({"dimensions": (D.SCHOOL,)}, True),
        ({"dimensions": (D.GRADE, D.SEX)}, True),
        ({"dimensions": (D.COMPETENCY,), "school_id": "school-1"}, True),
        ({"dimensions": (D.SCHOOL, D.GRADE)}, False),
        ({"dimensions": (D.GRADE,), "school_id": "school-1"}, False),
        ({"dimensions": (D.SCHOOL,), "grade": "04"}, False),
        ({"school_id": "school-1", "grade": "04"}, False),
    ],
)
def test_a_schools_grades_over_time_are_counted_live(shape: dict[str, object], kept: bool) -> None:
    scope = replace(ReportScope(framework_id="fw", competency_ids=("c",)), **shape)  # type: ignore[arg-type]
    assert covered(scope)  # the summary counts hold every one of these shapes
    assert trend_covered(scope) is kept


async def test_trend_counts_equal_the_live_as_of_read(container: Container, tenant: Tenant) -> None:
    rng = random.Random(61)
    pupils = [
        Pupil(
            f"s{i:02d}",
            school=i % 3,
            grade=rng.choice(["04", "05"]),
            demographics=_demographics(rng),
        )
        for i in range(30)
    ]
    ids = [p.id for p in pupils]
    await seed_roster(container, tenant, pupils)
    await seed_framework(container, tenant, len(COMPETENCIES))
    principal = principal_of(tenant)
    use_cases = container.use_cases
    times = [_observed(rng) for _ in range(400)]
    await post_scores(container, tenant, _random_scores(rng, ids, 120), at=lambda i: times[i])
    await _assert_trends_recounted(container, tenant, rng)

    # Later batches observed earlier than what came before (backdated): the entries hold from
    # the greatest valid time so far.
    await post_scores(container, tenant, _random_scores(rng, ids, 100), at=lambda i: times[150 + i])
    await use_cases.overrides.put_override(
        principal, "s01", "c000", level=None, status="mastered", reason="observed", expires_at=None
    )
    soon = container.adapters.clock.now() + timedelta(seconds=1)
    await use_cases.overrides.put_override(
        principal, "s02", "c001", level=None, status="not_yet", reason="retake", expires_at=soon
    )
    await use_cases.overrides.put_override(
        principal, "s03", "c002", level=None, status="mastered", reason="x", expires_at=None
    )
    await use_cases.overrides.clear_override(principal, "s03", "c002")
    await _assert_trends_recounted(container, tenant, rng)
    await asyncio.sleep(1.1)
    assert await use_cases.overrides.expire_overrides(principal) == 1
    await _assert_trends_recounted(container, tenant, rng)

    # Roster: s04 moves school, s05 joins a second one and changes grade, s06's demographics
    # change, s07 leaves; s08 is erased.
    def user(
        pupil_id: str,
        orgs: tuple[str, ...],
        grades: tuple[str, ...],
        status: RecordStatus = RecordStatus.ACTIVE,
    ) -> User:
        return User(
            id=pupil_id,
            role=UserRole.STUDENT,
            given_name="G",
            family_name="F",
            org_ids=orgs,
            grades=grades,
            status=status,
        )

    await use_cases.roster.put_records(
        tenant.id,
        [
            user("s04", ("school-2", "district"), ("05",)),
            user("s05", ("school-1", "school-2", "district"), ("04", "05")),
            Demographics(id="s06", sex=Sex.FEMALE, white=True, asian=True, english_learner=True),
            user("s07", ("school-1", "district"), ("05",), RecordStatus.TOBEDELETED),
        ],
    )
    await use_cases.student_data.erase_student(principal, "s08", confirm="s08")
    ids.remove("s08")
    await post_scores(container, tenant, _random_scores(rng, ids, 60), at=lambda i: times[300 + i])
    await _assert_trends_recounted(container, tenant, rng)

    # Entries voided and rewritten by an operator's SQL: the capture sees every writer.
    async with tenant_session(session_factory(container.engine), tenant.id) as session:
        h = _history
        seqs = [
            r[0]
            for r in await session.execute(
                sa.select(h.c.seq).where(h.c.tenant_id == tenant.id).order_by(h.c.seq)
            )
        ]
        await session.execute(
            sa.delete(h).where(h.c.tenant_id == tenant.id, h.c.seq.in_(seqs[::17]))
        )
        await session.execute(
            sa.update(h)
            .where(h.c.tenant_id == tenant.id, h.c.seq.in_(seqs[5::23]))
            .values(valid_from=datetime(2026, 7, 15, 12, tzinfo=UTC), status="not_yet")
        )
        await session.commit()
    await _assert_trends_recounted(container, tenant, rng)

    # Built from scratch, in steps of 7 students (PostgreSQL): the same counts, row for row
    # the ones kept on write, and the same trends.
    kept = await _trend_rows(container, tenant)
    await _forget_counts(container, tenant)
    async with tenant_session(session_factory(container.engine), tenant.id) as session:
        trends = table_of(TrendCountRow)
        await session.execute(sa.delete(trends).where(trends.c.tenant_id == tenant.id))
        await session.commit()
    refreshed = await SummaryRefresher(
        session_factory(container.engine), container.adapters.clock, build_step=7
    ).refresh(tenant.id)
    assert refreshed.rebuilt
    assert await _trend_rows(container, tenant) == kept
    await _assert_trends_recounted(container, tenant, rng)


async def _trend_rows(container: Container, tenant: Tenant) -> set[tuple[object, ...]]:
    """The tenant's trend count rows (n of 0 are swept, and count for nothing)."""
    trends = table_of(TrendCountRow)
    async with tenant_session(session_factory(container.engine), tenant.id) as session:
        rows = await session.execute(
            sa.select(trends).where(trends.c.tenant_id == tenant.id, trends.c.n != 0)
        )
        listed = list(rows)
    # None of a school and a grade at once (those trends are counted live).
    assert not [row for row in listed if row.school_id != "" and row.grade != ""]
    found = {tuple(row) for row in listed}
    assert len(found) > 100  # histories of 29 students: many groups, spans and months
    return found


async def test_an_entry_written_by_sql_alone_is_drained_by_the_keeper(
    own_container: Container,
) -> None:
    """A history entry with no decision change (an operator's backfill) is captured for the
    trends alone: the periodic refresh finds the tenant, and until it runs a reader that may
    not drain (SQLite's, a replica's without stale_ok) leaves the trend to the live read."""
    container = own_container
    tenant = await new_tenant(container)
    await seed_roster(container, tenant, [Pupil(f"p{i}", grade="05") for i in range(6)])
    await seed_framework(container, tenant, 2)
    await post_scores(container, tenant, [(f"p{i}", "c000", 3.0) for i in range(6)])
    sessions = session_factory(container.engine)
    refresher = SummaryRefresher(sessions, container.adapters.clock)
    await refresh_all(refresher)
    assert await tenants_to_refresh(sessions) == []
    async with tenant_session(sessions, tenant.id) as session:
        row = (
            await session.execute(
                sa.select(_history).where(_history.c.tenant_id == tenant.id).limit(1)
            )
        ).one()
        backfill = {**row._asdict(), "status": "not_yet"}
        del backfill["seq"]  # numbered by the table's sequence
        backfill["valid_from"] = datetime(2026, 7, 20, 8, tzinfo=UTC)
        await session.execute(sa.insert(_history).values(**backfill))
        await session.commit()
    assert await tenants_to_refresh(sessions) == [tenant.id]
    scope = _scopes("fw")[1]
    cuts = [datetime(2026, 7, 27, tzinfo=UTC), datetime(2026, 9, 2, 10, tzinfo=UTC)]
    assert (
        await SummaryCounts(sessions, catch_up=None).trend_counts(tenant.id, scope, ["2026-09-07"])
        is None
    )
    await refresh_all(refresher)
    kept = SqlReadModels(sessions, tenant.id, SummaryCounts(sessions, catch_up=None))
    expected = await SqlReadModels(sessions, tenant.id).decision_counts_before(scope, cuts)
    # Recorded after the result of 1 September, the backfill never holds before it (valid
    # from 20 July, carried forward to 1 September): nothing on 27 July, and from then on it
    # replaces that student's mastered.
    mastered, not_yet = MasteryStatus.MASTERED, MasteryStatus.NOT_YET
    assert expected == [{}, {("school-0", "c000"): {mastered: 5, not_yet: 1}}]
    assert await kept.decision_counts_before(scope, cuts) == expected


async def _queued(container: Container, tenant: Tenant) -> dict[str, int]:
    found: dict[str, int] = {}
    async with tenant_session(session_factory(container.engine), tenant.id) as session:
        for name in ("decision_status_changes", "trend_history_changes"):
            table = sa.table(name, sa.column("tenant_id"))
            found[name] = int(
                (
                    await session.execute(
                        sa.select(sa.func.count())
                        .select_from(table)
                        .where(table.c.tenant_id == tenant.id)
                    )
                ).scalar_one()
            )
    return found


async def test_a_summary_leaves_the_history_entries_to_trends_unless_the_roster_moved(
    container: Container, tenant: Tenant
) -> None:
    # A summary's catch-up drains what a summary reads; the history entries (the costly part,
    # each touched decision's history read again) wait for the keeper or a trend, except when
    # a roster change is followed: its recount from the whole history needs them drained first.
    await seed_roster(container, tenant, [Pupil(f"q{i}", school=i % 2) for i in range(6)])
    await seed_framework(container, tenant, 2)
    sessions = session_factory(container.engine)
    refresher = SummaryRefresher(sessions, container.adapters.clock)
    counts = SummaryCounts(sessions, catch_up=refresher)
    live, kept = SqlReadModels(sessions, tenant.id), SqlReadModels(sessions, tenant.id, counts)
    await refresher.refresh(tenant.id)
    scope = _scopes("fw")[1]
    cuts = [datetime(2026, 9, 7, tzinfo=UTC), container.adapters.clock.now()]

    await post_scores(container, tenant, [(f"q{i}", "c000", 3.0) for i in range(6)])
    assert await counts.decision_counts(tenant.id, scope) == await live.decision_counts(scope)
    queued = await _queued(container, tenant)
    assert queued["decision_status_changes"] == 0
    assert queued["trend_history_changes"] >= 6  # left for the trends
    assert await kept.decision_counts_before(scope, cuts) == await live.decision_counts_before(
        scope, cuts
    )
    assert await _queued(container, tenant) == {
        "decision_status_changes": 0,
        "trend_history_changes": 0,
    }

    # New entries, then q0 moves school: the summary follows the roster and so drains them.
    await post_scores(container, tenant, [(f"q{i}", "c001", 2.0) for i in range(6)])
    moved = User(
        id="q0",
        role=UserRole.STUDENT,
        given_name="G",
        family_name="F",
        org_ids=("school-1", "district"),
        grades=("05",),
    )
    await container.use_cases.roster.put_records(tenant.id, [moved])
    assert await counts.decision_counts(tenant.id, scope) == await live.decision_counts(scope)
    assert (await _queued(container, tenant))["trend_history_changes"] == 0
    assert await kept.decision_counts_before(scope, cuts) == await live.decision_counts_before(
        scope, cuts
    )


async def test_a_drain_carries_the_latest_valid_time_of_the_entries_it_does_not_read(
    container: Container, tenant: Tenant
) -> None:
    """A drain reads each touched decision from its last entry before the first one captured,
    carrying in the greatest valid time of the entries before (decision 0082). Here that time
    is an entry recorded first and valid latest (10 October): the entry recorded next, valid
    from 1 September, and the one drained after it, from 15 September, hold only from 10
    October. Counted from 15 September instead, the trend would differ at 1 October."""
    rng = random.Random(82)
    await _counted_tenant(container, tenant, rng)

    await _entry(container, tenant, datetime(2026, 10, 10, tzinfo=UTC), MasteryStatus.MASTERED)
    await _entry(container, tenant, datetime(2026, 9, 1, tzinfo=UTC), MasteryStatus.NOT_YET)
    await _assert_trends_recounted(container, tenant, rng)
    await _entry(container, tenant, datetime(2026, 9, 15, tzinfo=UTC), MasteryStatus.MASTERED)
    await _assert_trends_recounted(container, tenant, rng)


async def _entry(
    container: Container,
    tenant: Tenant,
    valid_from: datetime,
    status: MasteryStatus,
    session: AsyncSession | None = None,
) -> int:
    """A history entry of s00's first competency, written by SQL; its seq. In `session`,
    uncommitted, when one is given."""
    values = {
        "tenant_id": tenant.id,
        "student_id": "s00",
        "competency_id": COMPETENCIES[0],
        "framework_id": "fw",
        "changed_at": container.adapters.clock.now(),
        "cause": "evidence",
        "status": status.value,
        "computed_status": status.value,
        "valid_from": valid_from,
    }
    stmt = sa.insert(_history).values(**values).returning(_history.c.seq)
    if session is not None:
        return int((await session.execute(stmt)).scalar_one())
    async with tenant_session(session_factory(container.engine), tenant.id) as own:
        seq = int((await own.execute(stmt)).scalar_one())
        await own.commit()
        return seq


async def _kept_tail(
    container: Container, tenant: Tenant
) -> tuple[int | None, datetime | None] | None:
    """What the drains kept of s00's first competency: (last_seq, held_from); None: no row."""
    k = table_of(TrendTailRow)
    async with tenant_session(session_factory(container.engine), tenant.id) as session:
        row = (
            await session.execute(
                sa.select(k.c.last_seq, k.c.held_from).where(
                    k.c.tenant_id == tenant.id,
                    k.c.student_id == "s00",
                    k.c.competency_id == COMPETENCIES[0],
                )
            )
        ).one_or_none()
        return None if row is None else (row.last_seq, row.held_from)


async def _counted_tenant(container: Container, tenant: Tenant, rng: random.Random) -> None:
    """s00..s02 in three schools (as the scopes narrow to school-1), one result of s00 on the
    second competency, and the counts built: the entries written next are drained into them,
    not built from."""
    pupils = [Pupil(f"s{i:02d}", school=i, demographics=_demographics(rng)) for i in range(3)]
    await seed_roster(container, tenant, pupils)
    await seed_framework(container, tenant, len(COMPETENCIES))
    await post_scores(container, tenant, [("s00", COMPETENCIES[1], 4.0)])
    sessions = session_factory(container.engine)
    assert (await SummaryRefresher(sessions, container.adapters.clock).refresh(tenant.id)).built


async def test_a_drain_begins_where_the_last_one_ended_until_an_entry_before_is_deleted(
    container: Container, tenant: Tenant
) -> None:
    """A drain keeps each decision's last entry and greatest valid time, and the next one
    begins its tail there (decision 0084). Deleting an entry before that point makes what was
    kept wrong: here the entry valid latest (10 October) goes, so the entry drained after it
    (15 September) holds from 15 September, not from 10 October; kept and used, the trend
    would differ at 1 October."""
    rng = random.Random(84)
    await _counted_tenant(container, tenant, rng)
    october = datetime(2026, 10, 10, tzinfo=UTC)
    latest = await _entry(container, tenant, october, MasteryStatus.MASTERED)
    last = await _entry(container, tenant, datetime(2026, 9, 1, tzinfo=UTC), MasteryStatus.NOT_YET)
    await _assert_trends_recounted(container, tenant, rng)
    assert await _kept_tail(container, tenant) == (last, october)
    async with tenant_session(session_factory(container.engine), tenant.id) as session:
        await session.execute(sa.delete(_history).where(_history.c.seq == latest))
        await session.commit()
    await _assert_trends_recounted(container, tenant, rng)
    assert await _kept_tail(container, tenant) is None  # a deletion: unknown, forgotten
    september = datetime(2026, 9, 15, tzinfo=UTC)
    after = await _entry(container, tenant, september, MasteryStatus.MASTERED)
    await _assert_trends_recounted(container, tenant, rng)
    assert await _kept_tail(container, tenant) == (after, september)


async def test_a_kept_tail_carries_the_greatest_valid_time_from_the_drain_before(
    container: Container, tenant: Tenant
) -> None:
    """The greatest valid time a drain keeps is of all the decision's entries, not only those
    it captured (0084): drained one at a time, the entry valid from 10 October and then one
    recorded after it but valid from 1 September, the second drain keeps 10 October (carried
    from the first's kept row), and the entry drained third, valid from 15 September, holds
    only from 10 October. Kept as 1 September, the trend would differ at 1 October."""
    rng = random.Random(841)
    await _counted_tenant(container, tenant, rng)
    october = datetime(2026, 10, 10, tzinfo=UTC)
    first = await _entry(container, tenant, october, MasteryStatus.MASTERED)
    await _assert_trends_recounted(container, tenant, rng)
    assert await _kept_tail(container, tenant) == (first, october)
    backdated = datetime(2026, 9, 1, tzinfo=UTC)
    second = await _entry(container, tenant, backdated, MasteryStatus.NOT_YET)
    await _assert_trends_recounted(container, tenant, rng)
    assert await _kept_tail(container, tenant) == (second, october)
    september = datetime(2026, 9, 15, tzinfo=UTC)
    third = await _entry(container, tenant, september, MasteryStatus.MASTERED)
    await _assert_trends_recounted(container, tenant, rng)
    assert await _kept_tail(container, tenant) == (third, october)


async def test_an_entry_committed_after_a_later_one_was_drained_is_read_in_its_place(
    container: Container, tenant: Tenant
) -> None:
    """Sequence numbers are taken in one order and committed in another: an entry whose seq
    comes before the last one a drain kept, committed after that drain, must be read where it
    stands among the entries, not after them (0084). Its valid time (20 September) is the
    greatest before the entry drained with it (12 September), which therefore holds from 20
    September; begun after the kept entry, the tail would count it from 12 September, and the
    trend would differ at Monday 14 September."""
    if container.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's writers take turns: no transaction commits after a later one began")
    rng = random.Random(8)
    await _counted_tenant(container, tenant, rng)
    await _entry(container, tenant, datetime(2026, 9, 1, tzinfo=UTC), MasteryStatus.NOT_YET)
    async with tenant_session(session_factory(container.engine), tenant.id) as slow:
        early = datetime(2026, 9, 20, tzinfo=UTC)
        first = await _entry(container, tenant, early, MasteryStatus.MASTERED, slow)
        second = await _entry(
            container, tenant, datetime(2026, 9, 5, tzinfo=UTC), MasteryStatus.NOT_YET
        )
        assert first < second
        await _assert_trends_recounted(container, tenant, rng)  # drains `second`, not `first`
        assert await _kept_tail(container, tenant) == (second, datetime(2026, 9, 5, tzinfo=UTC))
        await slow.commit()
    await _entry(container, tenant, datetime(2026, 9, 12, tzinfo=UTC), MasteryStatus.MASTERED)
    await _assert_trends_recounted(container, tenant, rng)
