from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StudentGradeRead")


@_attrs_define
class StudentGradeRead:
    """
    Attributes:
        grade (str):
        reason (str): The rule that gave it and why each rule above failed.
        rule_line (int | None): The rule's line; null for the default.
        assessed (int): Standards with a level, which the rules measure.
        standards (int): The framework's standards (leaf competencies).
        student_id (str):
        framework_id (str):
        session_id (None | str | Unset): The term asked for (`session_id`); null: the live grade
        frozen_at (datetime.datetime | None | Unset): When the term's snapshot the grade reads was frozen; null when it
            reads the live decisions (no term asked, or the term is still open)
    """

    grade: str
    reason: str
    rule_line: int | None
    assessed: int
    standards: int
    student_id: str
    framework_id: str
    session_id: None | str | Unset = UNSET
    frozen_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        reason = self.reason

        rule_line: int | None
        rule_line = self.rule_line

        assessed = self.assessed

        standards = self.standards

        student_id = self.student_id

        framework_id = self.framework_id

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        frozen_at: None | str | Unset
        if isinstance(self.frozen_at, Unset):
            frozen_at = UNSET
        elif isinstance(self.frozen_at, datetime.datetime):
            frozen_at = self.frozen_at.isoformat()
        else:
            frozen_at = self.frozen_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "reason": reason,
                "rule_line": rule_line,
                "assessed": assessed,
                "standards": standards,
                "student_id": student_id,
                "framework_id": framework_id,
            }
        )
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if frozen_at is not UNSET:
            field_dict["frozen_at"] = frozen_at

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

        student_id = d.pop("student_id")

        framework_id = d.pop("framework_id")

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_frozen_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                frozen_at_type_0 = datetime.datetime.fromisoformat(data)

                return frozen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        frozen_at = _parse_frozen_at(d.pop("frozen_at", UNSET))

        student_grade_read = cls(
            grade=grade,
            reason=reason,
            rule_line=rule_line,
            assessed=assessed,
            standards=standards,
            student_id=student_id,
            framework_id=framework_id,
            session_id=session_id,
            frozen_at=frozen_at,
        )

        student_grade_read.additional_properties = d
        return student_grade_read

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
