from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assessment_line_item_in import AssessmentLineItemIn


T = TypeVar("T", bound="PutAssessmentLineItemBody")


@_attrs_define
class PutAssessmentLineItemBody:
    """
    Attributes:
        assessment_line_item (AssessmentLineItemIn): An assessment line item: a line item's fields, its class optional
            (parentAssessmentLineItem is accepted and not kept).
    """

    assessment_line_item: AssessmentLineItemIn
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessment_line_item = self.assessment_line_item.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessmentLineItem": assessment_line_item,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assessment_line_item_in import AssessmentLineItemIn

        d = dict(src_dict)
        assessment_line_item = AssessmentLineItemIn.from_dict(d.pop("assessmentLineItem"))

        put_assessment_line_item_body = cls(
            assessment_line_item=assessment_line_item,
        )

        put_assessment_line_item_body.additional_properties = d
        return put_assessment_line_item_body

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
