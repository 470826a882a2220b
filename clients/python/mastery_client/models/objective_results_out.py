from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.objective_result_out import ObjectiveResultOut


T = TypeVar("T", bound="ObjectiveResultsOut")


@_attrs_define
class ObjectiveResultsOut:
    """
    Attributes:
        source (str):
        learning_objective_results (list[ObjectiveResultOut]):
    """

    source: str
    learning_objective_results: list[ObjectiveResultOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        learning_objective_results = []
        for learning_objective_results_item_data in self.learning_objective_results:
            learning_objective_results_item = learning_objective_results_item_data.to_dict()
            learning_objective_results.append(learning_objective_results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "learningObjectiveResults": learning_objective_results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.objective_result_out import ObjectiveResultOut

        d = dict(src_dict)
        source = d.pop("source")

        learning_objective_results = []
        _learning_objective_results = d.pop("learningObjectiveResults")
        for learning_objective_results_item_data in _learning_objective_results:
            learning_objective_results_item = ObjectiveResultOut.from_dict(
                learning_objective_results_item_data
            )

            learning_objective_results.append(learning_objective_results_item)

        objective_results_out = cls(
            source=source,
            learning_objective_results=learning_objective_results,
        )

        objective_results_out.additional_properties = d
        return objective_results_out

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
