from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.score_scale_out import ScoreScaleOut


T = TypeVar("T", bound="ScoreScaleSet")


@_attrs_define
class ScoreScaleSet:
    """
    Attributes:
        score_scales (list[ScoreScaleOut]):
    """

    score_scales: list[ScoreScaleOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score_scales = []
        for score_scales_item_data in self.score_scales:
            score_scales_item = score_scales_item_data.to_dict()
            score_scales.append(score_scales_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scoreScales": score_scales,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.score_scale_out import ScoreScaleOut

        d = dict(src_dict)
        score_scales = []
        _score_scales = d.pop("scoreScales")
        for score_scales_item_data in _score_scales:
            score_scales_item = ScoreScaleOut.from_dict(score_scales_item_data)

            score_scales.append(score_scales_item)

        score_scale_set = cls(
            score_scales=score_scales,
        )

        score_scale_set.additional_properties = d
        return score_scale_set

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
