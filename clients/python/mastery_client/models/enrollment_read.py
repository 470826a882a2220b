from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_role import EnrollmentRole, check_enrollment_role
from ..models.record_status import RecordStatus, check_record_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentRead")


@_attrs_define
class EnrollmentRead:
    """
    Attributes:
        id (str): The district's sourcedId.
        status (RecordStatus): OneRoster's record status: `tobedeleted` records are kept for history, hidden from reads.
        updated_at (datetime.datetime):
        class_id (str):
        user_id (str):
        role (EnrollmentRole):
        primary (bool | Unset):  Default: False.
        begin_date (datetime.date | None | Unset):
        end_date (datetime.date | None | Unset):
    """

    id: str
    status: RecordStatus
    updated_at: datetime.datetime
    class_id: str
    user_id: str
    role: EnrollmentRole
    primary: bool | Unset = False
    begin_date: datetime.date | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        updated_at = self.updated_at.isoformat()

        class_id = self.class_id

        user_id = self.user_id

        role: str = self.role

        primary = self.primary

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "updated_at": updated_at,
                "class_id": class_id,
                "user_id": user_id,
                "role": role,
            }
        )
        if primary is not UNSET:
            field_dict["primary"] = primary
        if begin_date is not UNSET:
            field_dict["begin_date"] = begin_date
        if end_date is not UNSET:
            field_dict["end_date"] = end_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_record_status(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        class_id = d.pop("class_id")

        user_id = d.pop("user_id")

        role = check_enrollment_role(d.pop("role"))

        primary = d.pop("primary", UNSET)

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

        enrollment_read = cls(
            id=id,
            status=status,
            updated_at=updated_at,
            class_id=class_id,
            user_id=user_id,
            role=role,
            primary=primary,
            begin_date=begin_date,
            end_date=end_date,
        )

        enrollment_read.additional_properties = d
        return enrollment_read

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
