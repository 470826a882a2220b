from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mastery_status import MasteryStatus, check_mastery_status

if TYPE_CHECKING:
    from ..models.level_read import LevelRead


T = TypeVar("T", bound="HabitsOfWorkRead")


@_attrs_define
class HabitsOfWorkRead:
    """
    Attributes:
        status (MasteryStatus): Where a student stands on a competency.
        score (float | None):
        level (LevelRead | None):
        evidence_count (int):
    """

    status: MasteryStatus
    score: float | None
    level: LevelRead | None
    evidence_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.level_read import LevelRead

        status: str = self.status

        score: float | None
        score = self.score

        level: dict[str, Any] | None
        if isinstance(self.level, LevelRead):
            level = self.level.to_dict()
        else:
            level = self.level

        evidence_count = self.evidence_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "score": score,
                "level": level,
                "evidence_count": evidence_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.level_read import LevelRead

        d = dict(src_dict)
        status = check_mastery_status(d.pop("status"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_level(data: object) -> LevelRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                level_type_0 = LevelRead.from_dict(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LevelRead | None, data)

        level = _parse_level(d.pop("level"))

        evidence_count = d.pop("evidence_count")

        habits_of_work_read = cls(
            status=status,
            score=score,
            level=level,
            evidence_count=evidence_count,
        )

        habits_of_work_read.additional_properties = d
        return habits_of_work_read

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
