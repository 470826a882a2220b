from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mastery_status import MasteryStatus, check_mastery_status

if TYPE_CHECKING:
    from ..models.level_read import LevelRead


T = TypeVar("T", bound="CardLineRead")


@_attrs_define
class CardLineRead:
    """
    Attributes:
        competency_id (str):
        code (str):
        statement (str):
        status (MasteryStatus): Where a student stands on a competency.
        level (LevelRead | None):
        score (float | None):
        comment (None | str): A teacher's override reason, when one is in force.
    """

    competency_id: str
    code: str
    statement: str
    status: MasteryStatus
    level: LevelRead | None
    score: float | None
    comment: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.level_read import LevelRead

        competency_id = self.competency_id

        code = self.code

        statement = self.statement

        status: str = self.status

        level: dict[str, Any] | None
        if isinstance(self.level, LevelRead):
            level = self.level.to_dict()
        else:
            level = self.level

        score: float | None
        score = self.score

        comment: None | str
        comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competency_id": competency_id,
                "code": code,
                "statement": statement,
                "status": status,
                "level": level,
                "score": score,
                "comment": comment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.level_read import LevelRead

        d = dict(src_dict)
        competency_id = d.pop("competency_id")

        code = d.pop("code")

        statement = d.pop("statement")

        status = check_mastery_status(d.pop("status"))

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

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        card_line_read = cls(
            competency_id=competency_id,
            code=code,
            statement=statement,
            status=status,
            level=level,
            score=score,
            comment=comment,
        )

        card_line_read.additional_properties = d
        return card_line_read

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
