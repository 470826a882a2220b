from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.org_type import OrgType, check_org_type
from ..models.record_status import RecordStatus, check_record_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrgRead")


@_attrs_define
class OrgRead:
    """
    Attributes:
        id (str): The district's sourcedId.
        status (RecordStatus): OneRoster's record status: `tobedeleted` records are kept for history, hidden from reads.
        updated_at (datetime.datetime):
        name (str):
        type_ (OrgType):
        parent_id (None | str | Unset):
        identifier (None | str | Unset):
    """

    id: str
    status: RecordStatus
    updated_at: datetime.datetime
    name: str
    type_: OrgType
    parent_id: None | str | Unset = UNSET
    identifier: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        name = self.name

        type_: str = self.type_

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "updated_at": updated_at,
                "name": name,
                "type": type_,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if identifier is not UNSET:
            field_dict["identifier"] = identifier

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_record_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        name = d.pop("name")

        type_ = check_org_type(d.pop("type"))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))

        org_read = cls(
            id=id,
            status=status,
            updated_at=updated_at,
            name=name,
            type_=type_,
            parent_id=parent_id,
            identifier=identifier,
        )

        org_read.additional_properties = d
        return org_read

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
