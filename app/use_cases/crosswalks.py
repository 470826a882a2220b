"""Crosswalks authored here: an exact match (`exactMatchOf`) between competencies of two of the
district's frameworks made or removed, the results already stored carried across or voided in
the same transaction, audited (docs/decisions/0053-crosswalk.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.access import Principal
from app.domain.audit import AuditEntry, AuditKind
from app.domain.crosswalk import EXACT_MATCH
from app.domain.crosswalk_authoring import (
    ends_of,
    exact_match,
    holds,
    with_exact_match,
    without_exact_match,
)
from app.domain.frameworks import Competency, Framework
from app.ports.clock import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.use_cases.crosswalking import carry_existing, crosswalk_for, void_carried_between
from app.use_cases.lookups import require_competency


@dataclass(frozen=True)
class CrosswalkChanged:
    """Whether the exact match was made (or removed), and how many stored results were
    carried across (or how many carried ones were voided)."""

    changed: bool
    results: int


@dataclass(frozen=True, kw_only=True)
class Crosswalks:
    """Reading and authoring a competency's exact matches in the district's other frameworks."""

    uow: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator

    async def exact_matches(
        self, principal: Principal, competency_id: str
    ) -> list[tuple[Competency, Framework]]:
        """The competencies of other frameworks this one exactly matches (imported or authored,
        either way), each with its framework."""
        async with self.uow(principal.tenant_id, writes=False) as uow:
            _, framework = await require_competency(uow, competency_id)
            crosswalk = await crosswalk_for(
                uow, [competency_id], {framework.id: framework}, {competency_id: framework.id}
            )
            matches = crosswalk.of(competency_id)
            found = await uow.frameworks.get_many({m.framework_id for m in matches})
        return [
            (found[m.framework_id].competency(m.competency_id), found[m.framework_id])
            for m in matches
        ]

    async def match(
        self, principal: Principal, competency_id: str, match_id: str
    ) -> CrosswalkChanged:
        """Make `competency_id` an exact match of `match_id` (kept with the first's framework)
        and carry the results stored on either to the other; when they are matched already,
        only carry what is not carried yet."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            _, framework = await require_competency(uow, competency_id)
            _, other = await require_competency(uow, match_id)
            association = exact_match(framework, competency_id, other, match_id)
            ends = ends_of(framework, competency_id, other, match_id)
            made = not (holds(framework, ends) or holds(other, ends))
            if made:
                await uow.frameworks.save(with_exact_match(framework, association), now)
                await _audit(uow, principal, now, competency_id, match_id, matched=True)
            # Also when matched already: an association imported after the results were stored
            # has its results carried by this call (copies made already are left as they are).
            carried = await carry_existing(uow, [competency_id, match_id], now, self.ids.new_id)
            await uow.commit()
        return CrosswalkChanged(made, carried)

    async def unmatch(
        self, principal: Principal, competency_id: str, match_id: str
    ) -> CrosswalkChanged:
        """Remove every exactMatchOf between the two competencies (in either framework, either
        way) and void the results carried between them; nothing changes when there is none."""
        now = self.clock.now()
        async with self.uow(principal.tenant_id) as uow:
            _, framework = await require_competency(uow, competency_id)
            _, other = await require_competency(uow, match_id)
            ends = ends_of(framework, competency_id, other, match_id)
            holders = [f for f in (framework, other) if holds(f, ends)]
            if not holders:
                return CrosswalkChanged(False, 0)
            for holder in holders:
                await uow.frameworks.save(without_exact_match(holder, ends), now)
            await _audit(uow, principal, now, competency_id, match_id, matched=False)
            voided = await void_carried_between(uow, competency_id, match_id, now)
            await uow.commit()
        return CrosswalkChanged(True, voided)


async def _audit(
    uow: UnitOfWork,
    principal: Principal,
    now: datetime,
    competency_id: str,
    match_id: str,
    *,
    matched: bool,
) -> None:
    facts = {"competency_id": competency_id, "match_id": match_id, "type": EXACT_MATCH}
    await uow.audit.record(
        AuditEntry(
            now,
            principal.client_id,
            AuditKind.CROSSWALK_CHANGED,
            f"{competency_id} {EXACT_MATCH} {match_id}",
            before=None if matched else facts,
            after=facts if matched else None,
        )
    )
