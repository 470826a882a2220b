"""Prerequisites: a `precedes` association says its origin should be mastered before its
destination. What a student is ready to learn next follows from them.

- A competency's prerequisites are the origins of the `precedes` that end at it, and those of
  its ancestors: a prerequisite of a domain is one of every standard in it.
- Retired competencies are never ready and never block: they take no new evidence, so a retired
  prerequisite could never be met.
- A student is ready for an active competency with no active children (what evidence is posted
  against; a parent is learnt through its children) that they have not mastered, when every
  prerequisite is mastered. "Mastered" is the decision as shown, overrides included.
"""

from __future__ import annotations

from collections.abc import Collection

from app.domain.frameworks import Competency, Framework


def _links(framework: Framework) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(prerequisites by competency, unlocked competencies by prerequisite), direct links."""
    before: dict[str, list[str]] = {}
    after: dict[str, list[str]] = {}
    for association in framework.associations:
        if not association.is_prerequisite:
            continue
        origin = association.origin.competency_id
        destination = association.destination.competency_id
        if origin is None or destination is None:
            continue
        if origin in framework and destination in framework:
            before.setdefault(destination, []).append(origin)
            after.setdefault(origin, []).append(destination)
    return before, after


def _in_order(framework: Framework, ids: Collection[str]) -> tuple[Competency, ...]:
    chosen = set(ids)
    return tuple(c for c in framework.ordered if c.id in chosen and c.is_active)


def prerequisites_of(framework: Framework, competency_id: str) -> tuple[Competency, ...]:
    """The active competencies that directly precede this one, in framework order."""
    framework.competency(competency_id)
    return _in_order(framework, _links(framework)[0].get(competency_id, ()))


def unlocks_of(framework: Framework, competency_id: str) -> tuple[Competency, ...]:
    """The active competencies this one directly precedes, in framework order."""
    framework.competency(competency_id)
    return _in_order(framework, _links(framework)[1].get(competency_id, ()))


def ready_to_learn(framework: Framework, mastered: Collection[str]) -> tuple[Competency, ...]:
    """The competencies a student who has mastered `mastered` is ready to learn, in framework
    order (see the module's rules)."""
    before, _ = _links(framework)
    done = set(mastered)
    blocked: dict[str | None, bool] = {None: False}
    out: list[Competency] = []
    for competency in framework.ordered:  # parents come first, so `blocked` has their answer
        own = (p for p in before.get(competency.id, ()) if framework.competency(p).is_active)
        blocked[competency.id] = blocked[competency.parent_id] or any(p not in done for p in own)
        if (
            competency.is_active
            and competency.id not in done
            and not blocked[competency.id]
            and not any(kid.is_active for kid in framework.children_of(competency.id))
        ):
            out.append(competency)
    return tuple(out)
