"""Rollups: a competency with children and no counted evidence of its own is decided from them.

Rollups read the children's computed decisions, not the shown ones: an override applies to
the one decision it is set on, so a stored parent never depends on the clock (an override's
expiry cannot leave it stale). A teacher who judges the parent overrides the parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from app.domain.evidence import Evidence
from app.domain.frameworks import Competency, Framework
from app.domain.mastery.decision import ComputedDecision, MasteryStatus, decide, round_score
from app.domain.mastery.methods import running_total


def has_own_evidence(decision: ComputedDecision | None) -> bool:
    """Whether a decision was made from the competency's own counted evidence."""
    return decision is not None and decision.rollup is None and decision.evidence_count > 0


def active_children(framework: Framework, competency_id: str) -> tuple[Competency, ...]:
    """The children that take part in a rollup (retired ones do not)."""
    return tuple(c for c in framework.children_of(competency_id) if c.is_active)


def children_with_decisions(
    framework: Framework, competency_id: str, decisions: Mapping[str, ComputedDecision]
) -> list[tuple[Competency, ComputedDecision | None]]:
    """The active children with their decisions (None: none yet), as explanations list them."""
    return [(c, decisions.get(c.id)) for c in active_children(framework, competency_id)]


def decide_from_children(
    framework: Framework, competency_id: str, decisions: Mapping[str, ComputedDecision]
) -> ComputedDecision:
    """A parent's decision from its active children's (a missing child has no evidence).

    Score: the mean of the children's scores, rounded like any score. Status: no_evidence
    when no child has counted evidence, mastered when the rollup rule is met, else not_yet.
    """
    competency = framework.competency(competency_id)
    rule = competency.rollup
    children = [decisions.get(c.id) for c in active_children(framework, competency_id)]
    present = [d for d in children if d is not None]
    scores = [d.score for d in present if d.score is not None]
    evidence_count = sum(d.evidence_count for d in present)
    score = round_score(running_total(scores) / len(scores)) if scores else None
    level = None if score is None else framework.scale.level_for(score)
    if evidence_count == 0:
        return ComputedDecision(MasteryStatus.NO_EVIDENCE, None, None, 0, None, rule)
    mastered = sum(1 for d in present if d.mastered)
    status = (
        MasteryStatus.MASTERED if rule.is_met(mastered, len(children)) else MasteryStatus.NOT_YET
    )
    return ComputedDecision(status, score, level, evidence_count, None, rule)


def undecided(framework: Framework, competency_id: str) -> ComputedDecision:
    """The decision of a competency nothing is known about yet: a parent's is its rollup of
    children with no evidence (what a stored parent holds), a leaf's its own method's."""
    competency = framework.competency(competency_id)
    if framework.children_of(competency_id):
        return ComputedDecision(MasteryStatus.NO_EVIDENCE, None, None, 0, None, competency.rollup)
    calculation = framework.policy_for(competency_id).calculation
    return ComputedDecision(MasteryStatus.NO_EVIDENCE, None, None, 0, calculation)


def roll_up(
    framework: Framework,
    decisions: Mapping[str, ComputedDecision],
    changed: Iterable[str],
) -> dict[str, ComputedDecision]:
    """Recompute, bottom-up, the rollups a change can reach; return those that changed.

    `decisions` holds one student's current decisions with the new ones of `changed` already
    in it. A changed competency with children and no own counted evidence (its evidence was
    voided, say) is itself rolled up again. Only decisions that differ are returned.
    """
    current = dict(decisions)
    dirty = set(changed)
    reach = set(dirty)
    for competency_id in dirty:
        reach.update(a.id for a in framework.ancestors_of(competency_id))
    out: dict[str, ComputedDecision] = {}
    # Latest in framework order first: every child comes before its parent.
    for cid in sorted(reach, key=framework.rank, reverse=True):
        children = active_children(framework, cid)
        if cid not in reach or not children or has_own_evidence(current.get(cid)):
            continue
        if cid not in dirty and not any(c.id in dirty for c in children):
            continue
        new = decide_from_children(framework, cid, current)
        if new != current.get(cid):
            current[cid] = out[cid] = new
            dirty.add(cid)
    return out


def decide_all(
    framework: Framework,
    evidence_by_competency: Mapping[str, Sequence[Evidence]],
    as_of: datetime | None = None,
) -> dict[str, ComputedDecision]:
    """Every decision of one student in a framework, leaves and rollups, from the history."""
    out: dict[str, ComputedDecision] = {}
    for competency in reversed(framework.ordered):
        cid = competency.id
        policy = framework.policy_for(cid)
        own = decide(policy, evidence_by_competency.get(cid, ()), as_of)
        if has_own_evidence(own) or not active_children(framework, cid):
            out[cid] = own
        else:
            out[cid] = decide_from_children(framework, cid, out)
    return {c.id: out[c.id] for c in framework.ordered}
