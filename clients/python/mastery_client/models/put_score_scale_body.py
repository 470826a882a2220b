from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.score_scale_in import ScoreScaleIn


T = TypeVar("T", bound="PutScoreScaleBody")


@_attrs_define
class PutScoreScaleBody:
    """
    Attributes:
        score_scale (ScoreScaleIn):
    """

    score_scale: ScoreScaleIn
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score_scale = self.score_scale.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scoreScale": score_scale,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.score_scale_in import ScoreScaleIn

        d = dict(src_dict)
        score_scale = ScoreScaleIn.from_dict(d.pop("scoreScale"))

        put_score_scale_body = cls(
            score_scale=score_scale,
        )

        put_score_scale_body.additional_properties = d
        return put_score_scale_body

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
