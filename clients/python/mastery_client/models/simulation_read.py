from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.competency_tally import CompetencyTally
    from ..models.group_changes import GroupChanges
    from ..models.student_change import StudentChange


T = TypeVar("T", bound="SimulationRead")


@_attrs_define
class SimulationRead:
    """
    Attributes:
        became_mastered (int):
        lost_mastery (int):
        unchanged (int):
        by_competency (list[CompetencyTally]):
        by_subgroup (list[GroupChanges]): For each dimension of group_by, its groups, protected as reports are
        students (list[StudentChange]):
    """

    became_mastered: int
    lost_mastery: int
    unchanged: int
    by_competency: list[CompetencyTally]
    by_subgroup: list[GroupChanges]
    students: list[StudentChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        became_mastered = self.became_mastered

        lost_mastery = self.lost_mastery

        unchanged = self.unchanged

        by_competency = []
        for by_competency_item_data in self.by_competency:
            by_competency_item = by_competency_item_data.to_dict()
            by_competency.append(by_competency_item)

        by_subgroup = []
        for by_subgroup_item_data in self.by_subgroup:
            by_subgroup_item = by_subgroup_item_data.to_dict()
            by_subgroup.append(by_subgroup_item)

        students = []
        for students_item_data in self.students:
            students_item = students_item_data.to_dict()
            students.append(students_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "became_mastered": became_mastered,
                "lost_mastery": lost_mastery,
                "unchanged": unchanged,
                "by_competency": by_competency,
                "by_subgroup": by_subgroup,
                "students": students,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.competency_tally import CompetencyTally
        from ..models.group_changes import GroupChanges
        from ..models.student_change import StudentChange

        d = dict(src_dict)
        became_mastered = d.pop("became_mastered")

        lost_mastery = d.pop("lost_mastery")

        unchanged = d.pop("unchanged")

        by_competency = []
        _by_competency = d.pop("by_competency")
        for by_competency_item_data in _by_competency:
            by_competency_item = CompetencyTally.from_dict(by_competency_item_data)

            by_competency.append(by_competency_item)

        by_subgroup = []
        _by_subgroup = d.pop("by_subgroup")
        for by_subgroup_item_data in _by_subgroup:
            by_subgroup_item = GroupChanges.from_dict(by_subgroup_item_data)

            by_subgroup.append(by_subgroup_item)

        students = []
        _students = d.pop("students")
        for students_item_data in _students:
            students_item = StudentChange.from_dict(students_item_data)

            students.append(students_item)

        simulation_read = cls(
            became_mastered=became_mastered,
            lost_mastery=lost_mastery,
            unchanged=unchanged,
            by_competency=by_competency,
            by_subgroup=by_subgroup,
            students=students,
        )

        simulation_read.additional_properties = d
        return simulation_read

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
