from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CodeMinorField")


@_attrs_define
class CodeMinorField:
    """
    Attributes:
        imsx_code_minor_field_name (str): The request field at fault (a path such as `result.score`), or
            `TargetEndSystem` when no one field is.
        imsx_code_minor_field_value (str): unknownobject, invaliddata, invalid_filter_field, forbidden,
            unauthorisedrequest, …
    """

    imsx_code_minor_field_name: str
    imsx_code_minor_field_value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        imsx_code_minor_field_name = self.imsx_code_minor_field_name

        imsx_code_minor_field_value = self.imsx_code_minor_field_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "imsx_codeMinorFieldName": imsx_code_minor_field_name,
                "imsx_codeMinorFieldValue": imsx_code_minor_field_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        imsx_code_minor_field_name = d.pop("imsx_codeMinorFieldName")

        imsx_code_minor_field_value = d.pop("imsx_codeMinorFieldValue")

        code_minor_field = cls(
            imsx_code_minor_field_name=imsx_code_minor_field_name,
            imsx_code_minor_field_value=imsx_code_minor_field_value,
        )

        code_minor_field.additional_properties = d
        return code_minor_field

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
