"""The structure of a CASE package, checked before anything is built from it: identifiers
present and unique, the ends of every association resolved (an item of the package, its
document, or a node elsewhere), each item's tree parent, and no cycle of isChildOf or precedes.
Every problem is collected, located in the package as written."""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.associations import STRUCTURAL, Association, AssociationType, NodeLink
from app.domain.case.cycles import cycles
from app.domain.case.identifiers import item_identifier
from app.domain.case.package import CaseItem, CasePackage, Leniency
from app.domain.errors import Location, ProblemList
from app.domain.frameworks import Framework

_ITEM, _DOCUMENT, _ELSEWHERE = "item", "document", "elsewhere"
_CHILD = AssociationType.IS_CHILD_OF.value
_KNOWN_TYPES = frozenset(t.value for t in AssociationType)
Parents = dict[str, tuple[str | None, Association]]


class Reading:
    """The state of one import while its rules are checked."""

    def __init__(self, package: CasePackage, existing: Framework | None) -> None:
        self.package = package
        self.existing = existing
        self.problems = ProblemList()
        self.notes: list[Leniency] = []
        self.items: dict[str, CaseItem] = {}
        self.folded: dict[str, str] = {}
        self.ids: dict[str, str] = {}  # CFItem identifier -> competency id

    def note(self, kind: str, loc: Location, msg: str) -> None:
        self.notes.append(Leniency(kind, loc, msg))


def check_structure(
    reading: Reading, elsewhere: Mapping[str, str]
) -> tuple[list[Association], Parents]:
    """Every association with its ends resolved, and each item's tree parent (None: the
    document) with the isChildOf that makes it; the problems found are in `reading`."""
    doc = reading.package.document
    if not doc.identifier.strip():
        reading.problems.add(("CFDocument", "identifier"), "is required")
    if not doc.title.strip():
        reading.problems.add(("CFDocument", "title"), "is required")
    _read_items(reading, elsewhere)
    return _read_associations(reading)


def _read_items(reading: Reading, elsewhere: Mapping[str, str]) -> None:
    existing = reading.existing
    mine = {item_identifier(c): c.id for c in existing.competencies} if existing else {}
    taken = {c.id for c in existing.competencies} if existing else set()
    for item in reading.package.items:
        loc: Location = ("CFItems", item.index)
        identifier = item.identifier
        if not item.full_statement.strip():
            reading.problems.add((*loc, "fullStatement"), "is required")
        if not identifier.strip():
            reading.problems.add((*loc, "identifier"), "is required")
            continue
        if identifier in reading.items:
            first = reading.items[identifier].index
            reading.problems.add(
                (*loc, "identifier"), f"repeats the identifier of CFItems[{first}]"
            )
            continue
        if identifier == reading.package.document.identifier:
            reading.problems.add((*loc, "identifier"), "is the CFDocument's identifier")
        if identifier in elsewhere:
            reading.problems.add(
                (*loc, "identifier"), f"is a competency of the framework {elsewhere[identifier]!r}"
            )
        competency_id = mine.get(identifier, identifier)
        if identifier not in mine and competency_id in taken:
            reading.problems.add(
                (*loc, "identifier"), "is the id of another competency of this framework"
            )
        reading.items[identifier] = item
        reading.folded.setdefault(identifier.casefold(), identifier)
        reading.ids[identifier] = competency_id


def _resolve(reading: Reading, link: NodeLink, loc: Location) -> tuple[str, NodeLink]:
    """Which node an association end is: an item of the package, its document, or elsewhere."""
    identifier = link.identifier
    document = reading.package.document.identifier
    if identifier in reading.items:
        return _ITEM, NodeLink(identifier, link.uri, link.title, reading.ids[identifier])
    if identifier == document:
        return _DOCUMENT, link
    folded = reading.folded.get(identifier.casefold())
    if folded is not None or identifier.casefold() == document.casefold():
        target = folded or document
        reading.note("identifier_case", (*loc, "identifier"), f"{identifier!r} read as {target!r}")
        if folded is not None:
            return _ITEM, NodeLink(folded, link.uri, link.title, reading.ids[folded])
        return _DOCUMENT, NodeLink(document, link.uri, link.title)
    return _ELSEWHERE, link


def _read_associations(
    reading: Reading,
) -> tuple[list[Association], dict[str, tuple[str | None, Association]]]:
    """Every association with its ends resolved, and each item's tree parent (None: the
    document) with the isChildOf that makes it."""
    seen: dict[str, int] = {}
    kept: list[Association] = []
    parents: dict[str, tuple[str | None, Association]] = {}
    edges: dict[str, dict[str, list[str]]] = {_CHILD: {}, AssociationType.PRECEDES.value: {}}
    where: dict[tuple[str, str, str], int] = {}
    for index, association in reading.package.associations:
        loc: Location = ("CFAssociations", index)
        _check_identifier(reading, association.identifier, index, seen)
        if association.type not in _KNOWN_TYPES:
            reading.note("unknown_association_type", (*loc, "associationType"), association.type)
        origin_kind, origin = _resolve(reading, association.origin, (*loc, "originNodeURI"))
        target_kind, target = _resolve(
            reading, association.destination, (*loc, "destinationNodeURI")
        )
        association = _linked(association, origin, target, tree=False)
        if association.type in STRUCTURAL and _structural_problems(
            reading, association, loc, origin_kind, target_kind
        ):
            kept.append(association)
            continue
        if association.type in STRUCTURAL and origin_kind == target_kind == _ITEM:
            edges[association.type].setdefault(origin.identifier, []).append(target.identifier)
            where.setdefault((association.type, origin.identifier, target.identifier), index)
        if association.type == _CHILD and origin_kind == _ITEM:
            association = _place_in_tree(reading, association, target_kind, parents, loc)
        kept.append(association)
    for kind, graph in edges.items():
        for group in cycles(reading.items, graph):
            _cycle_problem(reading, kind, group, graph, where)
    return kept, parents


def _check_identifier(reading: Reading, identifier: str, index: int, seen: dict[str, int]) -> None:
    """An association's identifier is required and unique in the package."""
    loc: Location = ("CFAssociations", index, "identifier")
    if not identifier.strip():
        reading.problems.add(loc, "is required")
    elif identifier in seen:
        reading.problems.add(loc, f"repeats the identifier of CFAssociations[{seen[identifier]}]")
    else:
        seen[identifier] = index


def _place_in_tree(
    reading: Reading,
    child_of: Association,
    target_kind: str,
    parents: dict[str, tuple[str | None, Association]],
    loc: Location,
) -> Association:
    """An item's first isChildOf makes its tree parent (None: the document); a second one is
    noted and kept as an association outside the tree."""
    child = child_of.origin.identifier
    if child in parents:
        first = parents[child][1].destination.identifier
        reading.note("second_parent", loc, f"{child!r} is already a child of {first!r}")
        return child_of
    placed = _linked(child_of, child_of.origin, child_of.destination, tree=True)
    parents[child] = (child_of.destination.identifier if target_kind == _ITEM else None, placed)
    return placed


def _linked(a: Association, origin: NodeLink, target: NodeLink, *, tree: bool) -> Association:
    # Not dataclasses.replace: 20,000 associations make its generality cost a second.
    return Association(a.identifier, a.type, origin, target, a.sequence_number, tree, a.case)


def _structural_problems(
    reading: Reading, association: Association, loc: Location, origin: str, target: str
) -> bool:
    """Report the ends an isChildOf or precedes may not have; True when there were any."""
    found = False
    for end, kind, link in (
        ("originNodeURI", origin, association.origin),
        ("destinationNodeURI", target, association.destination),
    ):
        if kind == _ELSEWHERE:
            reading.problems.add(
                (*loc, end, "identifier"),
                f"{link.identifier!r} is neither an item of this package nor its document",
            )
            found = True
    if association.type == _CHILD and origin == _DOCUMENT:
        reading.problems.add((*loc, "originNodeURI"), "a document cannot be a child")
        found = True
    return found


def _cycle_problem(
    reading: Reading,
    kind: str,
    group: list[str],
    graph: Mapping[str, list[str]],
    where: Mapping[tuple[str, str, str], int],
) -> None:
    members = set(group)
    inside = sorted(where[(kind, a, b)] for a in group for b in graph.get(a, ()) if b in members)
    names = " → ".join(name_of(reading.items[i]) for i in group)
    reading.problems.add(
        ("CFAssociations", inside[0]),
        f"{kind} forms a cycle through {names} (CFAssociations {', '.join(map(str, inside))})",
    )


def name_of(item: CaseItem) -> str:
    return item.human_coding_scheme or item.identifier
