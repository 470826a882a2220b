"""Recording evidence on fakes: new, resent, changed, late and voided results, and batches that
are refused whole. Scores on the default scale; decaying average d = 0.65 x new + 0.35 x d."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from app.bootstrap import Policy
from app.domain.case.identifiers import derived
from app.domain.errors import Invalid, NotFound
from app.domain.mastery.decision import MasteryStatus
from app.domain.mastery.record import ChangeCause, DecisionRecord
from app.use_cases.catalog import UseCases
from app.use_cases.evidence import EvidenceInput, ItemOutcome, Outcome
from tests.fakes.clock import START
from tests.fakes.mastery import FakeDecisionRepository
from tests.fakes.state import EvidenceVersion
from tests.fakes.wiring import FakeAdapters
from tests.unit.use_cases.district import CALLER, TENANT, day, given

MASTERED, NOT_YET = MasteryStatus.MASTERED, MasteryStatus.NOT_YET


def item(
    score: float,
    when: float,
    source_id: str,
    student: str = "s1",
    competency: str = "n1",
    **more: object,
) -> EvidenceInput:
    return EvidenceInput(student, competency, score, day(when), source_id, **more)  # type: ignore[arg-type]


def shown(
    decisions: list[DecisionRecord],
) -> dict[str, tuple[MasteryStatus, float | None, float | None]]:
    """Each decision as (status, score, level value), by competency."""
    return {
        d.competency_id: (
            d.computed.status,
            d.computed.score,
            d.computed.level.value if d.computed.level else None,
        )
        for d in decisions
    }


@pytest.fixture
async def district(fakes: FakeAdapters) -> FakeAdapters:
    await given(fakes)
    return fakes


async def test_a_new_result_is_stored_and_decided(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    commits = district.database.commits
    batch = await use_cases.evidence.record_evidence(CALLER, [item(3, -2, "r1")])
    assert batch.items == [ItemOutcome("id-0001", Outcome.CREATED)]
    # n1: 3 (Proficient, mastered); its parent n: one of its two active children mastered,
    # the rule needs both: not yet, with the mean of the children's scores, 3.
    assert shown(batch.decisions) == {"n1": (MASTERED, 3.0, 3), "n": (NOT_YET, 3.0, 3)}
    stored = await use_cases.evidence.get_evidence(CALLER, "id-0001")
    assert (stored.source, stored.source_id, stored.score, stored.seq) == ("lms", "r1", 3.0, 1)
    assert district.database.commits == commits + 1


async def test_a_result_sent_again_unchanged_changes_nothing(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.evidence.record_evidence(CALLER, [item(3, -2, "r1")])
    history_before = list(district.database.tables(TENANT).decision_history)
    again = await use_cases.evidence.record_evidence(CALLER, [item(3, -2, "r1")])
    assert again.items == [ItemOutcome("id-0001", Outcome.UNCHANGED)]
    assert again.decisions == []
    tables = district.database.tables(TENANT)
    assert len(tables.evidence) == 1
    assert tables.decision_history == history_before


async def test_a_changed_result_replaces_the_stored_one(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    first = await use_cases.evidence.record_evidence(CALLER, [item(3, -2, "r1")])
    original = await use_cases.evidence.get_evidence(CALLER, "id-0001")
    district.clock.advance(hours=1)
    regraded = await use_cases.evidence.record_evidence(CALLER, [item(1, -2, "r1")])
    assert first.items[0].id == regraded.items[0].id == "id-0001"
    assert regraded.items == [ItemOutcome("id-0001", Outcome.UPDATED)]
    # Recomputed from the stored history, in which 1 replaced 3.
    assert shown(regraded.decisions) == {"n1": (NOT_YET, 1.0, 1), "n": (NOT_YET, 1.0, 1)}
    tables = district.database.tables(TENANT)
    # The first version is kept, replaced an hour after the start.
    assert tables.evidence_versions == [EvidenceVersion(original, 1, START + timedelta(hours=1))]
    assert (await use_cases.evidence.get_evidence(CALLER, "id-0001")).seq == original.seq


async def test_a_late_result_recomputes_from_the_history(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.evidence.record_evidence(CALLER, [item(2, -1, "r1")])
    # Observed before r1 but arriving after it: ordered by observation, 4 then 2:
    # 0.35 x 4 + 0.65 x 2 = 2.7 (in arrival order it would have been 3.3, mastered).
    late = await use_cases.evidence.record_evidence(CALLER, [item(4, -3, "r2")])
    assert shown(late.decisions)["n1"] == (NOT_YET, 2.7, 2)
    assert late.decisions[0].computed.evidence_count == 2
    # A result after both extends the stored state: 0.35 x 2.7 + 0.65 x 4 = 3.545, 3.55.
    after = await use_cases.evidence.record_evidence(CALLER, [item(4, -0.5, "r3")])
    assert shown(after.decisions)["n1"] == (MASTERED, 3.55, 3)


async def test_voiding_a_result_recomputes_without_it(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    batch = await use_cases.evidence.record_evidence(CALLER, [item(4, -2, "r1"), item(1, -1, "r2")])
    # 0.35 x 4 + 0.65 x 1 = 2.05
    assert shown(batch.decisions)["n1"] == (NOT_YET, 2.05, 2)
    district.clock.advance(minutes=30)
    voided = await use_cases.evidence.void_evidence(CALLER, "id-0002")
    assert voided.items == [ItemOutcome("id-0002", Outcome.UPDATED)]
    assert shown(voided.decisions)["n1"] == (MASTERED, 4.0, 4)
    voided_at = (await use_cases.evidence.get_evidence(CALLER, "id-0002")).voided_at
    assert voided_at == START + timedelta(minutes=30)
    history = await use_cases.mastery.decision_history(CALLER, "s1", "n1")
    # The batch's two results each left their step, dated when observed (4 alone on day -2,
    # then 2.05); the void holds from the voided result's day (-1).
    assert [(h.cause, h.status, h.score, h.valid_from) for h in history] == [
        (ChangeCause.EVIDENCE, MASTERED, 4.0, day(-2)),
        (ChangeCause.EVIDENCE, NOT_YET, 2.05, day(-1)),
        (ChangeCause.VOID, MASTERED, 4.0, day(-1)),
    ]
    commits = district.database.commits
    again = await use_cases.evidence.void_evidence(CALLER, "id-0002")
    assert (again.items, again.decisions) == ([ItemOutcome("id-0002", Outcome.UNCHANGED)], [])
    assert district.database.commits == commits
    with pytest.raises(NotFound):
        await use_cases.evidence.void_evidence(CALLER, "id-9999")


async def test_a_bad_batch_writes_nothing_and_lists_every_problem(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    commits = district.database.commits
    batch = [
        item(3, -1, "a"),  # fine on its own
        item(3, -1, "b", student="s404"),
        item(3, -1, "c", competency="zz"),
        item(3, -1, "d", competency="n3"),  # retired
        item(-1, -1, "e"),
        item(3, -1, "f", student="t1"),  # a teacher
        item(2, -1, "a"),  # the same result as item 0
        item(5, -1, "g", competency="n2"),  # above the scale, without a max_score
        item(3, 1, "h", competency="n2"),  # a day in the future
        item(3, -1, "i", student="s9"),  # retired
    ]
    with pytest.raises(Invalid) as refused:
        await use_cases.evidence.record_evidence(CALLER, batch)
    assert refused.value.detail == "9 problem(s) in the batch; nothing was written"
    assert [(p.loc, p.msg) for p in refused.value.problems] == [
        (("items", 1, "student_id"), "no student 's404'"),
        (("items", 2, "competency_id"), "no competency 'zz'"),
        (("items", 3, "competency_id"), "competency 'n3' is retired and takes no new evidence"),
        (("items", 4, "score"), "must be a finite number at or above 0"),
        (("items", 5, "student_id"), "no student 't1'"),
        (("items", 6, "source_id"), "repeats item 0 (same source, source_id and competency)"),
        (("items", 7, "score"), "must be at most 4 without a max_score"),
        (("items", 8, "observed_at"), "must not be in the future"),
        (("items", 9, "student_id"), "no student 's9'"),
    ]
    tables = district.database.tables(TENANT)
    assert (tables.evidence, tables.decisions, tables.decision_history) == ({}, {}, [])
    assert district.database.commits == commits


@pytest.mark.parametrize("size", [0, 4])
async def test_a_batch_holds_one_to_max_batch_items(district: FakeAdapters, size: int) -> None:
    use_cases = district.use_cases(Policy(max_batch=3))
    opened = len(district.database.opened)
    with pytest.raises(Invalid) as refused:
        await use_cases.evidence.record_evidence(
            CALLER, [item(3, -1, f"r{i}") for i in range(size)]
        )
    assert refused.value.detail == "A batch holds 1 to 3 items"
    assert [(p.loc, p.msg) for p in refused.value.problems] == [(("items",), f"has {size} items")]
    assert len(district.database.opened) == opened  # refused before any unit of work


async def test_a_batch_of_max_batch_items_is_recorded(district: FakeAdapters) -> None:
    use_cases = district.use_cases(Policy(max_batch=3))
    batch = await use_cases.evidence.record_evidence(
        CALLER, [item(3, -3, "r1"), item(3, -2, "r2"), item(3, -1, "r3", student="s2")]
    )
    assert [o.outcome for o in batch.items] == [Outcome.CREATED] * 3


async def test_a_competency_named_by_its_case_identifier(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    # The CFItem identifier this service serves for n1, which vendors align to.
    batch = await use_cases.evidence.record_evidence(
        CALLER, [item(3, -1, "r1", competency=derived("CFItem", "n1"))]
    )
    assert shown(batch.decisions)["n1"] == (MASTERED, 3.0, 3)
    stored = await use_cases.evidence.get_evidence(CALLER, "id-0001")
    assert stored.competency_id == "n1"


async def test_results_from_another_district_are_not_found(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    await use_cases.evidence.record_evidence(CALLER, [item(3, -1, "r1")])
    elsewhere = replace(CALLER, tenant_id=TENANT + 1)
    with pytest.raises(NotFound):
        await use_cases.evidence.get_evidence(elsewhere, "id-0001")
    with pytest.raises(Invalid):  # its student is no student there
        await use_cases.evidence.record_evidence(elsewhere, [item(3, -1, "r1")])


async def test_a_batch_that_fails_while_deciding_leaves_nothing(
    district: FakeAdapters, use_cases: UseCases, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def failing(*_args: object) -> None:
        raise RuntimeError("the database went away")

    # The evidence is written before the decisions: the failure comes after it.
    monkeypatch.setattr(FakeDecisionRepository, "save_many", failing)
    with pytest.raises(RuntimeError, match="went away"):
        await use_cases.evidence.record_evidence(CALLER, [item(3, -1, "r1")])
    tables = district.database.tables(TENANT)
    assert (tables.evidence, tables.decisions) == ({}, {})
    opened = district.database.opened[-1]
    assert (opened.closed, opened.committed) == (True, False)


async def test_a_batch_of_up_to_ten_results_says_its_unit_of_work_has_few_rows(
    district: FakeAdapters, use_cases: UseCases
) -> None:
    # The database may then reuse a plan made before (decision 0078); a larger batch has every
    # statement planned for its own rows.
    for size, few in ((1, True), (10, True), (11, False)):
        batch = [item(3, -1, f"r{size}-{n}", student=f"s{n % 2 + 1}") for n in range(size)]
        await use_cases.evidence.record_evidence(CALLER, batch)
        opened = district.database.opened[-1]
        assert (opened.committed, opened.few_rows) == (True, few)
