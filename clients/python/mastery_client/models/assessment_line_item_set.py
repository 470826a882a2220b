from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assessment_line_item_out import AssessmentLineItemOut


T = TypeVar("T", bound="AssessmentLineItemSet")


@_attrs_define
class AssessmentLineItemSet:
    """
    Attributes:
        assessment_line_items (list[AssessmentLineItemOut]):
    """

    assessment_line_items: list[AssessmentLineItemOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessment_line_items = []
        for assessment_line_items_item_data in self.assessment_line_items:
            assessment_line_items_item = assessment_line_items_item_data.to_dict()
            assessment_line_items.append(assessment_line_items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessmentLineItems": assessment_line_items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assessment_line_item_out import AssessmentLineItemOut

        d = dict(src_dict)
        assessment_line_items = []
        _assessment_line_items = d.pop("assessmentLineItems")
        for assessment_line_items_item_data in _assessment_line_items:
            assessment_line_items_item = AssessmentLineItemOut.from_dict(
                assessment_line_items_item_data
            )

            assessment_line_items.append(assessment_line_items_item)

        assessment_line_item_set = cls(
            assessment_line_items=assessment_line_items,
        )

        assessment_line_item_set.additional_properties = d
        return assessment_line_item_set

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
