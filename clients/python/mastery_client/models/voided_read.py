from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision_read import DecisionRead
    from ..models.item_outcome_read import ItemOutcomeRead


T = TypeVar("T", bound="VoidedRead")


@_attrs_define
class VoidedRead:
    """
    Attributes:
        items (list[ItemOutcomeRead]):
        decisions (list[DecisionRead]): Every decision the batch changed
    """

    items: list[ItemOutcomeRead]
    decisions: list[DecisionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "decisions": decisions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.decision_read import DecisionRead
        from ..models.item_outcome_read import ItemOutcomeRead

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ItemOutcomeRead.from_dict(items_item_data)

            items.append(items_item)

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = DecisionRead.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        voided_read = cls(
            items=items,
            decisions=decisions,
        )

        voided_read.additional_properties = d
        return voided_read

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
