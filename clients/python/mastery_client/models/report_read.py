from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dimension import Dimension, check_dimension
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_row import ReportRow


T = TypeVar("T", bound="ReportRead")


@_attrs_define
class ReportRead:
    """
    Attributes:
        framework_id (str):
        group_by (list[Dimension]):
        min_cell_size (int): Groups with fewer students are hidden
        count_step (int): Every count is the start of a range: students in ranges of count_step (20 means 20 to 29);
            mastered, not_yet and insufficient_evidence in ranges of count_step x competencies in scope. A hidden row
            (suppressed) has no counts.
        items (list[ReportRow]):
        next_cursor (None | Unset): Always null: a report is one page
    """

    framework_id: str
    group_by: list[Dimension]
    min_cell_size: int
    count_step: int
    items: list[ReportRow]
    next_cursor: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework_id = self.framework_id

        group_by = []
        for group_by_item_data in self.group_by:
            group_by_item: str = group_by_item_data
            group_by.append(group_by_item)

        min_cell_size = self.min_cell_size

        count_step = self.count_step

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework_id": framework_id,
                "group_by": group_by,
                "min_cell_size": min_cell_size,
                "count_step": count_step,
                "items": items,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.report_row import ReportRow

        d = dict(src_dict)
        framework_id = d.pop("framework_id")

        group_by = []
        _group_by = d.pop("group_by")
        for group_by_item_data in _group_by:
            group_by_item = check_dimension(group_by_item_data)

            group_by.append(group_by_item)

        min_cell_size = d.pop("min_cell_size")

        count_step = d.pop("count_step")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ReportRow.from_dict(items_item_data)

            items.append(items_item)

        next_cursor = d.pop("next_cursor", UNSET)

        report_read = cls(
            framework_id=framework_id,
            group_by=group_by,
            min_cell_size=min_cell_size,
            count_step=count_step,
            items=items,
            next_cursor=next_cursor,
        )

        report_read.additional_properties = d
        return report_read

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
