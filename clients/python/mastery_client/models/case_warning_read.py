from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.leniency_read import LeniencyRead


T = TypeVar("T", bound="CaseWarningRead")


@_attrs_define
class CaseWarningRead:
    """
    Attributes:
        kind (str):
        message (str): What was accepted, once for every place it was met
        count (int):
        examples (list[LeniencyRead]): The first places (at most 20)
    """

    kind: str
    message: str
    count: int
    examples: list[LeniencyRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        message = self.message

        count = self.count

        examples = []
        for examples_item_data in self.examples:
            examples_item = examples_item_data.to_dict()
            examples.append(examples_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "message": message,
                "count": count,
                "examples": examples,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.leniency_read import LeniencyRead

        d = dict(src_dict)
        kind = d.pop("kind")

        message = d.pop("message")

        count = d.pop("count")

        examples = []
        _examples = d.pop("examples")
        for examples_item_data in _examples:
            examples_item = LeniencyRead.from_dict(examples_item_data)

            examples.append(examples_item)

        case_warning_read = cls(
            kind=kind,
            message=message,
            count=count,
            examples=examples,
        )

        case_warning_read.additional_properties = d
        return case_warning_read

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
