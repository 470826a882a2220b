"""Recording, reading and voiding evidence: every batch is all-or-nothing."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.access import Principal
from app.domain.errors import Invalid, NotFound, Problem
from app.domain.evidence import Evidence
from app.domain.evidence_acceptance import (
    Acceptance,
    EvidenceInput,
    ItemOutcome,
    Outcome,
    Replacing,
    UnreadItem,
    accept_batch,
)
from app.domain.frameworks import Framework
from app.domain.input_bounds import sequence_number
from app.domain.mastery.record import ChangeCause, DecisionRecord
from app.domain.mastery.refresh import touches_of
from app.ports.clock import Clock, IdGenerator
from app.ports.mastery import StudentCompetency
from app.ports.paging import Page
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.crosswalking import carry_batch
from app.use_cases.deciding import refresh
from app.use_cases.reassessing import reassess

_Item = EvidenceInput | UnreadItem
# A batch this small reads and writes a few rows in each statement: the database may reuse a
# plan (UnitOfWorkFactory's `few_rows`; decision 0078).
FEW_RESULTS = 10


def _named(items: Sequence[_Item], field: str) -> set[str]:
    """The student or competency ids the items name (an unread item may name none)."""
    return {name for i in items if (name := getattr(i, field))}


@dataclass(frozen=True)
class RecordedBatch:
    """What happened to each item, and every decision the batch changed (rollups included)."""

    items: list[ItemOutcome]
    decisions: list[DecisionRecord]
    frameworks: dict[str, Framework]
    # The instant the decisions are to be shown as of: when a command commits the batch, just
    # after its commit, as a read then would show them.
    shown_at: datetime


async def _named_by_case_identifier(
    uow: UnitOfWork, items: Sequence[_Item], framework_of: dict[str, str]
) -> Sequence[_Item]:
    """The items with a competency named by its CASE identifier (the CFItem identifier this
    service serves for a framework authored here, which vendors align to) named by its id;
    `items` itself when every competency id is known (the usual case: no query)."""
    missing = {i.competency_id for i in items if i.competency_id} - framework_of.keys()
    if not missing:
        return items
    owners = await uow.case.competency_owners(missing)
    if not owners:
        return items
    return [
        replace(i, competency_id=owners[i.competency_id][1]) if i.competency_id in owners else i
        for i in items
    ]


async def sync_evidence(
    uow: UnitOfWork,
    ids: IdGenerator,
    principal: Principal,
    *,
    source: str,
    source_ids: Collection[str],
    items: list[EvidenceInput],
    now: datetime,
    lock: Collection[str] = (),
) -> RecordedBatch:
    """In the caller's unit of work (no commit): make the evidence these source ids carry be
    exactly `items`. Items are recorded or updated (a voided one counts again); what the
    source ids made before and no longer make is voided. `lock`: more students whose decisions
    this may reach (those of the evidence before, when the caller knows them)."""
    return await _write(
        uow,
        ids,
        principal,
        items,
        now,
        replacing=(source, source_ids),
        lock=lock,
    )


async def _write(
    uow: UnitOfWork,
    ids: IdGenerator,
    principal: Principal,
    items: list[EvidenceInput],
    now: datetime,
    *,
    replacing: tuple[str, Collection[str]] | None = None,
    lock: Collection[str] = (),
) -> RecordedBatch:
    accepted, framework_of, frameworks = await _accept(
        uow,
        ids,
        principal,
        items,
        now,
        replacing=replacing,
        lock=lock,
    )
    accepted.raise_if_refused()
    more = {e.competency_id for e in accepted.previous} - framework_of.keys()
    if more:
        more_of, more_frameworks = await uow.frameworks.of_competencies(more)
        framework_of = {**framework_of, **more_of}
        frameworks = {**frameworks, **more_frameworks}
    # The results' copies for their exact matches in other frameworks, written with them.
    carried = await carry_batch(
        uow, [*accepted.created, *accepted.updated], frameworks, framework_of, ids.new_id, now
    )
    framework_of, frameworks, copies = carried.framework_of, carried.frameworks, carried.copies
    created = await uow.evidence.add_many([*accepted.created, *copies.created], framework_of, now)
    updated, previous = [*accepted.updated, *copies.updated], [*accepted.previous, *copies.previous]
    await uow.evidence.replace_many(updated, previous, now)
    touches = touches_of(created, updated, previous)
    refreshed = await refresh(uow, frameworks, framework_of, touches, now, accepted.cause)
    await reassess(uow, [*created, *updated, *previous], framework_of, now)
    return RecordedBatch(accepted.outcomes, refreshed.records, frameworks, now)


async def _accept(
    uow: UnitOfWork,
    ids: IdGenerator,
    principal: Principal,
    items: Sequence[_Item],
    now: datetime,
    *,
    replacing: tuple[str, Collection[str]] | None = None,
    lock: Collection[str] | None = (),
) -> tuple[Acceptance, dict[str, str], dict[str, Framework]]:
    """What the batch would do, against the stored rows (`lock` None: a check only, which
    writes nothing and locks no one). An UnreadItem has its references checked only."""
    read = [i for i in items if isinstance(i, EvidenceInput)]
    # The students are locked before the stored evidence is read, so that a concurrent batch
    # for the same students is seen whole or not at all.
    opened = await uow.open_batch(
        _named(items, "competency_id"),
        _named(items, "student_id"),
        lock=None if lock is None else {i.student_id for i in read} | set(lock),
    )
    framework_of, frameworks, students = opened.framework_of, opened.frameworks, opened.students
    named = await _named_by_case_identifier(uow, items, framework_of)
    if named is not items:
        items = named
        read = [i for i in items if isinstance(i, EvidenceInput)]
        framework_of, frameworks = await uow.frameworks.of_competencies(
            _named(items, "competency_id")
        )
    sender = principal.client_id
    stored = await uow.evidence.find({i.key(sender) for i in read})
    earlier = None
    if replacing is not None:
        source, source_ids = replacing
        earlier = Replacing(await uow.evidence.from_sources(source, source_ids))
    accepted = accept_batch(
        items,
        sender=sender,
        new_id=ids.new_id,
        frameworks=frameworks,
        framework_of=framework_of,
        students=students,
        stored=stored,
        now=now,
        replacing=earlier,
    )
    return accepted, framework_of, frameworks


@dataclass(frozen=True, kw_only=True)
class EvidenceRecords:
    """Assessment results: recorded in all-or-nothing batches, read, voided."""

    uow: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator
    max_batch: int

    async def record_evidence(
        self, principal: Principal, items: list[EvidenceInput]
    ) -> RecordedBatch:
        """Store a batch of results and update every decision they reach, or nothing at all."""
        if not 1 <= len(items) <= self.max_batch:
            raise Invalid(
                f"A batch holds 1 to {self.max_batch} items",
                [Problem(("items",), f"has {len(items)} items")],
            )
        now = self.clock.now()
        few = len(items) <= FEW_RESULTS
        async with self.uow(principal.tenant_id, few_rows=few) as uow:
            batch = await _write(uow, self.ids, principal, items, now)
            await uow.commit()
        return replace(batch, shown_at=self.clock.now())

    async def problems_of(
        self, principal: Principal, items: Sequence[EvidenceInput | UnreadItem]
    ) -> list[Problem]:
        """Every problem `record_evidence` would find in these items, nothing written: for a
        batch some of whose items could not even be read (UnreadItem: their references only),
        so that one answer lists every other problem too (students, competencies, ranges,
        repeats)."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            accepted, _, _ = await _accept(
                uow, self.ids, principal, items, self.clock.now(), lock=None
            )
        return accepted.problems

    async def get_evidence(self, principal: Principal, evidence_id: str) -> Evidence:
        """One result of the caller's district."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            evidence = await uow.evidence.get(evidence_id)
        if evidence is None:
            raise NotFound(f"No evidence {evidence_id!r}")
        return evidence

    async def list_evidence(
        self,
        principal: Principal,
        *,
        student_id: str | None,
        competency_id: str | None,
        since: datetime | None,
        after: str | None,
        limit: int,
    ) -> Page[Evidence]:
        """A page of evidence in arrival order."""
        if after is not None and sequence_number(after) is None:
            raise Invalid("The cursor is not valid", [Problem(("query", "cursor"), "not a cursor")])
        async with self.uow(principal.tenant_id, writes=False) as uow:
            return await uow.evidence.list(
                student_id=student_id,
                competency_id=competency_id,
                since=since,
                after=after,
                limit=limit,
            )

    async def void_evidence(self, principal: Principal, evidence_id: str) -> RecordedBatch:
        """Void a result: kept, no longer counted; its decision (and rollups) are recomputed."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            evidence = await uow.evidence.get(evidence_id)
            if evidence is None:
                raise NotFound(f"No evidence {evidence_id!r}")
            if evidence.voided_at is not None:
                unchanged = [ItemOutcome(evidence.id, Outcome.UNCHANGED)]
                return RecordedBatch(unchanged, [], {}, self.clock.now())
            await uow.decisions.lock_students([evidence.student_id])
            framework_of, frameworks = await uow.frameworks.of_competencies(
                {evidence.competency_id}
            )
            voided = replace(evidence, voided_at=now)
            # Its copies in other frameworks (app.domain.crosswalk) are voided with it.
            carried = await carry_batch(
                uow, [voided], frameworks, framework_of, self.ids.new_id, now
            )
            framework_of, frameworks, copies = (
                carried.framework_of,
                carried.frameworks,
                carried.copies,
            )
            await uow.evidence.replace_many(
                [voided, *copies.updated], [evidence, *copies.previous], now
            )
            touches = touches_of([], [voided, *copies.updated], [])
            refreshed = await refresh(uow, frameworks, framework_of, touches, now, ChangeCause.VOID)
            await reassess(uow, [evidence, *copies.previous], framework_of, now)
            await uow.commit()
        updated = [ItemOutcome(evidence.id, Outcome.UPDATED)]
        return RecordedBatch(updated, refreshed.records, frameworks, self.clock.now())

    async def evidence_of_decisions(
        self, principal: Principal, pairs: Collection[StudentCompetency]
    ) -> dict[StudentCompetency, list[Evidence]]:
        """Every result (voided too) behind each (student, competency), in arrival order."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            found = await uow.evidence.history(pairs)
        return {p: sorted(found.get(p, []), key=lambda e: e.seq or 0) for p in pairs}
