"""Importing a CASE package: the rules that turn a CFPackage into a framework, or into a new
version of one already here.

- The CFDocument is the framework, each CFItem a competency whose id is its identifier (an item
  that matches a competency already here by CASE identifier keeps that competency's id).
- `isChildOf` (origin = child, destination = parent item or the document) builds the tree;
  siblings are ordered by sequenceNumber, then by humanCodingScheme in natural order, then as
  listed. An item with several parents hangs under the first; one with none is a root.
- `precedes` is a prerequisite (origin before destination); every association is kept.
- An isChildOf or precedes must have both ends in the package or its document, and neither may
  form a cycle; an association of another type may point anywhere (a crosswalk).
- On re-import, items gone from the package are retired (kept, with their history), returning
  ones are active again; a competency keeps its own calculation and rollup rule, the framework
  its policy and status.
Every problem is reported at once, located in the package as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.domain.associations import STRUCTURAL, Association, AssociationType, NodeLink
from app.domain.case.cycles import cycles
from app.domain.case.identifiers import item_identifier
from app.domain.case.ordering import sibling_key
from app.domain.case.package import CaseItem, CasePackage, Leniency
from app.domain.errors import Invalid, Location, ProblemList
from app.domain.frameworks import Competency, Framework, RollupRule, Status

# Marks a code this service made up because the item had no humanCodingScheme, so that the
# export leaves humanCodingScheme out again.
CODE_DERIVED = "mastery:codeDerived"
_CODE_LENGTH = 60
_ITEM, _DOCUMENT, _ELSEWHERE = "item", "document", "elsewhere"
_CHILD = AssociationType.IS_CHILD_OF.value
_KNOWN_TYPES = frozenset(t.value for t in AssociationType)


@dataclass(frozen=True)
class ImportPlan:
    """The framework to store, and what changed: competency ids added, changed (text, type,
    parent, status or CASE fields), only reordered, and retired; the leniencies met."""

    framework: Framework
    created: bool
    added: tuple[str, ...]
    changed: tuple[str, ...]
    reordered: tuple[str, ...]
    retired: tuple[str, ...]
    unchanged: int
    leniencies: tuple[Leniency, ...]


def derived_code(item: CaseItem) -> str:
    """A code for an item without humanCodingScheme: its abbreviated statement, its list
    enumeration, or the start of its statement."""
    for key in ("abbreviatedStatement", "listEnumeration"):
        value = item.fields.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:_CODE_LENGTH]
    text = " ".join(item.full_statement.split())
    return text if len(text) <= _CODE_LENGTH else text[: _CODE_LENGTH - 1] + "…"


class _Reading:
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


def plan_import(
    package: CasePackage, existing: Framework | None, *, elsewhere: Mapping[str, str]
) -> ImportPlan:
    """The framework a package makes (a new version of `existing`, the framework with the same
    CASE identifier, when there is one). `elsewhere` names the framework of every identifier
    that is already a competency of another framework of the tenant."""
    reading = _Reading(package, existing)
    doc = package.document
    if not doc.identifier.strip():
        reading.problems.add(("CFDocument", "identifier"), "is required")
    if not doc.title.strip():
        reading.problems.add(("CFDocument", "title"), "is required")
    _read_items(reading, elsewhere)
    associations, parents = _read_associations(reading)
    reading.problems.raise_if_any("The CASE package is invalid")
    return _plan(reading, associations, parents)


def _read_items(reading: _Reading, elsewhere: Mapping[str, str]) -> None:
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


def _resolve(reading: _Reading, link: NodeLink, loc: Location) -> tuple[str, NodeLink]:
    """Which node an association end is: an item of the package, its document, or elsewhere."""
    identifier = link.identifier
    document = reading.package.document.identifier
    if identifier in reading.items:
        return _ITEM, replace(link, competency_id=reading.ids[identifier])
    if identifier == document:
        return _DOCUMENT, link
    folded = reading.folded.get(identifier.casefold())
    if folded is not None or identifier.casefold() == document.casefold():
        target = folded or document
        reading.note("identifier_case", (*loc, "identifier"), f"{identifier!r} read as {target!r}")
        if folded is not None:
            return _ITEM, replace(link, identifier=folded, competency_id=reading.ids[folded])
        return _DOCUMENT, replace(link, identifier=document)
    return _ELSEWHERE, link


def _read_associations(
    reading: _Reading,
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
        if not association.identifier.strip():
            reading.problems.add((*loc, "identifier"), "is required")
        elif association.identifier in seen:
            first = seen[association.identifier]
            reading.problems.add(
                (*loc, "identifier"), f"repeats the identifier of CFAssociations[{first}]"
            )
        else:
            seen[association.identifier] = index
        if association.type not in _KNOWN_TYPES:
            reading.note("unknown_association_type", (*loc, "associationType"), association.type)
        origin_kind, origin = _resolve(reading, association.origin, (*loc, "originNodeURI"))
        target_kind, target = _resolve(
            reading, association.destination, (*loc, "destinationNodeURI")
        )
        association = replace(association, origin=origin, destination=target, tree=False)
        if association.type in STRUCTURAL and _structural_problems(
            reading, association, loc, origin_kind, target_kind
        ):
            kept.append(association)
            continue
        if association.type in STRUCTURAL and origin_kind == target_kind == _ITEM:
            edges[association.type].setdefault(origin.identifier, []).append(target.identifier)
            where.setdefault((association.type, origin.identifier, target.identifier), index)
        if association.type == _CHILD and origin_kind == _ITEM:
            if origin.identifier in parents:
                reading.note(
                    "second_parent",
                    loc,
                    f"{origin.identifier!r} is already a child of "
                    f"{parents[origin.identifier][1].destination.identifier!r}",
                )
            else:
                association = replace(association, tree=True)
                parent = target.identifier if target_kind == _ITEM else None
                parents[origin.identifier] = (parent, association)
        kept.append(association)
    for kind, graph in edges.items():
        for group in cycles(reading.items, graph):
            _cycle_problem(reading, kind, group, graph, where)
    return kept, parents


def _structural_problems(
    reading: _Reading, association: Association, loc: Location, origin: str, target: str
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
    reading: _Reading,
    kind: str,
    group: list[str],
    graph: Mapping[str, list[str]],
    where: Mapping[tuple[str, str, str], int],
) -> None:
    members = set(group)
    inside = sorted(where[(kind, a, b)] for a in group for b in graph.get(a, ()) if b in members)
    names = " → ".join(_name(reading.items[i]) for i in group)
    reading.problems.add(
        ("CFAssociations", inside[0]),
        f"{kind} forms a cycle through {names} (CFAssociations {', '.join(map(str, inside))})",
    )


def _name(item: CaseItem) -> str:
    return item.human_coding_scheme or item.identifier


def _plan(
    reading: _Reading,
    associations: list[Association],
    parents: Mapping[str, tuple[str | None, Association]],
) -> ImportPlan:
    package, existing = reading.package, reading.existing
    positions = _positions(reading, parents)
    old = {c.id: c for c in existing.competencies} if existing else {}
    competencies: list[Competency] = []
    locations: list[Location] = []
    for item in package.items:
        if reading.items.get(item.identifier) is not item:
            continue
        parent = parents.get(item.identifier)
        if parent is None:
            reading.note("no_parent", ("CFItems", item.index), f"{_name(item)} is a root")
        competency_id = reading.ids[item.identifier]
        before = old.get(competency_id)
        competencies.append(
            _competency(
                reading,
                item,
                competency_id,
                reading.ids[parent[0]] if parent and parent[0] is not None else None,
                positions[item.identifier],
                before,
            )
        )
        locations.append(("CFItems", item.index))
    present = {c.id for c in competencies}
    retired = [
        replace(c, status=Status.RETIRED)
        for c in (existing.competencies if existing else ())
        if c.id not in present
    ]
    locations += [("competencies", c.id) for c in retired]
    framework = _framework(reading, (*competencies, *retired), associations, locations)
    return _diff(reading, framework, old, competencies, retired)


def _positions(
    reading: _Reading, parents: Mapping[str, tuple[str | None, Association]]
) -> dict[str, int]:
    """Each item's place among its siblings."""
    groups: dict[str | None, list[tuple[Any, str]]] = {}
    unnumbered: dict[str | None, int] = {}
    for identifier, item in reading.items.items():
        parent, link = parents.get(identifier, (None, None))
        number = link.sequence_number if link is not None else None
        key = sibling_key(number, item.human_coding_scheme, item.index)
        groups.setdefault(parent, []).append((key, identifier))
        if number is None:
            unnumbered[parent] = unnumbered.get(parent, 0) + 1
    out: dict[str, int] = {}
    for parent, members in groups.items():
        members.sort()
        out.update({identifier: i for i, (_, identifier) in enumerate(members)})
        if len(members) > 1 and unnumbered.get(parent):
            loc: Location = (
                ("CFItems", reading.items[parent].index) if parent is not None else ("CFDocument",)
            )
            reading.note("order_by_code", loc, f"{unnumbered[parent]} children lack one")
    return out


def _competency(
    reading: _Reading,
    item: CaseItem,
    competency_id: str,
    parent_id: str | None,
    position: int,
    before: Competency | None,
) -> Competency:
    meta = {**item.fields, "identifier": item.identifier}
    code = item.human_coding_scheme
    if code is None or not code.strip():
        code = derived_code(item)
        meta[CODE_DERIVED] = True
        reading.note("code_from_statement", ("CFItems", item.index), f"code {code!r}")
    return Competency(
        id=competency_id,
        code=code,
        statement=item.full_statement,
        kind=item.item_type,
        parent_id=parent_id,
        position=position,
        calculation=before.calculation if before else None,
        rollup=before.rollup if before else RollupRule(),
        status=Status.ACTIVE,
        case=meta,
    )


def _framework(
    reading: _Reading,
    competencies: tuple[Competency, ...],
    associations: list[Association],
    locations: list[Location],
) -> Framework:
    package, existing = reading.package, reading.existing
    doc = package.document
    meta = {k: v for k, v in doc.fields.items() if k not in ("description", "version")}
    meta["identifier"] = doc.identifier
    if package.definitions:
        meta["CFDefinitions"] = dict(package.definitions)
    if package.rubrics:
        meta["CFRubrics"] = list(package.rubrics)
    description, version = doc.fields.get("description"), doc.fields.get("version")
    try:
        kept = existing or Framework(id=doc.identifier, title=doc.title)
        return replace(
            kept,
            title=doc.title,
            description=description if isinstance(description, str) else None,
            version=version if isinstance(version, str) else None,
            competencies=competencies,
            case=meta,
            associations=tuple(associations),
        )
    except Invalid as error:  # a competency's own rollup rule that the new tree cannot meet
        problems = ProblemList()
        for p in error.problems:
            if p.loc[:1] == ("competencies",) and len(p.loc) > 1 and isinstance(p.loc[1], int):
                problems.add(locations[p.loc[1]], ".".join(map(str, p.loc[2:])) + " " + p.msg)
            else:
                problems.add(p.loc, p.msg)
        raise Invalid("The CASE package does not fit the framework", problems.problems) from None


def _diff(
    reading: _Reading,
    framework: Framework,
    old: Mapping[str, Competency],
    competencies: list[Competency],
    retired: list[Competency],
) -> ImportPlan:
    added: list[str] = []
    changed: list[str] = []
    reordered: list[str] = []
    unchanged = 0
    for c in competencies:
        before = old.get(c.id)
        if before is None:
            added.append(c.id)
        elif replace(before, position=c.position) != c:
            changed.append(c.id)
        elif before.position != c.position:
            reordered.append(c.id)
        else:
            unchanged += 1
    newly_retired = [c.id for c in retired if old[c.id].is_active]
    unchanged += len(retired) - len(newly_retired)
    return ImportPlan(
        framework=framework,
        created=reading.existing is None,
        added=tuple(added),
        changed=tuple(changed),
        reordered=tuple(reordered),
        retired=tuple(newly_retired),
        unchanged=unchanged,
        leniencies=tuple(reading.notes),
    )
