from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GradeRulesWrite")


@_attrs_define
class GradeRulesWrite:
    """
    Attributes:
        rules (str): One `GRADE: condition` per line, first match wins, then `otherwise: GRADE`. Conditions: share(P),
            count(P), mean/min/max(level|score) compared to a number; all(P), any(P), none(P); and, or, not, parentheses. P
            is `level OP n`, `score OP n`, `mastered`, `not_yet` or `insufficient_evidence`.
    """

    rules: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rules = self.rules

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rules": rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rules = d.pop("rules")

        grade_rules_write = cls(
            rules=rules,
        )

        grade_rules_write.additional_properties = d
        return grade_rules_write

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
