from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision_read import DecisionRead


T = TypeVar("T", bound="GridStudent")


@_attrs_define
class GridStudent:
    """
    Attributes:
        student_id (str):
        given_name (str):
        family_name (str):
        decisions (list[DecisionRead]):
    """

    student_id: str
    given_name: str
    family_name: str
    decisions: list[DecisionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        student_id = self.student_id

        given_name = self.given_name

        family_name = self.family_name

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "student_id": student_id,
                "given_name": given_name,
                "family_name": family_name,
                "decisions": decisions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.decision_read import DecisionRead

        d = dict(src_dict)
        student_id = d.pop("student_id")

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = DecisionRead.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        grid_student = cls(
            student_id=student_id,
            given_name=given_name,
            family_name=family_name,
            decisions=decisions,
        )

        grid_student.additional_properties = d
        return grid_student

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
