"""CASE identifiers of frameworks and competencies.

An imported CFDocument or CFItem keeps its identifier. A framework authored here gets a stable
UUID instead: its id when that is a UUID already, else a name-based UUID (version 5) of the id
in a fixed namespace, so the same framework has the same identifiers on every server and in
every export, and nothing needs storing."""

from __future__ import annotations

import re
import uuid

from app.domain.frameworks import Competency, Framework

# Fixed forever: changing it would change the identifiers of every framework authored here.
NAMESPACE = uuid.UUID("2843d034-31d9-4d54-8d57-32620605bdf4")

_ANY_UUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
# CASE 1.0's UUID.Type: lower case, versions 1-5, variant 1 or 2.
_CASE_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def is_uuid(text: str) -> bool:
    """Whether `text` has the shape of a UUID (any case, any version)."""
    return _ANY_UUID.fullmatch(text) is not None


def is_case_uuid(text: str) -> bool:
    """Whether `text` is a UUID as CASE 1.0 writes them (lower case, version 1-5)."""
    return _CASE_UUID.fullmatch(text) is not None


def derived(kind: str, key: str) -> str:
    """The name-based UUID of one object of a CASE kind (CFDocument, CFItem, isChildOf, ...)."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def _identifier(given: object, own_id: str, kind: str) -> str:
    if isinstance(given, str) and given:
        return given
    return own_id if is_uuid(own_id) else derived(kind, own_id)


def document_identifier(framework: Framework) -> str:
    """The CFDocument identifier of a framework."""
    return _identifier(framework.case.get("identifier"), framework.id, "CFDocument")


def item_identifier(competency: Competency) -> str:
    """The CFItem identifier of a competency."""
    return _identifier(competency.case.get("identifier"), competency.id, "CFItem")
