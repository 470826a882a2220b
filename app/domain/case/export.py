"""A framework served as CASE 1.0: what its CFDocument, CFItems, CFAssociations and CFItemTypes
say, for frameworks imported from CASE (as they came) and authored here (with stable UUIDs).

The tree is the truth: each competency's isChildOf is the stored one when it still matches the
competency's parent, else a new one with a name-based identifier. Stored sequence numbers are
kept while they still give the siblings' order, so an import serves back what it read;
otherwise the siblings are numbered 1, 2, ... Retired competencies are not served."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from app.domain.associations import Association, AssociationType, NodeLink
from app.domain.case.identifiers import derived, document_identifier, item_identifier
from app.domain.case.importing import CODE_DERIVED
from app.domain.case.ordering import follows_sibling_order
from app.domain.case.package import CaseDocument, CaseItem, CasePackage
from app.domain.frameworks import Competency, Framework

# lastChangeDateTime of a framework never stored (only in tests: stored ones have updated_at).
_NEVER = datetime(1970, 1, 1, tzinfo=UTC)
_CHILD = AssociationType.IS_CHILD_OF.value
_DOCUMENT_FIELDS = frozenset({"identifier", "CFDefinitions", "CFRubrics"})
_ITEM_FIELDS = frozenset({"identifier", CODE_DERIVED})
DEFINITION_LISTS = (
    "CFConcepts",
    "CFSubjects",
    "CFLicenses",
    "CFItemTypes",
    "CFAssociationGroupings",
)

Link = dict[str, str]


def changed_at(framework: Framework) -> datetime:
    """When the framework was last stored: the lastChangeDateTime of what was authored here."""
    return framework.updated_at or _NEVER


def served_code(competency: Competency) -> str | None:
    """The humanCodingScheme served: the code, unless this service made it up."""
    return None if competency.case.get(CODE_DERIVED) else competency.code


def document_uri(framework: Framework, base: str) -> str:
    uri = framework.case.get("uri")
    return uri if isinstance(uri, str) else f"{base}/CFDocuments/{document_identifier(framework)}"


def item_uri(competency: Competency, base: str) -> str:
    uri = competency.case.get("uri")
    return uri if isinstance(uri, str) else f"{base}/CFItems/{item_identifier(competency)}"


def document_link(framework: Framework, base: str) -> Link:
    """The LinkURI of the framework's CFDocument (an item's CFDocumentURI)."""
    return {
        "title": framework.title,
        "identifier": document_identifier(framework),
        "uri": document_uri(framework, base),
    }


def document_of(framework: Framework, base: str, creator: str) -> CaseDocument:
    """The CFDocument; `creator` names the author of a framework authored here."""
    identifier = document_identifier(framework)
    fields: dict[str, Any] = {k: v for k, v in framework.case.items() if k not in _DOCUMENT_FIELDS}
    fields.setdefault("uri", document_uri(framework, base))
    fields.setdefault("creator", creator)
    fields.setdefault("lastChangeDateTime", changed_at(framework))
    fields.setdefault(
        "CFPackageURI",
        {
            "title": framework.title,
            "identifier": identifier,
            "uri": f"{base}/CFPackages/{identifier}",
        },
    )
    if framework.description is not None:
        fields["description"] = framework.description
    if framework.version is not None:
        fields["version"] = framework.version
    return CaseDocument(identifier, framework.title, fields)


def item_of(
    framework: Framework,
    competency: Competency,
    base: str,
    item_types: list[dict[str, Any]] | None = None,
) -> CaseItem:
    """The CFItem of one competency (`item_types`: the framework's, when already computed)."""
    fields: dict[str, Any] = {k: v for k, v in competency.case.items() if k not in _ITEM_FIELDS}
    fields.setdefault("uri", item_uri(competency, base))
    fields.setdefault("lastChangeDateTime", changed_at(framework))
    if competency.kind is not None and not _imported(competency):
        types = item_types if item_types is not None else item_types_of(framework, base)
        item_type = next((t for t in types if competency.kind in _names(t)), None)
        if item_type is not None:
            fields["CFItemTypeURI"] = {
                "title": item_type["title"],
                "identifier": item_type["identifier"],
                "uri": item_type["uri"],
            }
    return CaseItem(
        identifier=item_identifier(competency),
        full_statement=competency.statement,
        human_coding_scheme=served_code(competency),
        item_type=competency.kind,
        fields=fields,
    )


def _names(definition: Mapping[str, Any]) -> tuple[Any, ...]:
    return (definition.get("title"), definition.get("typeCode"))


def item_types_of(framework: Framework, base: str) -> list[dict[str, Any]]:
    """The CFItemTypes: those the package brought, then one for each other kind in use."""
    stored = [dict(t) for t in _definitions(framework).get("CFItemTypes", ())]
    known = {name for t in stored for name in _names(t)}
    depth: dict[str, int] = {}
    for competency in framework.ordered:
        if (
            competency.kind is not None
            and competency.kind not in known
            and not _imported(competency)
        ):
            level = len(framework.ancestors_of(competency.id)) + 1
            depth[competency.kind] = min(depth.get(competency.kind, level), level)
    for kind, level in depth.items():
        identifier = derived("CFItemType", kind)
        stored.append(
            {
                "identifier": identifier,
                "uri": f"{base}/CFItemTypes/{identifier}",
                "title": kind,
                "description": kind,
                "hierarchyCode": str(level),
                "typeCode": kind,
                "lastChangeDateTime": changed_at(framework),
            }
        )
    return stored


def _definitions(framework: Framework) -> Mapping[str, Any]:
    value = framework.case.get("CFDefinitions")
    return value if isinstance(value, Mapping) else {}


def _node(framework: Framework, competency: Competency | None, base: str | None) -> NodeLink:
    """A link to a competency (None: the document); without `base`, only what identifies it
    (what is stored: URIs and titles are filled in when served, as they are then)."""
    if competency is None:
        identifier = document_identifier(framework)
        if base is None:
            return NodeLink(identifier)
        return NodeLink(identifier, document_uri(framework, base), framework.title)
    identifier = item_identifier(competency)
    if base is None:
        return NodeLink(identifier, competency_id=competency.id)
    return NodeLink(identifier, item_uri(competency, base), competency.code, competency.id)


def _filled(framework: Framework, link: NodeLink, base: str) -> NodeLink:
    """A stored end with the URI and title it lacks, from the competency or document it is."""
    if link.uri is not None and link.title is not None:
        return link
    if link.competency_id is not None and link.competency_id in framework:
        node = _node(framework, framework.competency(link.competency_id), base)
    elif link.identifier == document_identifier(framework):
        node = _node(framework, None, base)
    elif link.uri is None:
        # A competency of another framework here (a crosswalk authored here): served here too.
        return replace(link, uri=f"{base}/CFItems/{link.identifier}")
    else:
        return link
    return replace(link, uri=link.uri or node.uri, title=link.title or node.title)


def _groups(
    framework: Framework, served: bool
) -> Iterator[tuple[Competency | None, list[Competency]]]:
    """Siblings by parent, in framework order; served: active ones under their nearest active
    ancestor (a retired parent is not served)."""
    if not served:
        yield None, list(framework.children_of(None))
        for competency in framework.ordered:
            if framework.children_of(competency.id):
                yield competency, list(framework.children_of(competency.id))
        return
    groups: dict[str | None, list[Competency]] = {}
    for competency in framework.ordered:
        if competency.is_active:
            parent = next((a for a in framework.ancestors_of(competency.id) if a.is_active), None)
            groups.setdefault(parent.id if parent else None, []).append(competency)
    for parent_id, members in groups.items():
        yield (framework.competency(parent_id) if parent_id else None), members


def _imported(competency: Competency) -> bool:
    return "identifier" in competency.case


def tree_associations(framework: Framework, base: str | None = None) -> list[Association]:
    """The isChildOf of every competency that places it in the tree, with the sequence numbers
    its siblings' order gives. With `base` (served): of every active competency, under its
    nearest active ancestor, with URIs and titles; without, what is stored.

    An imported item that came without any isChildOf (a root "loose" in its package) gets none
    while the order of its siblings still holds, so that it is served as it came."""
    served = base is not None
    stored = {
        a.origin.competency_id: a
        for a in framework.associations
        if a.tree and a.type == _CHILD and a.origin.competency_id is not None
    }
    out: list[Association] = []
    for parent, kids in _groups(framework, served):
        parent_id = parent.id if parent else None
        found = [stored.get(k.id) for k in kids]
        links = [a if a and a.destination.competency_id == parent_id else None for a in found]
        loose = [
            parent is None and a is None and _imported(k) for k, a in zip(kids, found, strict=True)
        ]
        numbers = [a.sequence_number if a else None for a in links]
        codes = [served_code(k) for k in kids]
        keep = all(a or free for a, free in zip(links, loose, strict=True))
        keep = keep and follows_sibling_order(numbers, codes)
        for place, (kid, link, free) in enumerate(zip(kids, links, loose, strict=True), start=1):
            if keep and free:
                continue
            if link is None:
                origin, destination = _node(framework, kid, base), _node(framework, parent, base)
                link = Association(
                    derived(_CHILD, f"{origin.identifier}:{destination.identifier}"),
                    _CHILD,
                    origin,
                    destination,
                    tree=True,
                )
            out.append(link if keep else replace(link, sequence_number=place))
    return out


def stored_associations(framework: Framework) -> list[Association]:
    """What to store with a framework: the tree's isChildOf for every competency, then every
    other association kept from its imports (an isChildOf that no longer matches the tree
    after a change made here is dropped)."""
    return [
        *tree_associations(framework),
        *(a for a in framework.associations if not a.tree),
    ]


def served_associations(framework: Framework, base: str) -> list[Association]:
    """The CFAssociations served: the tree's, then the others whose competency ends are active."""
    active = {c.id for c in framework.competencies if c.is_active}
    others = [
        a
        for a in framework.associations
        if not a.tree
        and all(
            e.competency_id is None or e.competency_id in active for e in (a.origin, a.destination)
        )
    ]
    return [
        replace(
            a,
            origin=_filled(framework, a.origin, base),
            destination=_filled(framework, a.destination, base),
        )
        for a in (*tree_associations(framework, base), *others)
    ]


def association_uri(association: Association, base: str) -> str:
    uri = association.case.get("uri")
    return uri if isinstance(uri, str) else f"{base}/CFAssociations/{association.identifier}"


def association_fields(framework: Framework, association: Association, base: str) -> dict[str, Any]:
    """An association's uri and lastChangeDateTime, and the other CASE fields it came with."""
    fields = dict(association.case)
    fields.setdefault("uri", association_uri(association, base))
    fields.setdefault("lastChangeDateTime", changed_at(framework))
    return fields


def export_package(framework: Framework, base: str, creator: str) -> CasePackage:
    """The whole CFPackage of a framework."""
    definitions: dict[str, Any] = {
        name: list(_definitions(framework).get(name, ())) for name in DEFINITION_LISTS
    }
    definitions["CFItemTypes"] = item_types_of(framework, base)
    item_types = definitions["CFItemTypes"]
    rubrics = framework.case.get("CFRubrics")
    associations = [
        replace(a, case=association_fields(framework, a, base))
        for a in served_associations(framework, base)
    ]
    return CasePackage(
        document=document_of(framework, base, creator),
        items=tuple(
            item_of(framework, c, base, item_types) for c in framework.ordered if c.is_active
        ),
        associations=tuple(enumerate(associations)),
        definitions=definitions,
        rubrics=tuple(rubrics) if isinstance(rubrics, list) else (),
    )
