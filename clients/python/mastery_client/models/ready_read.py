from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision_read import DecisionRead
    from ..models.prerequisite_read import PrerequisiteRead


T = TypeVar("T", bound="ReadyRead")


@_attrs_define
class ReadyRead:
    """
    Attributes:
        competency_id (str):
        code (str):
        statement (str):
        kind (None | str):
        decision (DecisionRead):
        prerequisites (list[PrerequisiteRead]): Its own, all mastered
    """

    competency_id: str
    code: str
    statement: str
    kind: None | str
    decision: DecisionRead
    prerequisites: list[PrerequisiteRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        competency_id = self.competency_id

        code = self.code

        statement = self.statement

        kind: None | str
        kind = self.kind

        decision = self.decision.to_dict()

        prerequisites = []
        for prerequisites_item_data in self.prerequisites:
            prerequisites_item = prerequisites_item_data.to_dict()
            prerequisites.append(prerequisites_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "competency_id": competency_id,
                "code": code,
                "statement": statement,
                "kind": kind,
                "decision": decision,
                "prerequisites": prerequisites,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.decision_read import DecisionRead
        from ..models.prerequisite_read import PrerequisiteRead

        d = dict(src_dict)
        competency_id = d.pop("competency_id")

        code = d.pop("code")

        statement = d.pop("statement")

        def _parse_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind = _parse_kind(d.pop("kind"))

        decision = DecisionRead.from_dict(d.pop("decision"))

        prerequisites = []
        _prerequisites = d.pop("prerequisites")
        for prerequisites_item_data in _prerequisites:
            prerequisites_item = PrerequisiteRead.from_dict(prerequisites_item_data)

            prerequisites.append(prerequisites_item)

        ready_read = cls(
            competency_id=competency_id,
            code=code,
            statement=statement,
            kind=kind,
            decision=decision,
            prerequisites=prerequisites,
        )

        ready_read.additional_properties = d
        return ready_read

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
