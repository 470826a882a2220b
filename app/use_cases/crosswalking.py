"""Carrying results across frameworks in the unit of work that writes them: the rule is the
domain's (app.domain.crosswalk); this module loads the crosswalk and the stored copies.

A tenant without `exactMatchOf` associations pays one indexed query per batch, whatever its
size, and nothing more."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.domain.case.identifiers import item_identifier
from app.domain.crosswalk import (
    Carried,
    Crosswalk,
    carried_keys,
    carry_across,
    copies_between,
    crosswalk_of,
    sent_keys,
)
from app.domain.crosswalk import voided_copies as voided_copies_of
from app.domain.evidence import CROSSWALK_SOURCE, Evidence
from app.domain.frameworks import Framework
from app.domain.mastery.record import ChangeCause
from app.domain.mastery.refresh import touches_of
from app.ports.unit_of_work import UnitOfWork
from app.use_cases.deciding import refresh

# Students read (and locked) at a time when a crosswalk made or removed reaches stored results.
STUDENTS_PAGE = 500


@dataclass
class CarriedBatch:
    """The carried copies a write makes or changes, and the frameworks they reach."""

    copies: Carried
    framework_of: dict[str, str] = field(default_factory=dict)
    frameworks: dict[str, Framework] = field(default_factory=dict)


async def crosswalk_for(
    uow: UnitOfWork,
    competency_ids: Collection[str],
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
) -> Crosswalk:
    """The exact matches of these competencies (known in `framework_of`) in other frameworks."""
    identifiers = set(competency_ids)
    for competency_id in competency_ids:
        framework = frameworks[framework_of[competency_id]]
        identifiers.add(item_identifier(framework.competency(competency_id)))
    links = await uow.case.exact_match_links(identifiers)
    if not links:
        return Crosswalk()
    owners = await uow.case.competency_owners({end for link in links for end in link})
    return crosswalk_of(links, owners)


async def carry_batch(
    uow: UnitOfWork,
    originals: Sequence[Evidence],
    frameworks: Mapping[str, Framework],
    framework_of: Mapping[str, str],
    new_id: Callable[[], str],
    now: datetime,
) -> CarriedBatch:
    """The carried copies of these originals (new or changed results, as they now stand):
    made, changed or revived with them; those of a voided original are voided whatever the
    crosswalk now says (its association may have been removed since)."""
    out = CarriedBatch(Carried(), dict(framework_of), dict(frameworks))
    counting = [e for e in originals if e.source != CROSSWALK_SOURCE and e.voided_at is None]
    voided = [e.id for e in originals if e.source != CROSSWALK_SOURCE and e.voided_at is not None]
    if voided:
        out.copies = voided_copies_of(
            await uow.evidence.from_sources(CROSSWALK_SOURCE, voided), voided_at_of(originals)
        )
    if not counting:
        return await _with_frameworks(uow, out)
    competencies = {e.competency_id for e in counting}
    crosswalk = await crosswalk_for(uow, competencies, frameworks, framework_of)
    if not crosswalk:
        return await _with_frameworks(uow, out)
    targets = {m.competency_id for c in competencies for m in crosswalk.of(c)}
    out.framework_of, out.frameworks = await _known(uow, targets, out)
    stored = await uow.evidence.find(
        carried_keys(counting, crosswalk) | sent_keys(counting, crosswalk)
    )
    # Results their sources sent for a match themselves (the same assessment aligned to both
    # standards), as this batch leaves them: not carried on top of, and the copies carried
    # from the stored ones onto these originals are voided (`partners`, carried again).
    in_batch = {e.key for e in originals}
    students = {(e.source, e.source_id): e.student_id for e in counting}
    partners = [
        e
        for e in stored.values()
        if e.source != CROSSWALK_SOURCE
        and e.key not in in_batch
        and e.voided_at is None
        and students.get((e.source, e.source_id)) == e.student_id
    ]
    if partners:
        stored = {**stored, **await uow.evidence.find(carried_keys(partners, crosswalk))}
    live = {k: e for k, e in stored.items() if e.source != CROSSWALK_SOURCE}
    live.update({e.key: e for e in originals})
    sent = {k: e.student_id for k, e in live.items() if e.voided_at is None}
    made = carry_across(
        [*counting, *partners],
        crosswalk,
        out.frameworks,
        out.framework_of,
        stored,
        new_id,
        now=now,
        sent=sent,
    )
    out.copies.created += made.created
    out.copies.updated += made.updated
    out.copies.previous += made.previous
    return await _with_frameworks(uow, out)


def voided_at_of(originals: Sequence[Evidence]) -> dict[str, datetime]:
    """When each voided original was voided, by id."""
    return {e.id: e.voided_at for e in originals if e.voided_at is not None}


async def _known(
    uow: UnitOfWork, competency_ids: Collection[str], batch: CarriedBatch
) -> tuple[dict[str, str], dict[str, Framework]]:
    missing = set(competency_ids) - batch.framework_of.keys()
    if not missing:
        return batch.framework_of, batch.frameworks
    more_of, more = await uow.frameworks.of_competencies(missing)
    return {**batch.framework_of, **more_of}, {**batch.frameworks, **more}


async def _with_frameworks(uow: UnitOfWork, batch: CarriedBatch) -> CarriedBatch:
    """The batch with the frameworks of every copy it voids known too."""
    copies = batch.copies
    named = {e.competency_id for e in (*copies.updated, *copies.previous)}
    batch.framework_of, batch.frameworks = await _known(uow, named, batch)
    return batch


async def write_carried(
    uow: UnitOfWork, batch: CarriedBatch, now: datetime, cause: ChangeCause
) -> int:
    """Write a batch's copies alone (a crosswalk made or removed) and refresh the decisions
    they reach; how many copies were made or changed."""
    copies = batch.copies
    created = await uow.evidence.add_many(copies.created, batch.framework_of, now)
    await uow.evidence.replace_many(copies.updated, copies.previous, now)
    touches = touches_of(created, copies.updated, copies.previous)
    if touches:
        await refresh(uow, batch.frameworks, batch.framework_of, touches, now, cause)
    return len(created) + len(copies.updated)


async def _students_pages(
    uow: UnitOfWork, competency_ids: Sequence[str]
) -> AsyncIterator[tuple[list[str], list[Evidence]]]:
    """The students with results on these competencies, a page at a time (locked, as a batch
    of evidence locks them), with every result of theirs on them."""
    after = None
    while True:
        students = await uow.evidence.students_with_evidence(competency_ids, after, STUDENTS_PAGE)
        if not students:
            return
        await uow.decisions.lock_students(students)
        found = await uow.evidence.for_students(students, competency_ids)
        yield students, [e for es in found.values() for e in es]
        if len(students) < STUDENTS_PAGE:
            return
        after = students[-1]


async def carry_existing(
    uow: UnitOfWork, competency_ids: Collection[str], now: datetime, new_id: Callable[[], str]
) -> int:
    """Carry the results already stored on these competencies and on their exact matches to
    one another (a crosswalk just made, competencies just imported); how many copies were made
    or changed. Without an exact match among them, one query and nothing more."""
    framework_of, frameworks = await uow.frameworks.of_competencies(competency_ids)
    known = [c for c in competency_ids if c in framework_of]
    crosswalk = await crosswalk_for(uow, known, frameworks, framework_of)
    matched = {c for c in known if crosswalk.of(c)}
    reach = sorted(matched | {m.competency_id for c in matched for m in crosswalk.of(c)})
    if not reach:
        return 0
    more_of, more = await uow.frameworks.of_competencies(set(reach) - framework_of.keys())
    framework_of, frameworks = {**framework_of, **more_of}, {**frameworks, **more}
    total = 0
    async for _, evidence in _students_pages(uow, reach):
        originals = [e for e in evidence if e.source != CROSSWALK_SOURCE and e.voided_at is None]
        batch = await carry_batch(uow, originals, frameworks, framework_of, new_id, now)
        total += await write_carried(uow, batch, now, ChangeCause.EVIDENCE)
    return total


async def void_carried_between(uow: UnitOfWork, a: str, b: str, now: datetime) -> int:
    """Void the copies carried between two competencies no longer matched (a crosswalk
    removed), unless another association still matches them; how many were voided."""
    framework_of, frameworks = await uow.frameworks.of_competencies([a, b])
    still = await crosswalk_for(uow, [a], frameworks, framework_of)
    if any(m.competency_id == b for m in still.of(a)):
        return 0
    total = 0
    async for _, evidence in _students_pages(uow, [a, b]):
        copies = copies_between(evidence, a, b)
        voided = voided_copies_of(copies, {c.source_id: now for c in copies})
        batch = CarriedBatch(voided, dict(framework_of), dict(frameworks))
        total += await write_carried(uow, batch, now, ChangeCause.VOID)
    return total
