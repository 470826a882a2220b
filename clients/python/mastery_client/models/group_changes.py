from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dimension import Dimension, check_dimension

T = TypeVar("T", bound="GroupChanges")


@_attrs_define
class GroupChanges:
    """One group of one dimension: a school, a grade, or a subgroup's value (null: unknown).

    Attributes:
        dimension (Dimension): What a summary can be grouped by.
        value (bool | None | str):
        students (int | None): Students compared in the group; Published as reports are (docs/decisions/0010-disclosure-
            control.md): each count is the start of its range, students in tens (20 means 20 to 29), decisions in tens of
            students' worth (ten x the competencies); unchanged is the decisions less the other two
        decisions (int | None):
        became_mastered (int | None):
        lost_mastery (int | None):
        unchanged (int | None):
        students_gaining (int | None): Students who would gain at least one
        students_losing (int | None): Students who would lose at least one
        suppressed (bool): Fewer students than the minimum cell size, or hidden beside such a group: every count null
    """

    dimension: Dimension
    value: bool | None | str
    students: int | None
    decisions: int | None
    became_mastered: int | None
    lost_mastery: int | None
    unchanged: int | None
    students_gaining: int | None
    students_losing: int | None
    suppressed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dimension: str = self.dimension

        value: bool | None | str
        value = self.value

        students: int | None
        students = self.students

        decisions: int | None
        decisions = self.decisions

        became_mastered: int | None
        became_mastered = self.became_mastered

        lost_mastery: int | None
        lost_mastery = self.lost_mastery

        unchanged: int | None
        unchanged = self.unchanged

        students_gaining: int | None
        students_gaining = self.students_gaining

        students_losing: int | None
        students_losing = self.students_losing

        suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dimension": dimension,
                "value": value,
                "students": students,
                "decisions": decisions,
                "became_mastered": became_mastered,
                "lost_mastery": lost_mastery,
                "unchanged": unchanged,
                "students_gaining": students_gaining,
                "students_losing": students_losing,
                "suppressed": suppressed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dimension = check_dimension(d.pop("dimension"))

        def _parse_value(data: object) -> bool | None | str:
            if data is None:
                return data
            return cast(bool | None | str, data)

        value = _parse_value(d.pop("value"))

        def _parse_students(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        students = _parse_students(d.pop("students"))

        def _parse_decisions(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        decisions = _parse_decisions(d.pop("decisions"))

        def _parse_became_mastered(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        became_mastered = _parse_became_mastered(d.pop("became_mastered"))

        def _parse_lost_mastery(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        lost_mastery = _parse_lost_mastery(d.pop("lost_mastery"))

        def _parse_unchanged(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        unchanged = _parse_unchanged(d.pop("unchanged"))

        def _parse_students_gaining(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        students_gaining = _parse_students_gaining(d.pop("students_gaining"))

        def _parse_students_losing(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        students_losing = _parse_students_losing(d.pop("students_losing"))

        suppressed = d.pop("suppressed")

        group_changes = cls(
            dimension=dimension,
            value=value,
            students=students,
            decisions=decisions,
            became_mastered=became_mastered,
            lost_mastery=lost_mastery,
            unchanged=unchanged,
            students_gaining=students_gaining,
            students_losing=students_losing,
            suppressed=suppressed,
        )

        group_changes.additional_properties = d
        return group_changes

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
