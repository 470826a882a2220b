from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assessment_result_in import AssessmentResultIn


T = TypeVar("T", bound="PutAssessmentResultBody")


@_attrs_define
class PutAssessmentResultBody:
    """
    Attributes:
        assessment_result (AssessmentResultIn):
    """

    assessment_result: AssessmentResultIn
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessment_result = self.assessment_result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessmentResult": assessment_result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assessment_result_in import AssessmentResultIn

        d = dict(src_dict)
        assessment_result = AssessmentResultIn.from_dict(d.pop("assessmentResult"))

        put_assessment_result_body = cls(
            assessment_result=assessment_result,
        )

        put_assessment_result_body.additional_properties = d
        return put_assessment_result_body

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
