from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CompetencyTally")


@_attrs_define
class CompetencyTally:
    """
    Attributes:
        became_mastered (int):
        lost_mastery (int):
        unchanged (int):
        competency_id (str):
    """

    became_mastered: int
    lost_mastery: int
    unchanged: int
    competency_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        became_mastered = self.became_mastered

        lost_mastery = self.lost_mastery

        unchanged = self.unchanged

        competency_id = self.competency_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "became_mastered": became_mastered,
                "lost_mastery": lost_mastery,
                "unchanged": unchanged,
                "competency_id": competency_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        became_mastered = d.pop("became_mastered")

        lost_mastery = d.pop("lost_mastery")

        unchanged = d.pop("unchanged")

        competency_id = d.pop("competency_id")

        competency_tally = cls(
            became_mastered=became_mastered,
            lost_mastery=lost_mastery,
            unchanged=unchanged,
            competency_id=competency_id,
        )

        competency_tally.additional_properties = d
        return competency_tally

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
