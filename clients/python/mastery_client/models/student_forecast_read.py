from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.competency_forecast_read import CompetencyForecastRead


T = TypeVar("T", bound="StudentForecastRead")


@_attrs_define
class StudentForecastRead:
    """
    Attributes:
        student_id (str):
        framework_id (str):
        items (list[CompetencyForecastRead]):
    """

    student_id: str
    framework_id: str
    items: list[CompetencyForecastRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        student_id = self.student_id

        framework_id = self.framework_id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "student_id": student_id,
                "framework_id": framework_id,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.competency_forecast_read import CompetencyForecastRead

        d = dict(src_dict)
        student_id = d.pop("student_id")

        framework_id = d.pop("framework_id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = CompetencyForecastRead.from_dict(items_item_data)

            items.append(items_item)

        student_forecast_read = cls(
            student_id=student_id,
            framework_id=framework_id,
            items=items,
        )

        student_forecast_read.additional_properties = d
        return student_forecast_read

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
