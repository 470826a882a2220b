"""Reading a CASE 1.0 CFPackage from JSON into the domain's package model.

Field names and shapes follow the CASE 1.0 OpenAPI definitions (CFPckgDocument, CFPckgItem,
CFPckgAssociation, CFDefinition, CFRubric). The rules about the whole package (ends, cycles,
the tree) are the domain's; this module reads fields, liberally (see fields.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from app.adapters.case.fields import Reader
from app.domain.associations import Association, NodeLink
from app.domain.case.export import DEFINITION_LISTS
from app.domain.case.package import (
    DOCUMENT_TEXT,
    CaseDocument,
    CaseItem,
    CasePackage,
    ReadPackage,
)
from app.domain.errors import Location

ITEM_TEXT = (
    "alternativeLabel",
    "listEnumeration",
    "abbreviatedStatement",
    "notes",
    "language",
    "statusStartDate",
    "statusEndDate",
)
_DOCUMENT_KNOWN = frozenset(
    {"identifier", "uri", "title", "lastChangeDateTime", "subject", "subjectURI", "licenseURI"}
    | {"CFPackageURI", *DOCUMENT_TEXT}
)
_ITEM_KNOWN = frozenset(
    {"identifier", "fullStatement", "humanCodingScheme", "CFItemType", "uri"}
    | {"lastChangeDateTime", "educationLevel", "educationalLevel", "conceptKeywords"}
    | {"CFItemTypeURI", "licenseURI", "conceptKeywordsURI", "CFDocumentURI", *ITEM_TEXT}
)
_ASSOCIATION_KNOWN = frozenset(
    {"identifier", "uri", "associationType", "sequenceNumber", "originNodeURI"}
    | {"destinationNodeURI", "CFAssociationGroupingURI", "lastChangeDateTime", "CFDocumentURI"}
)
_PACKAGE_KNOWN = frozenset(
    {"CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics"}
)
_NOT_A_PACKAGE = "must be a CASE CFPackage: an object with CFDocument, CFItems, CFAssociations"


def decode(raw: bytes | str) -> tuple[Any, str | None]:
    """The JSON value of `raw`, or None and why it is not JSON."""
    try:
        # CASE JSON is UTF-8; a byte-order mark in front of it is tolerated.
        return json.loads(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw), None
    except UnicodeDecodeError as exc:
        return None, f"is not UTF-8 text ({exc.reason} at byte {exc.start})"
    except json.JSONDecodeError as exc:
        return None, f"is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"


def read_package(raw: bytes | str | object) -> ReadPackage:
    """A package from JSON text or an already decoded JSON value."""
    reader = Reader()
    data = raw
    if isinstance(raw, bytes | str):
        data, error = decode(raw)
        if error is not None:
            reader.problem((), error)
            return ReadPackage(None, reader.problems, reader.leniencies)
    if not isinstance(data, Mapping):
        reader.problem((), _NOT_A_PACKAGE)
        return ReadPackage(None, reader.problems, reader.leniencies)
    reader.unknown(data, _PACKAGE_KNOWN, ())
    document = _document(reader, data.get("CFDocument"))
    items = tuple(
        item
        for i, entry in enumerate(_entries(reader, data, "CFItems"))
        if (item := _item(reader, entry, i)) is not None
    )
    associations = tuple(
        (i, association)
        for i, entry in enumerate(_entries(reader, data, "CFAssociations"))
        if (association := _association(reader, entry, i)) is not None
    )
    definitions = _definitions(reader, data.get("CFDefinitions"))
    rubrics = tuple(dict(e) for e in _entries(reader, data, "CFRubrics") if e is not None)
    if document is None:
        return ReadPackage(None, reader.problems, reader.leniencies)
    package = CasePackage(document, items, associations, definitions, rubrics)
    return ReadPackage(package, reader.problems, reader.leniencies)


def _entries(reader: Reader, data: Mapping[str, Any], key: str, loc: Location = ()) -> list[Any]:
    """The objects of a list field, with None in place of entries that are not objects."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        reader.problem((*loc, key), "must be a list")
        return []
    out: list[Any] = []
    for i, entry in enumerate(value):
        if isinstance(entry, Mapping):
            out.append(entry)
        else:
            reader.problem((*loc, key, i), "must be an object")
            out.append(None)
    return out


def _document(reader: Reader, data: object) -> CaseDocument | None:
    loc: Location = ("CFDocument",)
    if not isinstance(data, Mapping):
        reader.problem(loc, "is required: the package's CFDocument object")
        return None
    reader.unknown(data, _DOCUMENT_KNOWN, loc)
    identifier = reader.identifier(data, "identifier", loc)
    title = reader.text(data, "title", loc, required=True)
    fields: dict[str, Any] = {}
    for key in DOCUMENT_TEXT:
        value = reader.text(data, key, loc)
        if value is not None:
            fields[key] = value
    if "creator" not in fields:
        reader.lenient("missing_field", (*loc, "creator"), "is missing")
    _put(fields, "uri", _uri(reader, data, loc))
    _put(fields, "lastChangeDateTime", reader.timestamp(data, "lastChangeDateTime", loc))
    _put(fields, "subject", reader.text_list(data, "subject", loc))
    _put(fields, "subjectURI", _links(reader, data, "subjectURI", loc))
    _put(fields, "licenseURI", reader.link(data, "licenseURI", loc))
    _put(
        fields,
        "CFPackageURI",
        reader.link(data, "CFPackageURI", loc, title=title, identifier=identifier),
    )
    return CaseDocument(identifier or "", title or "", fields)


def _begin(
    reader: Reader, data: Mapping[str, Any], loc: Location, known: frozenset[str]
) -> str | None:
    """What every item and association starts with: unknown fields, a redundant document
    link, and the identifier."""
    reader.unknown(data, known, loc)
    if "CFDocumentURI" in data:
        reader.lenient("document_link_ignored", (*loc, "CFDocumentURI"), "ignored")
    return reader.identifier(data, "identifier", loc)


def _item(reader: Reader, data: Mapping[str, Any] | None, index: int) -> CaseItem | None:
    if data is None:
        return None
    loc: Location = ("CFItems", index)
    identifier = _begin(reader, data, loc, _ITEM_KNOWN)
    statement = reader.text(data, "fullStatement", loc, required=True)
    code = reader.text(data, "humanCodingScheme", loc)
    item_type = reader.text(data, "CFItemType", loc)
    found: dict[str, Any] = {key: reader.text(data, key, loc) for key in ITEM_TEXT}
    found["uri"] = _uri(reader, data, loc)
    found["lastChangeDateTime"] = reader.timestamp(data, "lastChangeDateTime", loc)
    levels = reader.text_list(data, "educationLevel", loc)
    if levels is None and "educationalLevel" in data:
        reader.lenient("education_level_name", (*loc, "educationalLevel"), "read as educationLevel")
        levels = reader.text_list(data, "educationalLevel", loc)
    found["educationLevel"] = levels
    found["conceptKeywords"] = reader.text_list(data, "conceptKeywords", loc)
    found["CFItemTypeURI"] = reader.link(data, "CFItemTypeURI", loc, title=item_type)
    found["licenseURI"] = reader.link(data, "licenseURI", loc)
    found["conceptKeywordsURI"] = reader.link(data, "conceptKeywordsURI", loc)
    fields = {k: v for k, v in found.items() if v is not None}
    return CaseItem(identifier or "", statement or "", code, item_type, fields, index)


def _association(reader: Reader, data: Mapping[str, Any] | None, index: int) -> Association | None:
    if data is None:
        return None
    loc: Location = ("CFAssociations", index)
    identifier = _begin(reader, data, loc, _ASSOCIATION_KNOWN)
    kind = reader.text(data, "associationType", loc, required=True)
    origin = _end(reader, data, "originNodeURI", loc)
    destination = _end(reader, data, "destinationNodeURI", loc)
    number = reader.sequence_number(data, loc)
    found = {
        "uri": _uri(reader, data, loc),
        "lastChangeDateTime": reader.timestamp(data, "lastChangeDateTime", loc),
        "CFAssociationGroupingURI": reader.link(data, "CFAssociationGroupingURI", loc),
    }
    fields = {k: v for k, v in found.items() if v is not None}
    if kind is None or origin is None or destination is None:
        return None
    return Association(identifier or "", kind, origin, destination, number, case=fields)


def _end(reader: Reader, data: Mapping[str, Any], key: str, loc: Location) -> NodeLink | None:
    """An origin or destination (LinkGenURI: its identifier need not be a UUID)."""
    value = data.get(key)
    if value is None:
        reader.problem((*loc, key), "is required")
        return None
    if isinstance(value, str):
        link = reader.link(data, key, loc)
        return None if link is None else NodeLink(link["identifier"], link["uri"], None)
    if not isinstance(value, Mapping):
        reader.problem((*loc, key), "must be an object with title, identifier and uri")
        return None
    identifier = reader.text(value, "identifier", (*loc, key), required=True)
    if identifier is None:
        return None
    uri = reader.text(value, "uri", (*loc, key))
    if uri is None:
        reader.lenient("missing_field", (*loc, key, "uri"), "is missing")
    return NodeLink(identifier, uri, reader.text(value, "title", (*loc, key)))


def _uri(reader: Reader, data: Mapping[str, Any], loc: Location) -> str | None:
    uri = reader.text(data, "uri", loc)
    if uri is None:
        reader.lenient("missing_field", (*loc, "uri"), "is missing")
    return uri


def _links(reader: Reader, data: Mapping[str, Any], key: str, loc: Location) -> list[Any] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list):
        reader.problem((*loc, key), "must be a list of LinkURI objects")
        return None
    found = [reader.link({key: v}, key, (*loc, key, i)) for i, v in enumerate(value)]
    return [link for link in found if link is not None]


def _definitions(reader: Reader, data: object) -> dict[str, Any]:
    """CFDefinitions' lists, kept as given but for a null description (served as "")."""
    loc: Location = ("CFDefinitions",)
    if data is None:
        return {}
    if isinstance(data, list) and not data:
        reader.lenient("definitions_as_array", loc, "[] read as {}")
        return {}
    if not isinstance(data, Mapping):
        reader.problem(loc, "must be an object of definition lists")
        return {}
    reader.unknown(data, frozenset(DEFINITION_LISTS), loc)
    out: dict[str, Any] = {}
    for name in DEFINITION_LISTS:
        entries = _entries(reader, data, name, loc)
        kept: list[dict[str, Any]] = []
        for i, entry in enumerate(entries):
            if entry is None:
                continue
            definition = dict(entry)
            where = (*loc, name, i)
            reader.identifier(definition, "identifier", where)
            if "description" in definition and definition["description"] is None:
                reader.lenient("null_description", (*where, "description"), "served as ''")
                definition["description"] = ""
            stamp = reader.timestamp(definition, "lastChangeDateTime", where)
            if stamp is not None:
                definition["lastChangeDateTime"] = stamp
            kept.append(definition)
        if kept:
            out[name] = kept
    return out


def _put(fields: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        fields[key] = value
