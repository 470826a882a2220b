"""The CaseCodec port over CASE 1.0 JSON: read a package, write what the provider serves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.adapters.case import writer
from app.adapters.case.package import read_package
from app.domain.associations import Association
from app.domain.case.package import CaseDocument, CaseItem, CasePackage, ReadPackage


class CaseJsonCodec:
    def read(self, raw: bytes | str | object) -> ReadPackage:
        return read_package(raw)

    def package(self, package: CasePackage) -> dict[str, Any]:
        return writer.package_json(package)

    def document(self, document: CaseDocument) -> dict[str, Any]:
        return writer.document_json(document)

    def item(self, item: CaseItem, document: Mapping[str, str] | None = None) -> dict[str, Any]:
        return writer.item_json(item, document)

    def association(
        self, association: Association, document: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        return writer.association_json(association, document)

    def definition(self, definition: Mapping[str, Any]) -> dict[str, Any]:
        return writer.definition_json(definition)
