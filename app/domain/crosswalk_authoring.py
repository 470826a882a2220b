"""Authoring a crosswalk here: an `exactMatchOf` association between competencies of two of the
district's frameworks, kept with the framework of its origin, as an imported one would be."""

from __future__ import annotations

from dataclasses import replace

from app.domain.associations import Association, NodeLink
from app.domain.case.identifiers import derived, item_identifier
from app.domain.crosswalk import EXACT_MATCH
from app.domain.errors import Invalid, Problem
from app.domain.frameworks import Competency, Framework

Ends = tuple[set[str], set[str]]
"""The names (CFItem identifier, id) of the two competencies an exact match links."""


def match_problems(framework: Framework, other: Framework) -> list[Problem]:
    """Why two competencies (of `framework` and `other`) cannot be exact matches."""
    if framework.id == other.id:
        return [
            Problem(
                ("path", "match_id"),
                "is in the same framework: an exact match links two frameworks",
            )
        ]
    return []


def exact_match(
    framework: Framework, competency_id: str, other: Framework, match_id: str
) -> Association:
    """The association saying that `competency_id` of `framework` exactly matches `match_id`
    of `other` (its identifier a name-based UUID of the pair, the same on every server)."""
    problems = match_problems(framework, other)
    if problems:
        raise Invalid("The competencies cannot be exact matches", problems)
    origin, destination = framework.competency(competency_id), other.competency(match_id)
    return Association(
        identifier=derived(EXACT_MATCH, f"{framework.id}/{competency_id}>{other.id}/{match_id}"),
        type=EXACT_MATCH,
        origin=NodeLink(item_identifier(origin), None, origin.code, competency_id),
        # The other end is in another framework: named by its CFItem identifier only.
        destination=NodeLink(item_identifier(destination), _own_uri(destination), destination.code),
    )


def ends_of(framework: Framework, competency_id: str, other: Framework, match_id: str) -> Ends:
    """Each competency's names at an association's end: its CFItem identifier or its id."""
    return (
        {competency_id, item_identifier(framework.competency(competency_id))},
        {match_id, item_identifier(other.competency(match_id))},
    )


def holds(holder: Framework, ends: Ends) -> bool:
    """Whether `holder` keeps an exactMatchOf between the two ends (either way)."""
    return any(_between(a, ends) for a in holder.associations)


def with_exact_match(framework: Framework, association: Association) -> Framework:
    """The framework keeping one more association."""
    return replace(framework, associations=(*framework.associations, association))


def without_exact_match(holder: Framework, ends: Ends) -> Framework:
    """`holder` without its exactMatchOf associations between the two ends."""
    return replace(
        holder, associations=tuple(a for a in holder.associations if not _between(a, ends))
    )


def _between(association: Association, ends: Ends) -> bool:
    if association.type != EXACT_MATCH:
        return False
    origin, destination = association.origin.identifier, association.destination.identifier
    a, b = ends
    return (origin in a and destination in b) or (origin in b and destination in a)


def _own_uri(competency: Competency) -> str | None:
    """An imported competency's own URI (one authored here gets this service's when served)."""
    uri = competency.case.get("uri")
    return uri if isinstance(uri, str) else None
