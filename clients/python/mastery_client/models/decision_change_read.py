from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_cause import ChangeCause, check_change_cause
from ..models.mastery_status import MasteryStatus, check_mastery_status

T = TypeVar("T", bound="DecisionChangeRead")


@_attrs_define
class DecisionChangeRead:
    """
    Attributes:
        changed_at (datetime.datetime):
        cause (ChangeCause): Why a decision changed.
        status (MasteryStatus): Where a student stands on a competency.
        score (float | None):
        level_value (float | None):
        computed_status (MasteryStatus): Where a student stands on a competency.
        computed_score (float | None):
        overridden (bool):
    """

    changed_at: datetime.datetime
    cause: ChangeCause
    status: MasteryStatus
    score: float | None
    level_value: float | None
    computed_status: MasteryStatus
    computed_score: float | None
    overridden: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_at = self.changed_at.isoformat()

        cause: str = self.cause

        status: str = self.status

        score: float | None
        score = self.score

        level_value: float | None
        level_value = self.level_value

        computed_status: str = self.computed_status

        computed_score: float | None
        computed_score = self.computed_score

        overridden = self.overridden

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_at": changed_at,
                "cause": cause,
                "status": status,
                "score": score,
                "level_value": level_value,
                "computed_status": computed_status,
                "computed_score": computed_score,
                "overridden": overridden,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        cause = check_change_cause(d.pop("cause"))

        status = check_mastery_status(d.pop("status"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_level_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        level_value = _parse_level_value(d.pop("level_value"))

        computed_status = check_mastery_status(d.pop("computed_status"))

        def _parse_computed_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        computed_score = _parse_computed_score(d.pop("computed_score"))

        overridden = d.pop("overridden")

        decision_change_read = cls(
            changed_at=changed_at,
            cause=cause,
            status=status,
            score=score,
            level_value=level_value,
            computed_status=computed_status,
            computed_score=computed_score,
            overridden=overridden,
        )

        decision_change_read.additional_properties = d
        return decision_change_read

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
