from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GradeSimulationWrite")


@_attrs_define
class GradeSimulationWrite:
    """
    Attributes:
        rules (str): One `GRADE: condition` per line, first match wins, then `otherwise: GRADE`. Conditions: share(P),
            count(P), mean/min/max(level|score) compared to a number; all(P), any(P), none(P); and, or, not, parentheses. P
            is `level OP n`, `score OP n`, `mastered`, `not_yet` or `insufficient_evidence`.
        class_id (None | str | Unset): Only this class's students (default: all).
        changed_only (bool | Unset): List only the grades that change. Default: True.
    """

    rules: str
    class_id: None | str | Unset = UNSET
    changed_only: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rules = self.rules

        class_id: None | str | Unset
        if isinstance(self.class_id, Unset):
            class_id = UNSET
        else:
            class_id = self.class_id

        changed_only = self.changed_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rules": rules,
            }
        )
        if class_id is not UNSET:
            field_dict["class_id"] = class_id
        if changed_only is not UNSET:
            field_dict["changed_only"] = changed_only

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rules = d.pop("rules")

        def _parse_class_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        class_id = _parse_class_id(d.pop("class_id", UNSET))

        changed_only = d.pop("changed_only", UNSET)

        grade_simulation_write = cls(
            rules=rules,
            class_id=class_id,
            changed_only=changed_only,
        )

        grade_simulation_write.additional_properties = d
        return grade_simulation_write

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
