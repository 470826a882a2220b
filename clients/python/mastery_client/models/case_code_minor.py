from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.case_code_minor_field import CaseCodeMinorField


T = TypeVar("T", bound="CaseCodeMinor")


@_attrs_define
class CaseCodeMinor:
    """
    Attributes:
        imsx_code_minor_field (list[CaseCodeMinorField]):
    """

    imsx_code_minor_field: list[CaseCodeMinorField]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        imsx_code_minor_field = []
        for imsx_code_minor_field_item_data in self.imsx_code_minor_field:
            imsx_code_minor_field_item = imsx_code_minor_field_item_data.to_dict()
            imsx_code_minor_field.append(imsx_code_minor_field_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "imsx_codeMinorField": imsx_code_minor_field,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.case_code_minor_field import CaseCodeMinorField

        d = dict(src_dict)
        imsx_code_minor_field = []
        _imsx_code_minor_field = d.pop("imsx_codeMinorField")
        for imsx_code_minor_field_item_data in _imsx_code_minor_field:
            imsx_code_minor_field_item = CaseCodeMinorField.from_dict(
                imsx_code_minor_field_item_data
            )

            imsx_code_minor_field.append(imsx_code_minor_field_item)

        case_code_minor = cls(
            imsx_code_minor_field=imsx_code_minor_field,
        )

        case_code_minor.additional_properties = d
        return case_code_minor

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
