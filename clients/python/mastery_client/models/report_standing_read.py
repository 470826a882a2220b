from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportStandingRead")


@_attrs_define
class ReportStandingRead:
    """
    Attributes:
        competency_id (str):
        code (str):
        status (str): As shown (overrides included); no_evidence without one
        level (float | None):
        score (float | None):
    """

    competency_id: str
    code: str
    status: str
    level: float | None
    score: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competency_id = self.competency_id

        code = self.code

        status = self.status

        level: float | None
        level = self.level

        score: float | None
        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competency_id": competency_id,
                "code": code,
                "status": status,
                "level": level,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        competency_id = d.pop("competency_id")

        code = d.pop("code")

        status = d.pop("status")

        def _parse_level(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        level = _parse_level(d.pop("level"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        report_standing_read = cls(
            competency_id=competency_id,
            code=code,
            status=status,
            level=level,
            score=score,
        )

        report_standing_read.additional_properties = d
        return report_standing_read

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
