"""A teacher's overrides on fakes: set, replaced, expired and cleared; the engine's decision
stays beside them, and `as_of` reads see the override in force then."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.errors import Invalid, NotFound
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.record import ChangeCause
from app.use_cases.catalog import UseCases
from app.use_cases.evidence import EvidenceInput
from app.use_cases.mastery import DecisionView
from tests.fakes.clock import START
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT, day, given

MASTERED, NOT_YET = MasteryStatus.MASTERED, MasteryStatus.NOT_YET


@pytest.fixture
async def district(fakes: FakeAdapters, use_cases: UseCases) -> FakeAdapters:
    await given(fakes)
    # g: one result of 2 (Developing): not yet.
    await use_cases.evidence.record_evidence(CALLER, [EvidenceInput("s1", "g", 2, day(-2), "r1")])
    return fakes


def seen(v: DecisionView) -> tuple[MasteryStatus, float | None, float | None, bool]:
    s = v.shown
    return (s.status, s.score, s.level.value if s.level else None, s.overridden)


def computed(v: DecisionView) -> tuple[MasteryStatus, float | None]:
    return (v.computed.status, v.computed.score)


async def current(use_cases: UseCases, competency: str = "g", **read: object) -> DecisionView:
    views = await use_cases.mastery.student_mastery(CALLER, "s1", framework_id="math", **read)  # type: ignore[arg-type]
    return next(v for v in views if v.competency_id == competency)


async def put(use_cases: UseCases, competency: str = "g", **override: object) -> DecisionView:
    values: dict[str, object] = {
        "level": None,
        "status": None,
        "reason": "portfolio",
        "expires_at": None,
    }
    values.update(override)
    return await use_cases.overrides.put_override(CALLER, "s1", competency, **values)  # type: ignore[arg-type]


async def test_a_level_override_shows_over_the_engines_decision(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    view = await put(use_cases, level=4, expires_at=day(10))
    assert seen(view) == (MASTERED, 4, 4, True)
    assert computed(view) == (NOT_YET, 2.0)
    # New evidence moves the engine's decision, not the override:
    # 0.35 x 2 + 0.65 x 1 = 1.35.
    await use_cases.evidence.record_evidence(CALLER, [EvidenceInput("s1", "g", 1, day(-1), "r2")])
    after = await current(use_cases)
    assert seen(after) == (MASTERED, 4, 4, True)
    assert computed(after) == (NOT_YET, 1.35)
    history = await use_cases.mastery.decision_history(CALLER, "s1", "g")
    # The engine's level moved (2 to 1): history, though what shows did not move.
    assert [
        (h.cause, h.status, h.overridden, h.computed_status, h.computed_score) for h in history
    ] == [
        (ChangeCause.EVIDENCE, NOT_YET, False, NOT_YET, 2.0),
        (ChangeCause.OVERRIDE_SET, MASTERED, True, NOT_YET, 2.0),
        (ChangeCause.EVIDENCE, MASTERED, True, NOT_YET, 1.35),
    ]


async def test_a_status_override_keeps_the_engines_score(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    view = await put(use_cases, status="mastered")
    assert seen(view) == (MASTERED, 2.0, 2, True)


async def test_an_override_may_come_before_any_evidence(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    view = await put(use_cases, "n2", level=3)
    assert seen(view) == (MASTERED, 3, 3, True)
    assert computed(view) == (MasteryStatus.NO_EVIDENCE, None)
    assert ("s1", "n2") in district.database.tables(TENANT).decisions


async def test_an_expired_override_stops_showing_in_stored_decisions(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await put(use_cases, level=4, expires_at=day(1))
    stored = district.database.tables(TENANT).decisions
    assert stored[("s1", "g")].shown_status is MASTERED  # what reports count
    district.clock.set(day(3))
    # A read of now lets expired overrides stop showing first (a parent's stored rollup counted
    # them), so the stored row follows at once and nothing is left to expire.
    assert seen(await current(use_cases)) == (NOT_YET, 2.0, 2, False)
    assert await use_cases.overrides.expire_overrides(CALLER) == 0
    assert stored[("s1", "g")].shown_status is NOT_YET
    assert stored[("s1", "g")].record.override is None
    history = await use_cases.mastery.decision_history(CALLER, "s1", "g")
    # Dated when it expired, not when it was noticed.
    assert [(h.cause, h.changed_at, h.status) for h in history[1:]] == [
        (ChangeCause.OVERRIDE_SET, START, MASTERED),
        (ChangeCause.OVERRIDE_EXPIRED, day(1), NOT_YET),
    ]
    assert await use_cases.overrides.expire_overrides(CALLER) == 0


async def test_a_cleared_override_still_shows_as_of_before_it(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await put(use_cases, level=4)
    district.clock.advance(hours=2)
    view = await use_cases.overrides.clear_override(CALLER, "s1", "g")
    assert seen(view) == (NOT_YET, 2.0, 2, False)
    history = await use_cases.mastery.decision_history(CALLER, "s1", "g")
    assert [h.cause for h in history] == [
        ChangeCause.EVIDENCE,
        ChangeCause.OVERRIDE_SET,
        ChangeCause.OVERRIDE_CLEARED,
    ]
    an_hour_in = START + timedelta(hours=1)
    assert seen(await current(use_cases, as_of=an_hour_in)) == (MASTERED, 4, 4, True)
    with pytest.raises(NotFound):
        await use_cases.overrides.clear_override(CALLER, "s1", "g")


async def test_a_new_override_replaces_the_one_in_force(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await put(use_cases, level=4)
    district.clock.advance(hours=2)
    await put(use_cases, status="not_yet", reason="retested")
    assert seen(await current(use_cases)) == (NOT_YET, 2.0, 2, True)
    an_hour_in = START + timedelta(hours=1)
    assert seen(await current(use_cases, as_of=an_hour_in)) == (MASTERED, 4, 4, True)
    rows = sorted(district.database.tables(TENANT).overrides.values(), key=lambda r: r.seq)
    assert [(r.recorded.override.reason, r.recorded.cleared_at) for r in rows] == [
        ("portfolio", START + timedelta(hours=2)),
        ("retested", None),
    ]


async def test_a_bad_override_lists_every_problem_and_writes_nothing(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    commits = district.database.commits
    with pytest.raises(Invalid) as refused:
        await put(use_cases, level=2.5, reason=" ", expires_at=day(-1))
    assert [(p.loc, p.msg) for p in refused.value.problems] == [
        (("level",), "must be a level of the scale: 1, 2, 3, 4"),
        (("reason",), "is required"),
        (("expires_at",), "must be after the override is set"),
    ]
    assert district.database.commits == commits
    assert district.database.tables(TENANT).overrides == {}


async def test_an_override_needs_a_student_and_a_competency(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    with pytest.raises(NotFound, match="No user 's404'"):
        await use_cases.overrides.put_override(
            CALLER, "s404", "g", level=4, status=None, reason="x", expires_at=None
        )
    with pytest.raises(NotFound, match="No competency 'zz'"):
        await put(use_cases, "zz", level=4)
