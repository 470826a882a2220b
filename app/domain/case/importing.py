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

from app.domain.associations import Association
from app.domain.case.ordering import sibling_key
from app.domain.case.package import CaseItem, CasePackage, Leniency
from app.domain.case.structure import Parents, Reading, check_structure, name_of
from app.domain.errors import Invalid, Location, ProblemList
from app.domain.frameworks import Competency, Framework, RollupRule, Status

# Marks a code this service made up because the item had no humanCodingScheme, so that the
# export leaves humanCodingScheme out again.
CODE_DERIVED = "mastery:codeDerived"
_CODE_LENGTH = 60


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


def plan_import(
    package: CasePackage, existing: Framework | None, *, elsewhere: Mapping[str, str]
) -> ImportPlan:
    """The framework a package makes (a new version of `existing`, the framework with the same
    CASE identifier, when there is one). `elsewhere` names the framework of every identifier
    that is already a competency of another framework of the tenant."""
    reading = Reading(package, existing)
    associations, parents = check_structure(reading, elsewhere)
    reading.problems.raise_if_any("The CASE package is invalid")
    return _plan(reading, associations, parents)


def _plan(
    reading: Reading,
    associations: list[Association],
    parents: Parents,
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
            reading.note("no_parent", ("CFItems", item.index), f"{name_of(item)} is a root")
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
    # Retired competencies stay under their parent, after its active children, in their order.
    places: dict[str | None, int] = {}
    for c in competencies:
        places[c.parent_id] = places.get(c.parent_id, 0) + 1
    retired: list[Competency] = []
    gone = [c for c in (existing.ordered if existing else ()) if c.id not in present]
    for c in gone:
        retired.append(replace(c, status=Status.RETIRED, position=places.get(c.parent_id, 0)))
        places[c.parent_id] = places.get(c.parent_id, 0) + 1
    locations += [("competencies", c.id) for c in retired]
    framework = _framework(reading, (*competencies, *retired), associations, locations)
    return _diff(reading, framework, old, competencies, retired)


def _positions(reading: Reading, parents: Parents) -> dict[str, int]:
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
            msg = f"{unnumbered[parent]} of {len(members)} children have no sequenceNumber"
            reading.note("order_by_code", loc, msg)
    return out


def _competency(
    reading: Reading,
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
        # A district's policy on the item outlives a re-import, like its calculation.
        weight=before.weight if before else None,
        min_evidence=before.min_evidence if before else None,
        scale=before.scale if before else None,
        mastery_threshold=before.mastery_threshold if before else None,
        status=Status.ACTIVE,
        case=meta,
    )


def _framework(
    reading: Reading,
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


def _content(c: Competency) -> tuple[object, ...]:
    """What a reader of the framework would call a change (the place among siblings aside)."""
    return (
        c.code,
        c.statement,
        c.kind,
        c.parent_id,
        c.status,
        c.calculation,
        c.rollup,
        c.weight,
        c.min_evidence,
        c.scale,
        c.mastery_threshold,
        c.case,
    )


def _diff(
    reading: Reading,
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
        elif _content(before) != _content(c):
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
