from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rule_read import RuleRead


T = TypeVar("T", bound="GradeRulesRead")


@_attrs_define
class GradeRulesRead:
    """
    Attributes:
        framework_id (str):
        rules (str): As written.
        parsed (list[RuleRead]): The rules in the order they are tried.
        default (str): The grade when no rule holds.
        updated_at (datetime.datetime):
    """

    framework_id: str
    rules: str
    parsed: list[RuleRead]
    default: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework_id = self.framework_id

        rules = self.rules

        parsed = []
        for parsed_item_data in self.parsed:
            parsed_item = parsed_item_data.to_dict()
            parsed.append(parsed_item)

        default = self.default

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework_id": framework_id,
                "rules": rules,
                "parsed": parsed,
                "default": default,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rule_read import RuleRead

        d = dict(src_dict)
        framework_id = d.pop("framework_id")

        rules = d.pop("rules")

        parsed = []
        _parsed = d.pop("parsed")
        for parsed_item_data in _parsed:
            parsed_item = RuleRead.from_dict(parsed_item_data)

            parsed.append(parsed_item)

        default = d.pop("default")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        grade_rules_read = cls(
            framework_id=framework_id,
            rules=rules,
            parsed=parsed,
            default=default,
            updated_at=updated_at,
        )

        grade_rules_read.additional_properties = d
        return grade_rules_read

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
