from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mastery_status import MasteryStatus, check_mastery_status

T = TypeVar("T", bound="ExplanationChild")


@_attrs_define
class ExplanationChild:
    """
    Attributes:
        competency_id (str):
        code (str):
        status (MasteryStatus): Where a student stands on a competency.
        score (float | None):
        overridden (bool): Whether the parent counted a teacher's override here
    """

    competency_id: str
    code: str
    status: MasteryStatus
    score: float | None
    overridden: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competency_id = self.competency_id

        code = self.code

        status: str = self.status

        score: float | None
        score = self.score

        overridden = self.overridden

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competency_id": competency_id,
                "code": code,
                "status": status,
                "score": score,
                "overridden": overridden,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        competency_id = d.pop("competency_id")

        code = d.pop("code")

        status = check_mastery_status(d.pop("status"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        overridden = d.pop("overridden")

        explanation_child = cls(
            competency_id=competency_id,
            code=code,
            status=status,
            score=score,
            overridden=overridden,
        )

        explanation_child.additional_properties = d
        return explanation_child

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
