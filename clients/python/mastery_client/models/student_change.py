from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StudentChange")


@_attrs_define
class StudentChange:
    """
    Attributes:
        student_id (str):
        became_mastered (list[str]):
        lost_mastery (list[str]):
    """

    student_id: str
    became_mastered: list[str]
    lost_mastery: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        student_id = self.student_id

        became_mastered = self.became_mastered

        lost_mastery = self.lost_mastery

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "student_id": student_id,
                "became_mastered": became_mastered,
                "lost_mastery": lost_mastery,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        student_id = d.pop("student_id")

        became_mastered = cast(list[str], d.pop("became_mastered"))

        lost_mastery = cast(list[str], d.pop("lost_mastery"))

        student_change = cls(
            student_id=student_id,
            became_mastered=became_mastered,
            lost_mastery=lost_mastery,
        )

        student_change.additional_properties = d
        return student_change

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
