"""A CASE 1.0 CFPackage as the domain reads it: the document, its items and associations, the
definitions and rubrics that travel with them, and the leniencies accepted while reading it.

Fields the domain does not interpret are kept in `fields` under their CASE names, with values
already normalised by the reader (a timestamp with a zone, a LinkURI object, a list where CASE
wants a list), so they can be stored and served back as they came."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.associations import Association
from app.domain.errors import Location, Problem

# CFDocument's single-valued text fields besides identifier, uri, title and lastChangeDateTime.
DOCUMENT_TEXT = (
    "creator",
    "officialSourceURL",
    "publisher",
    "description",
    "language",
    "version",
    "adoptionStatus",
    "statusStartDate",
    "statusEndDate",
    "notes",
)


@dataclass(frozen=True)
class CaseDocument:
    """The CFDocument: a framework's identity and metadata."""

    identifier: str
    title: str
    fields: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class CaseItem:
    """One CFItem; `index` is its place in the package's CFItems, for locating problems."""

    identifier: str
    full_statement: str
    human_coding_scheme: str | None = None
    item_type: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict, hash=False)
    index: int = 0


@dataclass(frozen=True)
class CasePackage:
    """A whole CFPackage. `associations` pairs each association with its place in the package's
    CFAssociations; `definitions` holds CFDefinitions' lists by name (CFItemTypes, ...)."""

    document: CaseDocument
    items: tuple[CaseItem, ...] = ()
    associations: tuple[tuple[int, Association], ...] = ()
    definitions: Mapping[str, Any] = field(default_factory=dict, hash=False)
    rubrics: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True)
class Leniency:
    """Something a real export does that CASE 1.0 does not allow, accepted and reported."""

    kind: str
    loc: Location
    msg: str


@dataclass
class ReadPackage:
    """What reading a package gave: the package (None when nothing usable was found), the
    problems that make it unacceptable, and the leniencies that did not."""

    package: CasePackage | None
    problems: list[Problem] = field(default_factory=list)
    leniencies: list[Leniency] = field(default_factory=list)


def combined(read: list[Problem], rules: list[Problem]) -> list[Problem]:
    """The reader's problems, then the rules' at places the reader found nothing wrong (a field
    of the wrong type is not also reported as missing)."""
    seen = {p.loc for p in read}
    return [*read, *(p for p in rules if p.loc not in seen)]


# What each kind of leniency means, said once per kind in an import's answer.
LENIENCY_SUMMARIES = {
    "uri_as_string": "A URI object (LinkURI) was given as a plain string; read as its uri.",
    "sequence_number_string": "A sequenceNumber was given as a string; read as a number.",
    "education_level_name": "educationalLevel is not a CASE field; read as educationLevel.",
    "education_level_string": "educationLevel was a string, not a list; read as a list.",
    "list_as_string": "A list field was given as a single string; read as a one-element list.",
    "number_as_string": "A text field was given as a number; read as text.",
    "naive_timestamp": "A timestamp had no time zone; read as UTC.",
    "null_description": "A definition's description was null; served as an empty string.",
    "definitions_as_array": "CFDefinitions was an empty array, not an object; read as empty.",
    "identifier_format": "An identifier is not a lower-case UUID as CASE 1.0 requires; kept.",
    "identifier_case": "A reference matched an identifier only when case is ignored.",
    "missing_field": "A field CASE requires was missing; this service supplies its own value.",
    "document_link_ignored": "CFDocumentURI inside a package repeats the package's document.",
    "unknown_field": "A field that CASE 1.0 does not define was ignored.",
    "unknown_association_type": "An associationType that CASE 1.0 does not define; kept.",
    "second_parent": "An item is a child of several nodes; the tree uses the first isChildOf.",
    "order_by_code": "Siblings without sequenceNumber are ordered by humanCodingScheme.",
    "no_parent": "An item has no isChildOf; it is kept as a root of the framework.",
    "code_from_statement": "An item has no humanCodingScheme; its code comes from its text.",
}


@dataclass(frozen=True)
class LeniencyGroup:
    """The leniencies of one kind: how many, and the first few with where they are."""

    kind: str
    message: str
    count: int
    examples: tuple[Leniency, ...]


def group_leniencies(leniencies: Iterable[Leniency], examples: int = 20) -> list[LeniencyGroup]:
    """One group per kind, in order of first appearance."""
    groups: dict[str, list[Leniency]] = {}
    for leniency in leniencies:
        groups.setdefault(leniency.kind, []).append(leniency)
    return [
        LeniencyGroup(kind, LENIENCY_SUMMARIES.get(kind, kind), len(found), tuple(found[:examples]))
        for kind, found in groups.items()
    ]
