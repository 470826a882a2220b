"""Writing CASE 1.0 JSON: the domain's package model to CASE's own field names, field order and
formats (date-times in UTC as "2017-05-25T18:05:33+00:00", LinkURI objects)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from app.adapters.case.fields import format_timestamp
from app.adapters.case.package import ITEM_TEXT
from app.domain.associations import Association, NodeLink
from app.domain.case.package import DOCUMENT_TEXT, CaseDocument, CaseItem, CasePackage

_DOCUMENT_ORDER = (
    "identifier",
    "uri",
    "creator",
    "title",
    "lastChangeDateTime",
    *DOCUMENT_TEXT[1:],
    "subject",
    "subjectURI",
    "licenseURI",
    "CFPackageURI",
)
_ITEM_ORDER = (
    "identifier",
    "fullStatement",
    "alternativeLabel",
    "CFItemType",
    "uri",
    "humanCodingScheme",
    *ITEM_TEXT[1:],
    "conceptKeywords",
    "conceptKeywordsURI",
    "educationLevel",
    "CFItemTypeURI",
    "licenseURI",
    "lastChangeDateTime",
)


def _value(value: Any) -> Any:
    return format_timestamp(value) if isinstance(value, datetime) else value


def _ordered(values: Mapping[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    return {k: _value(values[k]) for k in order if values.get(k) is not None}


def document_json(document: CaseDocument) -> dict[str, Any]:
    """A CFDocument (with its CFPackageURI, as OpenSALT also writes it inside a package)."""
    values = {**document.fields, "identifier": document.identifier, "title": document.title}
    return _ordered(values, _DOCUMENT_ORDER)


def item_json(item: CaseItem, document: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A CFItem; `document` (its CFDocumentURI) when served on its own, outside a package."""
    values = {
        **item.fields,
        "identifier": item.identifier,
        "fullStatement": item.full_statement,
        "humanCodingScheme": item.human_coding_scheme,
        "CFItemType": item.item_type,
    }
    out = _ordered(values, _ITEM_ORDER)
    if document is not None:
        out["CFDocumentURI"] = dict(document)
    return out


def _link(link: NodeLink) -> dict[str, Any]:
    return {"title": link.title or "", "identifier": link.identifier, "uri": link.uri or ""}


def association_json(
    association: Association, document: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """A CFAssociation; `document` (its CFDocumentURI) when served on its own."""
    out: dict[str, Any] = {
        "identifier": association.identifier,
        "associationType": association.type,
    }
    if association.sequence_number is not None:
        out["sequenceNumber"] = association.sequence_number
    out["uri"] = association.case.get("uri")
    out["originNodeURI"] = _link(association.origin)
    out["destinationNodeURI"] = _link(association.destination)
    grouping = association.case.get("CFAssociationGroupingURI")
    if grouping is not None:
        out["CFAssociationGroupingURI"] = grouping
    out["lastChangeDateTime"] = _value(association.case.get("lastChangeDateTime"))
    if document is not None:
        out["CFDocumentURI"] = dict(document)
    return {k: v for k, v in out.items() if v is not None}


def definition_json(definition: Mapping[str, Any]) -> dict[str, Any]:
    """A definition (CFItemType, CFSubject, ...) as stored, its date-times formatted."""
    return {k: _value(v) for k, v in definition.items()}


def package_json(package: CasePackage) -> dict[str, Any]:
    """A whole CFPackage."""
    out: dict[str, Any] = {
        "CFDocument": document_json(package.document),
        "CFItems": [item_json(item) for item in package.items],
        "CFAssociations": [association_json(a) for _, a in package.associations],
        "CFDefinitions": {
            name: [definition_json(d) for d in entries]
            for name, entries in package.definitions.items()
        },
    }
    if package.rubrics:
        out["CFRubrics"] = [dict(r) for r in package.rubrics]
    return out
