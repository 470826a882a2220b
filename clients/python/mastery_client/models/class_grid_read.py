from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.grid_competency import GridCompetency
    from ..models.grid_habits_of_work import GridHabitsOfWork
    from ..models.grid_student import GridStudent


T = TypeVar("T", bound="ClassGridRead")


@_attrs_define
class ClassGridRead:
    """
    Attributes:
        class_id (str):
        framework_id (str):
        competencies (list[GridCompetency]):
        students (list[GridStudent]):
        habits_of_work (list[GridHabitsOfWork] | Unset): The habits-of-work decisions with evidence (students by
            competency, in grid order), decided apart from the academic ones and never counted in them; empty when the
            framework has no habits-of-work category.
    """

    class_id: str
    framework_id: str
    competencies: list[GridCompetency]
    students: list[GridStudent]
    habits_of_work: list[GridHabitsOfWork] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        class_id = self.class_id

        framework_id = self.framework_id

        competencies = []
        for competencies_item_data in self.competencies:
            competencies_item = competencies_item_data.to_dict()
            competencies.append(competencies_item)

        students = []
        for students_item_data in self.students:
            students_item = students_item_data.to_dict()
            students.append(students_item)

        habits_of_work: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.habits_of_work, Unset):
            habits_of_work = []
            for habits_of_work_item_data in self.habits_of_work:
                habits_of_work_item = habits_of_work_item_data.to_dict()
                habits_of_work.append(habits_of_work_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "class_id": class_id,
                "framework_id": framework_id,
                "competencies": competencies,
                "students": students,
            }
        )
        if habits_of_work is not UNSET:
            field_dict["habits_of_work"] = habits_of_work

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.grid_competency import GridCompetency
        from ..models.grid_habits_of_work import GridHabitsOfWork
        from ..models.grid_student import GridStudent

        d = dict(src_dict)
        class_id = d.pop("class_id")

        framework_id = d.pop("framework_id")

        competencies = []
        _competencies = d.pop("competencies")
        for competencies_item_data in _competencies:
            competencies_item = GridCompetency.from_dict(competencies_item_data)

            competencies.append(competencies_item)

        students = []
        _students = d.pop("students")
        for students_item_data in _students:
            students_item = GridStudent.from_dict(students_item_data)

            students.append(students_item)

        _habits_of_work = d.pop("habits_of_work", UNSET)
        habits_of_work: list[GridHabitsOfWork] | Unset = UNSET
        if _habits_of_work is not UNSET:
            habits_of_work = []
            for habits_of_work_item_data in _habits_of_work:
                habits_of_work_item = GridHabitsOfWork.from_dict(habits_of_work_item_data)

                habits_of_work.append(habits_of_work_item)

        class_grid_read = cls(
            class_id=class_id,
            framework_id=framework_id,
            competencies=competencies,
            students=students,
            habits_of_work=habits_of_work,
        )

        class_grid_read.additional_properties = d
        return class_grid_read

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
