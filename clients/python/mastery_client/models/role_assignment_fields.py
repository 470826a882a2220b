from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_type import RoleType, check_role_type
from ..models.user_role import UserRole, check_user_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="RoleAssignmentFields")


@_attrs_define
class RoleAssignmentFields:
    """One of a user's roles at an org, as a OneRoster 1.2 SIS lists it.

    Attributes:
        role (UserRole): OneRoster 1.1's roles and 1.2's finer ones (a 1.2 SIS says which administrator).
        org_id (str):
        role_type (RoleType | Unset): Whether a 1.2 role is the user's main one at its org.
        begin_date (datetime.date | None | Unset):
        end_date (datetime.date | None | Unset):
        id (None | str | Unset): The SIS's sourcedId of the role.
        source_modified_at (datetime.datetime | None | Unset):
    """

    role: UserRole
    org_id: str
    role_type: RoleType | Unset = UNSET
    begin_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    id: None | str | Unset = UNSET
    source_modified_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role: str = self.role

        org_id = self.org_id

        role_type: str | Unset = UNSET
        if not isinstance(self.role_type, Unset):
            role_type = self.role_type

        begin_date: None | str | Unset
        if isinstance(self.begin_date, Unset):
            begin_date = UNSET
        elif isinstance(self.begin_date, datetime.date):
            begin_date = self.begin_date.isoformat()
        else:
            begin_date = self.begin_date

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        source_modified_at: None | str | Unset
        if isinstance(self.source_modified_at, Unset):
            source_modified_at = UNSET
        elif isinstance(self.source_modified_at, datetime.datetime):
            source_modified_at = self.source_modified_at.isoformat()
        else:
            source_modified_at = self.source_modified_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "org_id": org_id,
            }
        )
        if role_type is not UNSET:
            field_dict["role_type"] = role_type
        if begin_date is not UNSET:
            field_dict["begin_date"] = begin_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if id is not UNSET:
            field_dict["id"] = id
        if source_modified_at is not UNSET:
            field_dict["source_modified_at"] = source_modified_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = check_user_role(d.pop("role"))

        org_id = d.pop("org_id")

        _role_type = d.pop("role_type", UNSET)
        role_type: RoleType | Unset
        if isinstance(_role_type, Unset):
            role_type = UNSET
        else:
            role_type = check_role_type(_role_type)

        def _parse_begin_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                begin_date_type_0 = datetime.date.fromisoformat(data)

                return begin_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        begin_date = _parse_begin_date(d.pop("begin_date", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_source_modified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_modified_at_type_0 = datetime.datetime.fromisoformat(data)

                return source_modified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        source_modified_at = _parse_source_modified_at(d.pop("source_modified_at", UNSET))

        role_assignment_fields = cls(
            role=role,
            org_id=org_id,
            role_type=role_type,
            begin_date=begin_date,
            end_date=end_date,
            id=id,
            source_modified_at=source_modified_at,
        )

        role_assignment_fields.additional_properties = d
        return role_assignment_fields

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
