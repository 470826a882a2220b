from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScoreScaleValueIn")


@_attrs_define
class ScoreScaleValueIn:
    """
    Attributes:
        item_value_lhs (None | str | Unset): What is shown: "Proficient".
        item_value_rhs (None | str | Unset): What it stands for: "3".
    """

    item_value_lhs: None | str | Unset = UNSET
    item_value_rhs: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_value_lhs: None | str | Unset
        if isinstance(self.item_value_lhs, Unset):
            item_value_lhs = UNSET
        else:
            item_value_lhs = self.item_value_lhs

        item_value_rhs: None | str | Unset
        if isinstance(self.item_value_rhs, Unset):
            item_value_rhs = UNSET
        else:
            item_value_rhs = self.item_value_rhs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if item_value_lhs is not UNSET:
            field_dict["itemValueLHS"] = item_value_lhs
        if item_value_rhs is not UNSET:
            field_dict["itemValueRHS"] = item_value_rhs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_item_value_lhs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        item_value_lhs = _parse_item_value_lhs(d.pop("itemValueLHS", UNSET))

        def _parse_item_value_rhs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        item_value_rhs = _parse_item_value_rhs(d.pop("itemValueRHS", UNSET))

        score_scale_value_in = cls(
            item_value_lhs=item_value_lhs,
            item_value_rhs=item_value_rhs,
        )

        score_scale_value_in.additional_properties = d
        return score_scale_value_in

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
