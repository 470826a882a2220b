"""The summary counts kept on write (docs/decisions/0056-summary-counts.md) equal a recount by
the live GROUP BY (app.adapters.db.queries, the reference) after random histories: results
that change decisions, overrides set and expired, a student moved to another school and into a
second one, demographics changed, a grade changed, a student made inactive, a school closed.
Every scope shape the counts answer is compared, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import random
from dataclasses import replace
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.adapters.db import summary_reads, summary_refresh
from app.adapters.db.engine import session_factory
from app.adapters.db.queries import SqlReadModels
from app.adapters.db.row_security import tenant_session
from app.adapters.db.summary_keeper import refresh_all
from app.adapters.db.summary_reads import SummaryCounts, covered
from app.adapters.db.summary_refresh import SummaryRefresher
from app.adapters.db.summary_tables import SummaryCountRow, SummaryRefreshRow
from app.adapters.db.tables import table_of
from app.adapters.db.trend_tables import TrendCountRow
from app.bootstrap import Container
from app.domain.access import Tenant
from app.domain.denominators import GroupCompetencies
from app.domain.mastery.habits import DecisionKind
from app.domain.reporting import Dimension as D
from app.domain.roster import Demographics, Org, OrgType, RecordStatus, Sex, User, UserRole
from app.ports.reports import ReportScope
from tests.api.district_data import Pupil, post_scores, principal_of, seed_framework, seed_roster
from tests.conftest import new_tenant

COMPETENCIES = [f"c{i:03d}" for i in range(4)]
SEXES = [None, *Sex]


def _demographics(rng: random.Random) -> dict[str, object] | None:
    if rng.random() < 0.15:
        return None  # no demographics: unknown race, no sex, no flags
    flags = ["asian", "white", "black_or_african_american", "hispanic_or_latino"]
    found: dict[str, object] = {f: rng.random() < 0.35 for f in flags}
    found["sex"] = rng.choice(SEXES)
    for flag in ("english_learner", "special_education", "economically_disadvantaged"):
        found[flag] = rng.choice([True, False, None])
    return found


def _scopes(framework: str) -> list[ReportScope]:
    every = tuple(COMPETENCIES)
    base = ReportScope(framework_id=framework, competency_ids=every)
    by_grade = GroupCompetencies(
        by_group={"04": ("c000", "c001"), "05": ("c002",)}, others=("c003",)
    )
    return [
        base,
        replace(base, dimensions=(D.SCHOOL, D.COMPETENCY)),
        replace(base, dimensions=(D.GRADE,)),
        replace(base, dimensions=(D.COMPETENCY, D.SCHOOL, D.GRADE)),
        replace(base, dimensions=(D.RACE_ETHNICITY, D.COMPETENCY)),
        replace(base, dimensions=(D.SCHOOL, D.ENGLISH_LEARNER)),
        replace(base, dimensions=(D.SEX, D.GRADE)),
        replace(base, dimensions=(D.SPECIAL_EDUCATION,), school_id="school-1"),
        replace(base, dimensions=(D.COMPETENCY,), school_id="school-2", grade="05"),
        replace(base, dimensions=(D.SCHOOL,), grade="04"),
        replace(
            base,
            dimensions=(D.SCHOOL, D.COMPETENCY),
            subgroups={D.ECONOMICALLY_DISADVANTAGED: True},
        ),
        replace(base, dimensions=(D.RACE_ETHNICITY,), subgroups={D.RACE_ETHNICITY: "white"}),
        replace(base, dimensions=(D.GRADE,), subgroups={D.SEX: "female"}),
        replace(
            base,
            dimensions=(D.SCHOOL, D.COMPETENCY),
            competency_ids=every[:3],
            excluded_competency_ids=every[3:],
        ),
        replace(base, dimensions=(D.SCHOOL, D.COMPETENCY, D.GRADE), group_competencies=by_grade),
    ]


async def _assert_recounted(container: Container, tenant: Tenant, framework: str) -> None:
    sessions = session_factory(container.engine)
    live = SqlReadModels(sessions, tenant.id)
    counts = SummaryCounts(sessions, catch_up=SummaryRefresher(sessions, container.adapters.clock))
    for scope in _scopes(framework):
        assert covered(scope)
        expected = await live.decision_counts(scope)
        found = await counts.decision_counts(tenant.id, scope)
        assert found == expected, scope
        students = await live.population(scope)
        assert await counts.population(tenant.id, scope) == students, scope
    # Not a comparison of two empty answers.
    assert sum(sum(s.values()) for s in expected.values()) > 0
    assert sum(students.values()) > 0
    # A group that no decision is in any more has no row (not a row at zero), trends included.
    await SummaryRefresher(sessions, container.adapters.clock).refresh(tenant.id)
    async with tenant_session(sessions, tenant.id) as session:
        for table in (SummaryCountRow, TrendCountRow):
            c = table_of(table).c
            at_zero = sa.select(sa.func.count()).where(c.tenant_id == tenant.id, c.n == 0)
            assert await session.scalar(at_zero) == 0, table


def _random_scores(rng: random.Random, students: list[str], n: int) -> list[tuple[str, str, float]]:
    return [
        (rng.choice(students), rng.choice(COMPETENCIES), rng.choice([1.0, 2.0, 3.0, 4.0]))
        for _ in range(n)
    ]


async def test_counts_equal_a_recount_after_random_histories(
    container: Container, tenant: Tenant
) -> None:
    rng = random.Random(14)
    pupils = [
        Pupil(
            f"s{i:02d}",
            school=i % 3,
            grade=rng.choice(["04", "05"]),
            demographics=_demographics(rng),
        )
        for i in range(36)
    ]
    ids = [p.id for p in pupils]
    await seed_roster(container, tenant, pupils)
    await seed_framework(container, tenant, len(COMPETENCIES))
    principal = principal_of(tenant)
    use_cases = container.use_cases
    await post_scores(container, tenant, _random_scores(rng, ids, 120))
    await _assert_recounted(container, tenant, "fw")

    # Later results change statuses; overrides set one for good and one for a second.
    later = lambda i: container.adapters.clock.now() - timedelta(minutes=200 - i)  # noqa: E731
    await post_scores(container, tenant, _random_scores(rng, ids, 80), at=later)
    await use_cases.overrides.put_override(
        principal, "s01", "c000", level=None, status="mastered", reason="observed", expires_at=None
    )
    soon = container.adapters.clock.now() + timedelta(seconds=1)
    await use_cases.overrides.put_override(
        principal, "s02", "c001", level=None, status="not_yet", reason="retake", expires_at=soon
    )
    await _assert_recounted(container, tenant, "fw")
    await asyncio.sleep(1.1)
    assert await use_cases.overrides.expire_overrides(principal) == 1
    await _assert_recounted(container, tenant, "fw")

    # Roster: s03 moves to school 2, s04 joins a second school, s05 changes grade,
    # s06's demographics change, s07 leaves (inactive), school 1 closes: all in one refresh.
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
            user("s03", ("school-2", "district"), ("05",)),
            user("s04", ("school-1", "school-2", "district"), ("04",)),
            user("s05", ("school-2", "district"), ("04", "05")),
            Demographics(id="s06", sex=Sex.FEMALE, white=True, asian=True, english_learner=True),
            user("s07", ("school-1", "district"), ("05",), RecordStatus.TOBEDELETED),
        ],
    )
    await _assert_recounted(container, tenant, "fw")
    await use_cases.roster.put_records(
        tenant.id,
        [Org(id="school-1", name="School 1", type=OrgType.SCHOOL, status=RecordStatus.TOBEDELETED)],
    )
    await post_scores(container, tenant, _random_scores(rng, ids, 40), at=later)
    await _assert_recounted(container, tenant, "fw")
    # Built afresh from the decisions (a tenant older than the counts, a bulk load), with a
    # student in two schools and one in two grades among them: the same counts.
    await _forget_counts(container, tenant)
    refreshed = await SummaryRefresher(sessions_of(container), container.adapters.clock).refresh(
        tenant.id
    )
    assert refreshed.rebuilt
    await _assert_recounted(container, tenant, "fw")


def sessions_of(container: Container) -> async_sessionmaker[AsyncSession]:
    return session_factory(container.engine)


async def _forget_counts(container: Container, tenant: Tenant) -> None:
    async with tenant_session(sessions_of(container), tenant.id) as session:
        refreshes = table_of(SummaryRefreshRow)
        await session.execute(
            sa.update(refreshes).where(refreshes.c.tenant_id == tenant.id).values(built=False)
        )
        await session.execute(
            sa.delete(table_of(SummaryCountRow)).where(
                table_of(SummaryCountRow).c.tenant_id == tenant.id
            )
        )
        await session.commit()


async def test_the_periodic_refresh_drains_every_tenant_and_reads_need_no_catch_up(
    own_container: Container,
) -> None:
    container = own_container
    tenant = await new_tenant(container)
    await seed_roster(container, tenant, [Pupil(f"p{i}", grade="05") for i in range(12)])
    await seed_framework(container, tenant, 2)
    await post_scores(container, tenant, [(f"p{i}", "c000", 3.0) for i in range(12)])
    sessions = session_factory(container.engine)
    refresher = SummaryRefresher(sessions, container.adapters.clock)
    scope = ReportScope(
        framework_id="fw", competency_ids=("c000", "c001"), dimensions=(D.SCHOOL, D.COMPETENCY)
    )
    # A reader that may not drain (SQLite's) leaves changes not yet drained to the live count.
    assert await SummaryCounts(sessions, catch_up=None).decision_counts(tenant.id, scope) is None
    assert await refresh_all(refresher) >= 1
    # As a replica reads them: no catch-up, the counts as the last refresh left them.
    counts = await SummaryCounts(sessions, catch_up=None, stale_ok=True).decision_counts(
        tenant.id, scope
    )
    assert counts == await SqlReadModels(sessions, tenant.id).decision_counts(scope)
    assert counts is not None
    assert {k: dict(v) for k, v in counts.items()} == {("school-0", "c000"): {"mastered": 12}}


@pytest.mark.parametrize(
    "shape",
    [
        {"dimensions": (D.CLASS,)},
        {"class_id": "class-0"},
        {"dimensions": (D.SEX,), "subgroups": {D.ENGLISH_LEARNER: True}},
        {"kind": DecisionKind.HABITS_OF_WORK},
        {"group_competencies": GroupCompetencies({}, (), D.CLASS), "dimensions": (D.CLASS,)},
    ],
)
def test_shapes_the_counts_do_not_hold_are_counted_live(shape: dict[str, object]) -> None:
    scope = replace(ReportScope(framework_id="fw", competency_ids=("c",)), **shape)  # type: ignore[arg-type]
    assert not covered(scope)


async def test_refreshes_racing_each_other_and_writes_count_every_change_once(
    container: Container, tenant: Tenant
) -> None:
    rng = random.Random(56)
    pupils = [Pupil(f"r{i:02d}", school=i % 3, demographics=_demographics(rng)) for i in range(20)]
    ids = [p.id for p in pupils]
    await seed_roster(container, tenant, pupils)
    await seed_framework(container, tenant, len(COMPETENCIES))
    sessions = session_factory(container.engine)
    refresher = SummaryRefresher(sessions, container.adapters.clock)

    async def write(batch: int) -> None:
        later = lambda i: container.adapters.clock.now() - timedelta(minutes=100 - i)  # noqa: E731
        await post_scores(container, tenant, _random_scores(rng, ids, 30), at=later)

    # Writers and refreshers interleave; a refresh that began before another's commit is run
    # again (PostgreSQL) or waits for the write lock (SQLite).
    await asyncio.gather(
        *(write(b) for b in range(3)), *(refresher.refresh(tenant.id) for _ in range(4))
    )
    await _assert_recounted(container, tenant, "fw")


async def test_a_bulk_load_is_built_again_by_the_keeper_not_by_a_readers_summary(
    container: Container, tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Any change counts as a bulk load here; in service, more than 10,000 and more than the
    # decisions counted so far (0056): a build then reads every decision and history entry,
    # minutes at 10M, which must not happen inside a summary's request.
    monkeypatch.setattr(summary_refresh, "_REBUILD_AT_LEAST", 0)
    await seed_roster(container, tenant, [Pupil(f"b{i}", grade="05") for i in range(6)])
    await seed_framework(container, tenant, 2)
    sessions = session_factory(container.engine)
    refresher = SummaryRefresher(sessions, container.adapters.clock)
    await refresher.refresh(tenant.id)  # built, counting nothing yet
    await post_scores(container, tenant, [(f"b{i}", "c000", 3.0) for i in range(6)])
    scope = ReportScope(
        framework_id="fw", competency_ids=("c000", "c001"), dimensions=(D.SCHOOL, D.COMPETENCY)
    )
    reader = SummaryCounts(sessions, catch_up=refresher)
    assert await reader.decision_counts(tenant.id, scope) is None  # the live count answers
    assert (await refresher.refresh(tenant.id, build=False)).built is False  # left as it was
    assert (await refresher.refresh(tenant.id)).rebuilt  # the keeper's round builds it
    found = await reader.decision_counts(tenant.id, scope)
    assert found is not None
    assert {k: dict(v) for k, v in found.items()} == {("school-0", "c000"): {"mastered": 6}}


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
async def test_a_summary_does_not_wait_out_another_refresh_of_its_tenant(
    container: Container, tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summary_reads, "_TURN_WAIT_SECONDS", 0.2)
    await seed_roster(container, tenant, [Pupil(f"w{i}", grade="05") for i in range(3)])
    await seed_framework(container, tenant, 2)
    sessions = session_factory(container.engine)
    refresher = SummaryRefresher(sessions, container.adapters.clock)
    await refresher.refresh(tenant.id)
    await post_scores(container, tenant, [(f"w{i}", "c001", 3.0) for i in range(3)])  # pending
    scope = ReportScope(framework_id="fw", competency_ids=("c001",), dimensions=(D.SCHOOL,))
    reader = SummaryCounts(sessions, catch_up=refresher)
    async with container.engine.connect() as keeper, keeper.begin():
        # What a keeper's long build holds for its whole transaction.
        await keeper.execute(
            sa.text("SELECT pg_advisory_xact_lock(:c, :t)"),
            {"c": summary_refresh._LOCK_CLASS, "t": tenant.id},
        )
        assert await refresher.wait_for_turn(tenant.id, within=0.2) is False
        assert await reader.decision_counts(tenant.id, scope) is None  # counted live instead
    assert await refresher.wait_for_turn(tenant.id, within=0.2) is True
    found = await reader.decision_counts(tenant.id, scope)  # its turn now: caught up
    assert found is not None
    assert {k: dict(v) for k, v in found.items()} == {("school-0",): {"mastered": 3}}


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
async def test_the_counts_can_be_updated_in_place(container: Container) -> None:
    """What PostgreSQL needs to update a count in place (a HOT update: no index entry, the old
    version pruned as the page is read, autovacuum or not): no index reads `n`, and the pages
    leave room for a new version of every row (0073)."""
    async with container.engine.connect() as connection:
        for table in ("summary_counts", "trend_counts"):
            options = await connection.scalar(
                sa.text("SELECT reloptions FROM pg_class WHERE oid = CAST(:t AS regclass)"),
                {"t": table},
            )
            assert options == ["fillfactor=50"], table
            # Every index of the table, by the columns it holds and its predicate.
            reading_n = await connection.scalar(
                sa.text(
                    "SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid = "
                    "i.indrelid AND a.attname = 'n' WHERE i.indrelid = CAST(:t AS regclass) "
                    "AND (a.attnum = ANY(i.indkey) OR pg_get_expr(i.indpred, i.indrelid) "
                    "LIKE '%n %' OR i.indexprs IS NOT NULL)"
                ),
                {"t": table},
            )
            assert reading_n == 0, table
            indexes = await connection.scalar(
                sa.text("SELECT count(*) FROM pg_index WHERE indrelid = CAST(:t AS regclass)"),
                {"t": table},
            )
            assert indexes == 1, table  # the primary key alone
