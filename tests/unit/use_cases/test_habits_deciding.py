"""Keeping habits-of-work decisions (app.use_cases.habits_deciding): a framework without a
counted habits-of-work category costs the ingest path no statement at all, and one with it
stores exactly the decisions with habits evidence (scale 1-4, the framework's default method,
the decaying average 0.65: [2, 4] gives 0.65 x 4 + 0.35 x 2 = 3.30)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.categories import EvidenceCategory
from app.domain.evidence import Evidence
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.refresh import Touch
from app.use_cases.habits_deciding import refresh_habits
from tests.fakes.habits import FakeHabitsDecisionRepository
from tests.fakes.state import TenantTables

NOW = datetime(2026, 10, 1, tzinfo=UTC)
COMPETENCY = Competency("c1", "M.1", "One")


class NoStatements:
    """A unit of work that fails when anything in it is used."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the unit of work's {name} was used")


def _result(score: float, day: int, category: str | None, seq: int) -> Evidence:
    return Evidence(
        id=f"e{seq}",
        student_id="s1",
        competency_id="c1",
        score=score,
        max_score=None,
        observed_at=NOW - timedelta(days=30 - day),
        source="test",
        source_id=f"r{seq}",
        category=category,
        seq=seq,
    )


async def test_a_framework_without_habits_costs_no_statement() -> None:
    plain = Framework("fw", "Plain", competencies=(COMPETENCY,))
    academic_only = Framework(
        "fw2",
        "Academic",
        categories=(EvidenceCategory("summative", 1), EvidenceCategory("homework", 0, False)),
        competencies=(Competency("c2", "M.2", "Two"),),
    )
    touches = [Touch("s1", "c1", new=(_result(3, 1, None, 1),)), Touch("s1", "c2", recompute=True)]
    frameworks = {"fw": plain, "fw2": academic_only}
    await refresh_habits(
        NoStatements(),  # type: ignore[arg-type]
        frameworks,
        {"c1": "fw", "c2": "fw2"},
        touches,
        {},
        NOW,
    )


class _Evidence:
    def __init__(self, histories: dict[tuple[str, str], list[Evidence]]) -> None:
        self.histories = histories
        self.asked: list[list[tuple[str, str]]] = []

    async def history(self, pairs: Any) -> dict[tuple[str, str], list[Evidence]]:
        self.asked.append(list(pairs))
        return {p: self.histories.get(p, []) for p in pairs}


class _Uow:
    def __init__(self, evidence: _Evidence, tables: TenantTables) -> None:
        self.evidence = evidence
        self.habits = FakeHabitsDecisionRepository(tables)


async def test_habits_decisions_are_stored_from_the_whole_history() -> None:
    framework = Framework(
        "fw",
        "Habits",
        categories=(EvidenceCategory("summative", 1), EvidenceCategory("homework", 1, True, True)),
        competencies=(COMPETENCY,),
    )
    history = [
        _result(2, 1, "homework", 1),
        _result(1, 2, "summative", 2),
        _result(4, 3, "homework", 3),
    ]
    tables = TenantTables()
    evidence = _Evidence({("s1", "c1"): history})
    uow = _Uow(evidence, tables)
    touch = Touch("s1", "c1", new=(history[-1],))
    await refresh_habits(uow, {"fw": framework}, {"c1": "fw"}, [touch], {}, NOW)  # type: ignore[arg-type]
    assert evidence.asked == [[("s1", "c1")]]
    stored = tables.habits_decisions[("s1", "c1")].computed
    # Homework only, decaying average 0.65: 0.65 x 4 + 0.35 x 2 = 3.30, mastered.
    assert (stored.status, stored.score, stored.evidence_count) == (
        MasteryStatus.MASTERED,
        3.3,
        2,
    )
    # The history already read for a recompute is not read again; with no habits result left
    # the decision is removed.
    academic = {("s1", "c1"): [_result(1, 2, "summative", 2)]}
    await refresh_habits(
        uow,  # type: ignore[arg-type]
        {"fw": framework},
        {"c1": "fw"},
        [Touch("s1", "c1", recompute=True)],
        academic,
        NOW,
    )
    assert evidence.asked == [[("s1", "c1")]]
    assert tables.habits_decisions == {}
