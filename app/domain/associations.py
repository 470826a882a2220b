"""Associations between competencies, as CASE (1EdTech's Competencies and Academic Standards
Exchange) models them: a typed, directed link from an origin node to a destination node.

`isChildOf` links build the competency tree and `precedes` links are prerequisites; every other
type (a crosswalk to another framework, an exemplar, ...) is kept so that it can be served back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class AssociationType(StrEnum):
    """The association types of CASE 1.0."""

    IS_CHILD_OF = "isChildOf"
    IS_PEER_OF = "isPeerOf"
    IS_PART_OF = "isPartOf"
    EXACT_MATCH_OF = "exactMatchOf"
    PRECEDES = "precedes"
    IS_RELATED_TO = "isRelatedTo"
    REPLACED_BY = "replacedBy"
    EXEMPLAR = "exemplar"
    HAS_SKILL_LEVEL = "hasSkillLevel"


# The types whose both ends must be inside the framework: the tree and the prerequisites.
STRUCTURAL = frozenset({AssociationType.IS_CHILD_OF.value, AssociationType.PRECEDES.value})


@dataclass(frozen=True)
class NodeLink:
    """One end of an association: its CASE identifier, URI and title, and the competency it is
    when the end is a competency of the same framework (None for the framework's own document
    and for nodes elsewhere, such as another framework's item in a crosswalk)."""

    identifier: str
    uri: str | None = None
    title: str | None = None
    competency_id: str | None = None


@dataclass(frozen=True)
class Association:
    """A directed link between two nodes; `tree` marks the isChildOf that places its origin in
    the competency tree (an item may have further parents, kept as plain associations)."""

    identifier: str
    type: str
    origin: NodeLink
    destination: NodeLink
    sequence_number: int | None = None
    tree: bool = False
    # Other CASE fields, by their CASE names (uri, lastChangeDateTime, CFAssociationGroupingURI).
    case: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def is_prerequisite(self) -> bool:
        """A `precedes` between two competencies of the framework: origin before destination."""
        return (
            self.type == AssociationType.PRECEDES.value
            and self.origin.competency_id is not None
            and self.destination.competency_id is not None
        )
