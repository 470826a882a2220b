from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GradeRead")


@_attrs_define
class GradeRead:
    """
    Attributes:
        grade (str):
        reason (str): The rule that gave it and why each rule above failed.
        rule_line (int | None): The rule's line; null for the default.
        assessed (int): Standards with a level, which the rules measure.
        standards (int): The framework's standards (leaf competencies).
    """

    grade: str
    reason: str
    rule_line: int | None
    assessed: int
    standards: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        reason = self.reason

        rule_line: int | None
        rule_line = self.rule_line

        assessed = self.assessed

        standards = self.standards

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "reason": reason,
                "rule_line": rule_line,
                "assessed": assessed,
                "standards": standards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grade = d.pop("grade")

        reason = d.pop("reason")

        def _parse_rule_line(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rule_line = _parse_rule_line(d.pop("rule_line"))

        assessed = d.pop("assessed")

        standards = d.pop("standards")

        grade_read = cls(
            grade=grade,
            reason=reason,
            rule_line=rule_line,
            assessed=assessed,
            standards=standards,
        )

        grade_read.additional_properties = d
        return grade_read

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
