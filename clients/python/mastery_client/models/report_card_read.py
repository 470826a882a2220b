from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.grade_read import GradeRead
    from ..models.report_standing_read import ReportStandingRead


T = TypeVar("T", bound="ReportCardRead")


@_attrs_define
class ReportCardRead:
    """
    Attributes:
        student_id (str):
        given_name (str):
        family_name (str):
        grade (GradeRead | None): Null when the framework has no grade rules
        standards (list[ReportStandingRead]):
    """

    student_id: str
    given_name: str
    family_name: str
    grade: GradeRead | None
    standards: list[ReportStandingRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.grade_read import GradeRead

        student_id = self.student_id

        given_name = self.given_name

        family_name = self.family_name

        grade: dict[str, Any] | None
        if isinstance(self.grade, GradeRead):
            grade = self.grade.to_dict()
        else:
            grade = self.grade

        standards = []
        for standards_item_data in self.standards:
            standards_item = standards_item_data.to_dict()
            standards.append(standards_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "student_id": student_id,
                "given_name": given_name,
                "family_name": family_name,
                "grade": grade,
                "standards": standards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.grade_read import GradeRead
        from ..models.report_standing_read import ReportStandingRead

        d = dict(src_dict)
        student_id = d.pop("student_id")

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

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
            standards_item = ReportStandingRead.from_dict(standards_item_data)

            standards.append(standards_item)

        report_card_read = cls(
            student_id=student_id,
            given_name=given_name,
            family_name=family_name,
            grade=grade,
            standards=standards,
        )

        report_card_read.additional_properties = d
        return report_card_read

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
