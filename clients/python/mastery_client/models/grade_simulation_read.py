from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.grade_simulation_read_proposed_counts import GradeSimulationReadProposedCounts
    from ..models.simulated_grade_read import SimulatedGradeRead


T = TypeVar("T", bound="GradeSimulationRead")


@_attrs_define
class GradeSimulationRead:
    """
    Attributes:
        students (int):
        changed (int):
        proposed_counts (GradeSimulationReadProposedCounts): Students per proposed grade.
        items (list[SimulatedGradeRead]):
    """

    students: int
    changed: int
    proposed_counts: GradeSimulationReadProposedCounts
    items: list[SimulatedGradeRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        students = self.students

        changed = self.changed

        proposed_counts = self.proposed_counts.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "students": students,
                "changed": changed,
                "proposed_counts": proposed_counts,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.grade_simulation_read_proposed_counts import GradeSimulationReadProposedCounts
        from ..models.simulated_grade_read import SimulatedGradeRead

        d = dict(src_dict)
        students = d.pop("students")

        changed = d.pop("changed")

        proposed_counts = GradeSimulationReadProposedCounts.from_dict(d.pop("proposed_counts"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = SimulatedGradeRead.from_dict(items_item_data)

            items.append(items_item)

        grade_simulation_read = cls(
            students=students,
            changed=changed,
            proposed_counts=proposed_counts,
            items=items,
        )

        grade_simulation_read.additional_properties = d
        return grade_simulation_read

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
