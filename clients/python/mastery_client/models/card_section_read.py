from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.card_line_read import CardLineRead
    from ..models.grade_read import GradeRead


T = TypeVar("T", bound="CardSectionRead")


@_attrs_define
class CardSectionRead:
    """
    Attributes:
        framework_id (str):
        title (str):
        grade (GradeRead | None): Under the framework's grade rules (null without).
        standards (list[CardLineRead]): The framework's standards with a decision for the student, in its order.
        not_assessed (int): The framework's other standards: no evidence yet.
    """

    framework_id: str
    title: str
    grade: GradeRead | None
    standards: list[CardLineRead]
    not_assessed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.grade_read import GradeRead

        framework_id = self.framework_id

        title = self.title

        grade: dict[str, Any] | None
        if isinstance(self.grade, GradeRead):
            grade = self.grade.to_dict()
        else:
            grade = self.grade

        standards = []
        for standards_item_data in self.standards:
            standards_item = standards_item_data.to_dict()
            standards.append(standards_item)

        not_assessed = self.not_assessed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework_id": framework_id,
                "title": title,
                "grade": grade,
                "standards": standards,
                "not_assessed": not_assessed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.card_line_read import CardLineRead
        from ..models.grade_read import GradeRead

        d = dict(src_dict)
        framework_id = d.pop("framework_id")

        title = d.pop("title")

        def _parse_grade(data: object) -> GradeRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                grade_type_0 = GradeRead.from_dict(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GradeRead | None, data)

        grade = _parse_grade(d.pop("grade"))

        standards = []
        _standards = d.pop("standards")
        for standards_item_data in _standards:
            standards_item = CardLineRead.from_dict(standards_item_data)

            standards.append(standards_item)

        not_assessed = d.pop("not_assessed")

        card_section_read = cls(
            framework_id=framework_id,
            title=title,
            grade=grade,
            standards=standards,
            not_assessed=not_assessed,
        )

        card_section_read.additional_properties = d
        return card_section_read

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
