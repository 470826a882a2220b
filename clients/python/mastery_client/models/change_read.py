from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_type import ChangeType, check_change_type

if TYPE_CHECKING:
    from ..models.change_read_data import ChangeReadData


T = TypeVar("T", bound="ChangeRead")


@_attrs_define
class ChangeRead:
    """
    Attributes:
        id (int): The event's id (unique; the feed's order is the cursor's).
        type_ (ChangeType):
        occurred_at (datetime.datetime):
        data (ChangeReadData): Ids and the new status, level or score.
    """

    id: int
    type_: ChangeType
    occurred_at: datetime.datetime
    data: ChangeReadData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: str = self.type_

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.change_read_data import ChangeReadData

        d = dict(src_dict)
        id = d.pop("id")

        type_ = check_change_type(d.pop("type"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = ChangeReadData.from_dict(d.pop("data"))

        change_read = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            data=data,
        )

        change_read.additional_properties = d
        return change_read

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
