from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ObjectiveResultIn")


@_attrs_define
class ObjectiveResultIn:
    """
    Attributes:
        learning_objective_id (str):
        score (float | None | Unset):
        text_score (None | str | Unset):
    """

    learning_objective_id: str
    score: float | None | Unset = UNSET
    text_score: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        learning_objective_id = self.learning_objective_id

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        text_score: None | str | Unset
        if isinstance(self.text_score, Unset):
            text_score = UNSET
        else:
            text_score = self.text_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "learningObjectiveId": learning_objective_id,
            }
        )
        if score is not UNSET:
            field_dict["score"] = score
        if text_score is not UNSET:
            field_dict["textScore"] = text_score

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        learning_objective_id = d.pop("learningObjectiveId")

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_text_score(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_score = _parse_text_score(d.pop("textScore", UNSET))

        objective_result_in = cls(
            learning_objective_id=learning_objective_id,
            score=score,
            text_score=text_score,
        )

        objective_result_in.additional_properties = d
        return objective_result_in

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
