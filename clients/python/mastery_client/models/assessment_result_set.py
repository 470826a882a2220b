from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assessment_result_out import AssessmentResultOut


T = TypeVar("T", bound="AssessmentResultSet")


@_attrs_define
class AssessmentResultSet:
    """
    Attributes:
        assessment_results (list[AssessmentResultOut]):
    """

    assessment_results: list[AssessmentResultOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessment_results = []
        for assessment_results_item_data in self.assessment_results:
            assessment_results_item = assessment_results_item_data.to_dict()
            assessment_results.append(assessment_results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessmentResults": assessment_results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assessment_result_out import AssessmentResultOut

        d = dict(src_dict)
        assessment_results = []
        _assessment_results = d.pop("assessmentResults")
        for assessment_results_item_data in _assessment_results:
            assessment_results_item = AssessmentResultOut.from_dict(assessment_results_item_data)

            assessment_results.append(assessment_results_item)

        assessment_result_set = cls(
            assessment_results=assessment_results,
        )

        assessment_result_set.additional_properties = d
        return assessment_result_set

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
