from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScoreScaleValueOut")


@_attrs_define
class ScoreScaleValueOut:
    """
    Attributes:
        item_value_lhs (str):
        item_value_rhs (str):
    """

    item_value_lhs: str
    item_value_rhs: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_value_lhs = self.item_value_lhs

        item_value_rhs = self.item_value_rhs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "itemValueLHS": item_value_lhs,
                "itemValueRHS": item_value_rhs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        item_value_lhs = d.pop("itemValueLHS")

        item_value_rhs = d.pop("itemValueRHS")

        score_scale_value_out = cls(
            item_value_lhs=item_value_lhs,
            item_value_rhs=item_value_rhs,
        )

        score_scale_value_out.additional_properties = d
        return score_scale_value_out

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
