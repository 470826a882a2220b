from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_outcome_read_outcome import (
    ItemOutcomeReadOutcome,
    check_item_outcome_read_outcome,
)

T = TypeVar("T", bound="ItemOutcomeRead")


@_attrs_define
class ItemOutcomeRead:
    """
    Attributes:
        id (str):
        outcome (ItemOutcomeReadOutcome):
    """

    id: str
    outcome: ItemOutcomeReadOutcome
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        outcome: str = self.outcome

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        outcome = check_item_outcome_read_outcome(d.pop("outcome"))

        item_outcome_read = cls(
            id=id,
            outcome=outcome,
        )

        item_outcome_read.additional_properties = d
        return item_outcome_read

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
