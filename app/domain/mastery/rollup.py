"""Rollups: a competency with children and no counted evidence of its own is decided from them.

Rollups read the children's shown decisions: a teacher's override of a child is what its
parent counts (docs/decisions/0032-rollups-and-competency-policy.md). So the parent follows
the overrides in force when it is decided, and setting, clearing or the expiry of an override
rolls its ancestors up again in the same transaction. The parent's score is its children's by
the rollup's score kind (mean, lowest, weighted by the children's weights, or highest); its
status follows the rule (all, at least k, percent of the children mastered).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from app.domain.evidence import Evidence
from app.domain.frameworks import Competency, Framework, RollupScore
from app.domain.mastery.decision import ComputedDecision, MasteryStatus, decide, round_score
from app.domain.mastery.methods import running_total
from app.domain.mastery.override import Override, ShownDecision, shown_with

Overrides = Mapping[str, Override]
"""The overrides in force, by competency, at the moment the decisions are made."""

_NONE: Overrides = {}


def has_own_evidence(decision: ComputedDecision | None) -> bool:
    """Whether a decision was made from the competency's own counted evidence."""
    return decision is not None and decision.rollup is None and decision.evidence_count > 0


def active_children(framework: Framework, competency_id: str) -> tuple[Competency, ...]:
    """The children that take part in a rollup (retired ones do not)."""
    return tuple(c for c in framework.children_of(competency_id) if c.is_active)


def children_with_decisions(
    framework: Framework,
    competency_id: str,
    decisions: Mapping[str, ComputedDecision],
    overrides: Overrides = _NONE,
) -> list[tuple[Competency, ShownDecision | None]]:
    """The active children with the decisions they show (None: none yet), as a rollup reads
    them and explanations list them. Each shows on its own scale (a level override is mastered
    by its own threshold)."""
    out: list[tuple[Competency, ShownDecision | None]] = []
    for child in active_children(framework, competency_id):
        computed = decisions.get(child.id)
        override = overrides.get(child.id)
        if computed is None and override is not None:
            computed = undecided(framework, child.id)
        scale = framework.scale_for(child.id)
        out.append((child, None if computed is None else shown_with(computed, override, scale)))
    return out


def rollup_score(kind: RollupScore, scored: Sequence[tuple[Competency, float]]) -> float | None:
    """The parent's unrounded score from its scored children's (None when none is scored):
    their mean, lowest, highest, or mean weighted by each child's weight (1 when unset)."""
    if not scored:
        return None
    scores = [score for _, score in scored]
    if kind is RollupScore.LOWEST:
        return min(scores)
    if kind is RollupScore.HIGHEST:
        return max(scores)
    if kind is RollupScore.WEIGHTED:
        weights = [1.0 if c.weight is None else c.weight for c, _ in scored]
        total = running_total([w * x for w, x in zip(weights, scores, strict=True)])
        return total / running_total(weights)
    return running_total(scores) / len(scores)


def decide_from_children(
    framework: Framework,
    competency_id: str,
    decisions: Mapping[str, ComputedDecision],
    overrides: Overrides = _NONE,
) -> ComputedDecision:
    """A parent's decision from the decisions its active children show (a missing child has no
    evidence; `overrides` are those in force).

    Score: the children's scores by the rollup's score kind, rounded like any score; a child on
    another scale counts as the same share of the parent's highest level. Status:
    no_evidence when no child has counted evidence or an override, mastered when the rollup
    rule is met, else not_yet.
    """
    rule = framework.rollup_for(competency_id)
    children = children_with_decisions(framework, competency_id, decisions, overrides)
    present = [(c, d) for c, d in children if d is not None]
    scale = framework.scale_for(competency_id)
    scored = [
        (c, scale.carry(d.score, framework.scale_for(c.id)))
        for c, d in present
        if d.score is not None
    ]
    evidence_count = sum(d.evidence_count for _, d in present)
    judged = any(d.overridden for _, d in present)
    unrounded = rollup_score(rule.score or RollupScore.MEAN, scored)
    score = None if unrounded is None else round_score(unrounded)
    level = None if score is None else scale.level_for(score)
    if evidence_count == 0 and not judged:
        return ComputedDecision(MasteryStatus.NO_EVIDENCE, None, None, 0, None, rule)
    mastered = sum(1 for _, d in present if d.mastered)
    status = (
        MasteryStatus.MASTERED if rule.is_met(mastered, len(children)) else MasteryStatus.NOT_YET
    )
    return ComputedDecision(status, score, level, evidence_count, None, rule)


def undecided(framework: Framework, competency_id: str) -> ComputedDecision:
    """The decision of a competency nothing is known about yet: a parent's is its rollup of
    children with no evidence (what a stored parent holds), a leaf's its own method's."""
    competency = framework.competency(competency_id)
    if framework.children_of(competency_id):
        rule = framework.rollup_for(competency.id)
        return ComputedDecision(MasteryStatus.NO_EVIDENCE, None, None, 0, None, rule)
    calculation = framework.policy_for(competency_id).calculation
    return ComputedDecision(MasteryStatus.NO_EVIDENCE, None, None, 0, calculation)


def roll_up(
    framework: Framework,
    decisions: Mapping[str, ComputedDecision],
    changed: Iterable[str],
    overrides: Overrides = _NONE,
) -> dict[str, ComputedDecision]:
    """Recompute, bottom-up, the rollups a change can reach; return those that changed.

    `decisions` holds one student's current decisions with the new ones of `changed` already
    in it; `overrides` those in force (a changed override names its competency in `changed`).
    A changed competency with children and no own counted evidence (its evidence was voided,
    say) is itself rolled up again. Only decisions that differ are returned.
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
        new = decide_from_children(framework, cid, current, overrides)
        if new != current.get(cid):
            current[cid] = out[cid] = new
            dirty.add(cid)
    return out


def decide_all(
    framework: Framework,
    evidence_by_competency: Mapping[str, Sequence[Evidence]],
    as_of: datetime | None = None,
    overrides: Overrides = _NONE,
) -> dict[str, ComputedDecision]:
    """Every decision of one student in a framework, leaves and rollups, from the history and
    the overrides in force then (which rollups count)."""
    out: dict[str, ComputedDecision] = {}
    for competency in reversed(framework.ordered):
        cid = competency.id
        policy = framework.policy_for(cid)
        own = decide(policy, evidence_by_competency.get(cid, ()), as_of)
        if has_own_evidence(own) or not active_children(framework, cid):
            out[cid] = own
        else:
            out[cid] = decide_from_children(framework, cid, out, overrides)
    return {c.id: out[c.id] for c in framework.ordered}
