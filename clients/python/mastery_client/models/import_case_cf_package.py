from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_case_cf_package_cf_associations_item import (
        ImportCaseCFPackageCFAssociationsItem,
    )
    from ..models.import_case_cf_package_cf_definitions import ImportCaseCFPackageCFDefinitions
    from ..models.import_case_cf_package_cf_document import ImportCaseCFPackageCFDocument
    from ..models.import_case_cf_package_cf_items_item import ImportCaseCFPackageCFItemsItem
    from ..models.import_case_cf_package_cf_rubrics_item import ImportCaseCFPackageCFRubricsItem


T = TypeVar("T", bound="ImportCaseCFPackage")


@_attrs_define
class ImportCaseCFPackage:
    """A CASE 1.0 CFPackage (CFDocument, CFItems, ...)

    Attributes:
        cf_document (ImportCaseCFPackageCFDocument):
        cf_items (list[ImportCaseCFPackageCFItemsItem] | Unset):
        cf_associations (list[ImportCaseCFPackageCFAssociationsItem] | Unset):
        cf_definitions (ImportCaseCFPackageCFDefinitions | Unset):
        cf_rubrics (list[ImportCaseCFPackageCFRubricsItem] | Unset):
    """

    cf_document: ImportCaseCFPackageCFDocument
    cf_items: list[ImportCaseCFPackageCFItemsItem] | Unset = UNSET
    cf_associations: list[ImportCaseCFPackageCFAssociationsItem] | Unset = UNSET
    cf_definitions: ImportCaseCFPackageCFDefinitions | Unset = UNSET
    cf_rubrics: list[ImportCaseCFPackageCFRubricsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cf_document = self.cf_document.to_dict()

        cf_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cf_items, Unset):
            cf_items = []
            for cf_items_item_data in self.cf_items:
                cf_items_item = cf_items_item_data.to_dict()
                cf_items.append(cf_items_item)

        cf_associations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cf_associations, Unset):
            cf_associations = []
            for cf_associations_item_data in self.cf_associations:
                cf_associations_item = cf_associations_item_data.to_dict()
                cf_associations.append(cf_associations_item)

        cf_definitions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cf_definitions, Unset):
            cf_definitions = self.cf_definitions.to_dict()

        cf_rubrics: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cf_rubrics, Unset):
            cf_rubrics = []
            for cf_rubrics_item_data in self.cf_rubrics:
                cf_rubrics_item = cf_rubrics_item_data.to_dict()
                cf_rubrics.append(cf_rubrics_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "CFDocument": cf_document,
            }
        )
        if cf_items is not UNSET:
            field_dict["CFItems"] = cf_items
        if cf_associations is not UNSET:
            field_dict["CFAssociations"] = cf_associations
        if cf_definitions is not UNSET:
            field_dict["CFDefinitions"] = cf_definitions
        if cf_rubrics is not UNSET:
            field_dict["CFRubrics"] = cf_rubrics

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.import_case_cf_package_cf_associations_item import (
            ImportCaseCFPackageCFAssociationsItem,
        )
        from ..models.import_case_cf_package_cf_definitions import ImportCaseCFPackageCFDefinitions
        from ..models.import_case_cf_package_cf_document import ImportCaseCFPackageCFDocument
        from ..models.import_case_cf_package_cf_items_item import ImportCaseCFPackageCFItemsItem
        from ..models.import_case_cf_package_cf_rubrics_item import ImportCaseCFPackageCFRubricsItem

        d = dict(src_dict)
        cf_document = ImportCaseCFPackageCFDocument.from_dict(d.pop("CFDocument"))

        _cf_items = d.pop("CFItems", UNSET)
        cf_items: list[ImportCaseCFPackageCFItemsItem] | Unset = UNSET
        if _cf_items is not UNSET:
            cf_items = []
            for cf_items_item_data in _cf_items:
                cf_items_item = ImportCaseCFPackageCFItemsItem.from_dict(cf_items_item_data)

                cf_items.append(cf_items_item)

        _cf_associations = d.pop("CFAssociations", UNSET)
        cf_associations: list[ImportCaseCFPackageCFAssociationsItem] | Unset = UNSET
        if _cf_associations is not UNSET:
            cf_associations = []
            for cf_associations_item_data in _cf_associations:
                cf_associations_item = ImportCaseCFPackageCFAssociationsItem.from_dict(
                    cf_associations_item_data
                )

                cf_associations.append(cf_associations_item)

        _cf_definitions = d.pop("CFDefinitions", UNSET)
        cf_definitions: ImportCaseCFPackageCFDefinitions | Unset
        if isinstance(_cf_definitions, Unset):
            cf_definitions = UNSET
        else:
            cf_definitions = ImportCaseCFPackageCFDefinitions.from_dict(_cf_definitions)

        _cf_rubrics = d.pop("CFRubrics", UNSET)
        cf_rubrics: list[ImportCaseCFPackageCFRubricsItem] | Unset = UNSET
        if _cf_rubrics is not UNSET:
            cf_rubrics = []
            for cf_rubrics_item_data in _cf_rubrics:
                cf_rubrics_item = ImportCaseCFPackageCFRubricsItem.from_dict(cf_rubrics_item_data)

                cf_rubrics.append(cf_rubrics_item)

        import_case_cf_package = cls(
            cf_document=cf_document,
            cf_items=cf_items,
            cf_associations=cf_associations,
            cf_definitions=cf_definitions,
            cf_rubrics=cf_rubrics,
        )

        import_case_cf_package.additional_properties = d
        return import_case_cf_package

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
