from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExactMatchRead")


@_attrs_define
class ExactMatchRead:
    """
    Attributes:
        competency_id (str):
        code (str):
        framework_id (str):
        framework_title (str):
    """

    competency_id: str
    code: str
    framework_id: str
    framework_title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competency_id = self.competency_id

        code = self.code

        framework_id = self.framework_id

        framework_title = self.framework_title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competency_id": competency_id,
                "code": code,
                "framework_id": framework_id,
                "framework_title": framework_title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        competency_id = d.pop("competency_id")

        code = d.pop("code")

        framework_id = d.pop("framework_id")

        framework_title = d.pop("framework_title")

        exact_match_read = cls(
            competency_id=competency_id,
            code=code,
            framework_id=framework_id,
            framework_title=framework_title,
        )

        exact_match_read.additional_properties = d
        return exact_match_read

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
